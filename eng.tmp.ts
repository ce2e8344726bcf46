import { generateInput } from "./bench/generate";
import { measureEngine } from "./bench/engine";
for (const n of [1000, 25700, 160000]) {
  const input = generateInput(n);
  console.log(JSON.stringify(measureEngine(input, n)));
}
