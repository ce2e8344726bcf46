import { readXlsxLean } from "./lean-read";
import { sheetMerges } from "./read";
import { conditionalFormats } from "./conditional";
(async () => {
  const a = (await readXlsxLean(process.argv[2]))!;
  const b = (await readXlsxLean(process.argv[3]))!;
  console.log(a.workbook.worksheets.map((w) => w.name).join(","), "|", b.workbook.worksheets.map((w) => w.name).join(","));
  let diffs = 0;
  for (const wa of a.workbook.worksheets) {
    const wb = b.workbook.getWorksheet(wa.name)!;
    const ra = a.rows.get(wa)!, rb = b.rows.get(wb)!;
    if (ra.length !== rb.length) console.log(wa.name, "rows", ra.length, rb.length);
    for (let r = 0; r < Math.max(ra.length, rb.length); r++) {
      const x = ra[r], y = rb[r];
      const n = Math.max(x?.values.length ?? 0, y?.values.length ?? 0);
      for (let c = 0; c < n; c++) {
        const vx = JSON.stringify([x?.values[c] ?? null, x?.styles?.[c] ?? {}]);
        const vy = JSON.stringify([y?.values[c] ?? null, y?.styles?.[c] ?? {}]);
        if (vx !== vy && diffs++ < 10) console.log(wa.name, r + 1, c + 1, vx, vy);
      }
      if (JSON.stringify([x?.height, x?.hidden]) !== JSON.stringify([y?.height, y?.hidden]) && diffs++ < 10) console.log("row", r, x?.height, y?.height);
    }
    for (const k of ["views", "pageSetup", "properties", "state"] as const) if (JSON.stringify(wa[k]) !== JSON.stringify(wb[k])) console.log(wa.name, k, JSON.stringify(wa[k]), JSON.stringify(wb[k]));
    if (JSON.stringify(sheetMerges(wa)) !== JSON.stringify(sheetMerges(wb))) console.log(wa.name, "merges differ");
    if (JSON.stringify(conditionalFormats(wa)) !== JSON.stringify(conditionalFormats(wb))) console.log(wa.name, "cf differ", JSON.stringify(conditionalFormats(wa)).slice(0, 300), JSON.stringify(conditionalFormats(wb)).slice(0, 300));
    if (JSON.stringify(wa.columns?.map((c) => c.width)) !== JSON.stringify(wb.columns?.map((c) => c.width))) console.log(wa.name, "widths differ");
  }
  console.log("diffs", diffs);
})();
