import { createHash } from "node:crypto";
import { parse } from "acorn";
import { buildSync, transformSync } from "esbuild";
import ts from "typescript";

/**
 * A TypeScript entry as one small ES5 script for web views that cannot run the bundle (Internet
 * Explorer, the old Edge): esbuild bundles it, TypeScript lowers the syntax to ES5 (esbuild cannot
 * lower const/let), esbuild minifies it, and acorn proves the result parses as ES5. Non-ASCII
 * characters stay escaped, so the script reads the same whatever charset it is served with.
 * The sources must use ES5 built-ins only; nothing here adds polyfills.
 */
export function es5Script(entry: string): { code: string; hash: string } {
  const bundled = buildSync({ entryPoints: [entry], bundle: true, format: "iife", target: "es2015", platform: "browser", write: false, logLevel: "silent", charset: "ascii" });
  const lowered = ts.transpileModule(bundled.outputFiles[0].text, {
    compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.None, removeComments: true, noEmitHelpers: false },
  }).outputText;
  const code = transformSync(lowered, { minify: true, target: "es5", charset: "ascii", legalComments: "none" }).code;
  parse(code, { ecmaVersion: 5, sourceType: "script" });
  return { code, hash: createHash("sha256").update(code).digest("hex").slice(0, 8) };
}
