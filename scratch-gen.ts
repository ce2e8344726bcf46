import { generateWorkbook, writeSpecsXlsx } from "./bench/generate";
(async () => {
  const t0 = performance.now();
  const wb = generateWorkbook(25_700);
  await writeSpecsXlsx(wb.sheets, "/tmp/demo-dist/big.xlsx");
  console.log("ms", Math.round(performance.now() - t0), wb.sheets.map((s) => `${s.name}:${s.rows.length}`));
})();
