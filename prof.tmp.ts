import { generateInput } from "./bench/generate";
import { evaluateWorkbook, DEFAULT_RULES, readWorkbook, evaluateMembers } from "./src/engine";
const input = generateInput(25700);
let t = performance.now();
const read = readWorkbook(input);
console.log("read", performance.now() - t);
t = performance.now();
const r = evaluateWorkbook(input, { rules: DEFAULT_RULES, today: "2025-03-25" });
console.log("all", performance.now() - t);
