import { readFileSync } from "node:fs";
import * as path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}

export interface HotFunction {
  name: string;
  where: string;
  selfMs: number;
  totalMs: number;
}

/** The hottest functions of a V8 .cpuprofile (node --cpu-prof), by self and inclusive time. */
export function hotFunctions(file: string, top = 15): HotFunction[] {
  const profile = JSON.parse(readFileSync(file, "utf8")) as { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[] };
  const msPerSample = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples.length);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: ProfileNode) => `${n.callFrame.functionName || "(anonymous)"}\t${path.relative(process.cwd(), n.callFrame.url.replace(/^file:\/\//, ""))}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  for (const n of profile.nodes) {
    const k = key(n);
    self.set(k, (self.get(k) ?? 0) + n.hitCount);
    // inclusive: count each sample once per distinct function on its stack
    const seen = new Set<string>();
    for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
      const kk = key(byId.get(id)!);
      if (seen.has(kk)) continue;
      seen.add(kk);
      total.set(kk, (total.get(kk) ?? 0) + n.hitCount);
    }
  }
  return [...self.entries()]
    .filter(([k]) => !k.startsWith("(garbage") && !k.startsWith("(program") && !k.startsWith("(idle"))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, hits]) => {
      const [name, where] = k.split("\t");
      return { name, where, selfMs: hits * msPerSample, totalMs: (total.get(k) ?? 0) * msPerSample };
    });
}
