const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);

/** What the grid shows for a stored value: dates and percentages as Excel would, else the text. */
export function displayText(value: unknown, numberFormat?: string | null): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    const format = numberFormat ?? "";
    if (/[yd]/i.test(format) && !/^\[?h/i.test(format)) {
      const date = new Date(EPOCH_1900 + Math.round(value) * DAY_MS);
      return `${date.getUTCFullYear()}/${date.getUTCMonth() + 1}/${date.getUTCDate()}`;
    }
    if (format.includes("%")) {
      const digits = /\.(0+)%/.exec(format)?.[1].length ?? 0;
      return `${(value * 100).toFixed(digits)}%`;
    }
    if (/^0\.0+$/.test(format)) return value.toFixed(format.length - 2);
    return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
  }
  return String(value);
}
