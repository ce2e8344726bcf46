/**
 * The CLI's floor: exceljs reading and writing the same workbook with no work of ours (the
 * plain reader on the file's bytes, the streaming copy to write).
 * Run as its own process: `tsx bench/floor.ts IN.xlsx OUT.xlsx`.
 */
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { streamWorkbook } from "../src/hosts/xlsx/stream-write";

async function main(input: string, output: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(input)) as unknown as ExcelJS.Buffer);
  await streamWorkbook(workbook, output);
}

main(process.argv[2], process.argv[3]).catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 2;
});
