import type { PlanCell } from "../engine";

/**
 * ID numbers never leave the unit in an export. An ID is 15 or 18 digits (the last may be X),
 * however it was typed: in ASCII or full-width digits (１１０１…), in groups parted by spaces
 * or hyphens ("110101 19900101 1234"), or as the scientific form a number-stored ID shows
 * ("1.10101E+17").
 */
export const ID_MASK = "〔证件号已隐去〕";

const DIGIT = "[0-9\\uff10-\\uff19]";
/**
 * Digit groups (two digits or more) parted by one space each, or by one hyphen each (never a
 * mix: "2025-03-01 2025-04-30" is two dates), and an optional X.
 */
const DIGIT_RUNS = ["[ \\u00a0\\u3000]", "[-‐－]"].map(
  (gap) => new RegExp(`(?<!${DIGIT}[.．]?)${DIGIT}{2,}(?:${gap}${DIGIT}{2,})*(?:${gap}?[XxＸｘ])?(?!${DIGIT})`, "g"),
);
const SCIENTIFIC = /[0-9\uff10-\uff19][.．][0-9\uff10-\uff19]+[eEｅＥ][+＋]?[1１][4-9４-９]/g;

function digitCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) n++;
  }
  return n;
}

const maskRun = (run: string) => {
  const digits = digitCount(run);
  return digits >= 15 && digits <= 18 ? ID_MASK : run;
};

export function maskIdText(text: string): string {
  let out = text;
  for (const runs of DIGIT_RUNS) out = out.replace(runs, maskRun);
  return out.replace(SCIENTIFIC, ID_MASK);
}

/** A cell's value with any ID number masked (a number of 15 digits or more is an ID stored as a number). */
export function maskIds(value: PlanCell): PlanCell {
  if (typeof value === "string") return maskIdText(value);
  if (typeof value === "number" && Number.isInteger(value) && Math.abs(value) >= 1e14) return ID_MASK;
  return value;
}
