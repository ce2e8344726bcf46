import { readXlsxLean } from "./lean-read";
import { leanInput } from "./lean-grid";
import { applyPlanLean } from "./lean-apply";
import { writeLeanXlsx } from "./lean-write";
import { evaluateWorkbook, DEFAULT_RULES } from "../../engine";
const mb = () => { global.gc?.(); const m = process.memoryUsage(); return `rss ${(m.rss/1e6)|0} heap ${(m.heapUsed/1e6)|0} ext ${(m.external/1e6)|0} ab ${(m.arrayBuffers/1e6)|0}`; };
let peak = 0, ph = 0, pe = 0; setInterval(() => { const m = process.memoryUsage(); peak = Math.max(peak, m.rss); ph = Math.max(ph, m.heapTotal); pe = Math.max(pe, m.external); }, 20).unref();
(async () => {
  let t = performance.now(); const lap = (s: string) => { const n = performance.now(); console.log(s, ((n - t) / 1000).toFixed(1) + "s", mb(), "peak", (peak/1e6)|0, "heapTotal", (ph/1e6)|0, "ext", (pe/1e6)|0); peak = ph = pe = 0; t = n; };
  const lean = (await readXlsxLean(process.argv[2]))!; lap("read");
  if (process.argv[3] !== "floor") {
  let grids: ReturnType<typeof leanInput> | undefined = leanInput(lean); lap("grids");
  let result: ReturnType<typeof evaluateWorkbook> | undefined = evaluateWorkbook(grids, { rules: DEFAULT_RULES, today: "2025-03-25", unitName: "x" } as never); lap("engine");
  grids = undefined;
  applyPlanLean(lean, result.plan); lap("apply");
  result = undefined; }
  await writeLeanXlsx(lean, "/tmp/xj-me/probe.xlsx"); lap("write");
})();
