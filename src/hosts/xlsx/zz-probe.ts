import { readXlsxLean } from "./lean-read";
import { leanInput } from "./lean-grid";
import { applyPlanLean } from "./lean-apply";
import { writeLeanXlsx } from "./lean-write";
import { evaluateWorkbook, DEFAULT_RULES } from "../../engine";
const mb = () => { global.gc?.(); const m = process.memoryUsage(); return `rss ${(m.rss/1e6)|0} heap ${(m.heapUsed/1e6)|0} ext ${(m.external/1e6)|0} ab ${(m.arrayBuffers/1e6)|0}`; };
let peak = 0; setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50).unref();
(async () => {
  let t = performance.now(); const lap = (s: string) => { const n = performance.now(); console.log(s, ((n - t) / 1000).toFixed(1) + "s", mb(), "peak", (peak/1e6)|0); t = n; };
  const lean = (await readXlsxLean(process.argv[2]))!; lap("read");
  const grids = leanInput(lean); lap("grids");
  const result = evaluateWorkbook(grids, { rules: DEFAULT_RULES, today: "2025-03-25", unitName: "x" } as never); lap("engine");
  applyPlanLean(lean, result.plan); lap("apply");
  await writeLeanXlsx(lean, "/tmp/xj-me/probe.xlsx"); lap("write");
})();
