/**
 * Generates (or finds in the cache) the benchmark workbook of a size in a process of its own:
 * a city of a million members is made with a larger heap than the benchmark's own.
 * Run as `node BUNDLE MEMBERS SEED`; prints the generateXlsx result as JSON.
 */
import { generateXlsx } from ".";

generateXlsx(Number(process.argv[2]), Number(process.argv[3])).then(
  (result) => process.stdout.write(JSON.stringify(result) + "\n"),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
