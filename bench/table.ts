/** One table of figures: measure | size | figure | target | verdict. */
export interface Row {
  area: string;
  size: string;
  measure: string;
  value: string;
  target?: string;
  verdict?: "PASS" | "MISS" | "n/a" | "SKIP";
}

/** Display width: CJK characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(text: string, to: number): string {
  return text + " ".repeat(Math.max(0, to - width(text)));
}

export function renderTable(rows: Row[]): string {
  const head: Row = { area: "area", size: "members", measure: "measure", value: "value", target: "target", verdict: undefined };
  const cells = (r: Row) => [r.area, r.size, r.measure, r.value, r.target ?? "", r.verdict ?? ""];
  const all = [head, ...rows].map(cells);
  const widths = all[0].map((_, i) => Math.max(...all.map((c) => width(c[i]))));
  const line = (c: string[]) => c.map((text, i) => pad(text, widths[i])).join(" | ").trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("-|-");
  return [line(all[0].slice(0, 5).concat("result")), rule, ...all.slice(1).map(line)].join("\n");
}

export const fmt = {
  ms: (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`),
  mb: (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`,
  kb: (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`,
  n: (n: number) => n.toLocaleString("en-US"),
  ratio: (r: number) => `${r.toFixed(2)}×`,
};

export const verdict = (ok: boolean): "PASS" | "MISS" => (ok ? "PASS" : "MISS");
