/**
 * The CLI's floor: exceljs reading and writing the same workbook with no work of ours, in the
 * CLI's own style (exceljs's parsers with the rows kept lean, the streaming copy to write: see
 * src/hosts/xlsx/lean-read.ts). Run as its own process: `tsx bench/floor.ts IN.xlsx OUT.xlsx`.
 */
import { readXlsxLean, writeLeanXlsx } from "../src/hosts/xlsx";

async function main(input: string, output: string): Promise<void> {
  const lean = await readXlsxLean(input);
  if (!lean) throw new Error(`${input}: images or notes (the CLI reads it with exceljs's plain reader)`);
  await writeLeanXlsx(lean, output);
}

main(process.argv[2], process.argv[3]).catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 2;
});
