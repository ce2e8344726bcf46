import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const SRC = resolve(__dirname, "../../src");

function resolveModule(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]) {
    if (existsSync(candidate) && !candidate.endsWith("/") && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

/** Static value imports (not `import type`, not `import()`) reachable from an entry: local files and packages. */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(/^\s*(import|export)\s+(type\s+)?([^;]*?\sfrom\s+)?["']([^"']+)["']/gm)) {
      if (match[2]) continue;
      const specifier = match[4];
      if (specifier.startsWith(".")) {
        const target = resolveModule(file, specifier);
        if (target) queue.push(target);
      } else packages.add(specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/"));
    }
  }
  return { files, packages };
}

test("the task pane's first load does not carry exceljs: it is imported only when a summary is exported", () => {
  const { files, packages } = staticGraph(join(SRC, "taskpane/index.tsx"));
  expect(files.size).toBeGreaterThan(10);
  expect([...packages].sort()).toEqual(expect.arrayContaining(["@fluentui/react-components", "react", "react-dom"]));
  expect(packages).not.toContain("exceljs");
  const loader = readFileSync(join(SRC, "taskpane/export/exportSummary.ts"), "utf8");
  expect(loader).toMatch(/await import\([^)]*"exceljs"\)/);
  expect(files).toContain(join(SRC, "taskpane/export/exportSummary.ts"));
});

test("the graph walker does see a static exceljs import where there is one", () => {
  // the .xlsx host reads files with exceljs directly: the walker must report it
  const host = [join(SRC, "hosts/xlsx/index.ts"), join(SRC, "hosts/xlsx/index.tsx")].find(existsSync);
  expect(host).toBeDefined();
  expect(staticGraph(host!).packages).toContain("exceljs");
});
