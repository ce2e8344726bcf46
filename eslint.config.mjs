import js from "@eslint/js";
import tseslint from "typescript-eslint";

const hostModules = ["exceljs", "fs", "node:fs", "fs/promises", "node:fs/promises", "path", "node:path", "react", "react-dom", "@fluentui/*", "office-js", "commander"];

export default tseslint.config(
  { ignores: ["dist/**", "dist-tsc/**", "node_modules/**", "test-output/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The engine is pure: no hosts, no I/O, no clock.
    files: ["src/engine/**/*.ts", "src/i18n/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: hostModules.filter((m) => !m.includes("*")).map((name) => ({ name, message: "The engine is pure: hosts do I/O." })),
          patterns: [
            { group: ["@fluentui/*"], message: "The engine is pure." },
            { group: ["**/hosts/**", "**/cli/**", "**/taskpane/**", "**/demo/**"], message: "The engine must not depend on hosts or UI." },
          ],
        },
      ],
      "no-restricted-globals": ["error", { name: "Excel", message: "The engine never touches Office.js." }, { name: "Office", message: "The engine never touches Office.js." }, { name: "fetch", message: "The engine does no I/O." }],
      "no-restricted-properties": ["error", { object: "Date", property: "now", message: "Today's date is an input to the engine." }],
      "no-restricted-syntax": ["error", { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Today's date is an input to the engine." }],
    },
  },
  {
    // The task pane never calls Office.js itself: hosts are passed in.
    files: ["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx"],
    rules: {
      "no-restricted-globals": ["error", { name: "Excel", message: "Use the host passed in." }],
      "no-restricted-imports": ["error", { paths: [{ name: "fs", message: "The task pane runs in a browser." }] }],
    },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    languageOptions: { globals: { process: "readonly", console: "readonly", require: "readonly", module: "writable", __dirname: "readonly" } },
  },
  {
    files: ["test/**/*.ts", "test/**/*.tsx", "bench/**/*.ts", "scripts/**/*.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off", "@typescript-eslint/no-explicit-any": "off" },
  },
);
