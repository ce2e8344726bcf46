/**
 * What Excel makes of a string written through `range.values` into a cell that is not
 * formatted as text ("@"): it parses it as if the user had typed it. Only the conversions a
 * workbook of ours can meet are modelled (zh-CN and en-US Excel agree on all of them).
 */
export type TypedInput =
  | { kind: "text"; text: string }
  | { kind: "formula"; formula: string }
  | { kind: "error"; code: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "number"; value: number; numberFormat?: string };

/** Excel's date serial (1900 system) of a calendar date. */
export function dateSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000);
}

const ERRORS = new Set(["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"]);
const CURRENCY = "[$¥￥€£]";
/** Sign, currency, digits with thousands separators, decimals, exponent, percent: "-¥1,234.5", "12%", "1e3". */
const NUMBER = new RegExp(String.raw`^([+-]?)\s*(${CURRENCY}?)\s*((?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d*)?(?:e[+-]?\d+)?)(%?)$`, "i");
/** A negative written in parentheses: "(12)", "(¥1,234.50)". */
const PARENTHESISED = /^\((.*)\)$/;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
const MONTH_DAY = new RegExp(String.raw`^${MONTH}[\s-]+(\d{1,2})(?:,?\s*(\d{4}))?$`, "i");
const DAY_MONTH = new RegExp(String.raw`^(\d{1,2})[\s-]+${MONTH}(?:[\s-]+(\d{4}))?$`, "i");
const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const MONTH_FIRST = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/;
const CHINESE_DATE = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?$/i;

function numberOf(text: string): { value: number; numberFormat?: string } | null {
  const m = NUMBER.exec(text);
  if (!m || !/\d/.test(m[3])) return null;
  const magnitude = Number(m[3].replace(/,/g, ""));
  if (!Number.isFinite(magnitude)) return null;
  const value = (m[1] === "-" ? -magnitude : magnitude) / (m[4] ? 100 : 1);
  const numberFormat = m[2] ? `${m[2]}#,##0.00` : m[4] ? "0%" : m[3].includes(",") ? "#,##0" : undefined;
  return { value, numberFormat };
}

function validDate(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 ? dateSerial(year, month, day) : null;
}

function dateOf(text: string, year: number): { value: number; numberFormat: string } | null {
  let m: RegExpExecArray | null;
  let serial: number | null = null;
  if ((m = YEAR_FIRST.exec(text))) serial = validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  else if ((m = MONTH_FIRST.exec(text))) {
    const y = m[3] === undefined ? year : m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    serial = validDate(y, Number(m[1]), Number(m[2]));
  } else if ((m = MONTH_DAY.exec(text))) serial = validDate(m[3] ? Number(m[3]) : year, MONTHS.indexOf(m[1].toLowerCase()) + 1, Number(m[2]));
  else if ((m = DAY_MONTH.exec(text))) serial = validDate(m[3] ? Number(m[3]) : year, MONTHS.indexOf(m[2].toLowerCase()) + 1, Number(m[1]));
  else if ((m = CHINESE_DATE.exec(text))) serial = validDate(m[1] ? Number(m[1]) : year, Number(m[2]), Number(m[3]));
  return serial === null ? null : { value: serial, numberFormat: "yyyy/m/d" };
}

function timeOf(text: string): number | null {
  const m = TIME.exec(text);
  if (!m) return null;
  let hours = Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = m[3] ? Number(m[3]) : 0;
  if (m[4]) hours = (hours % 12) + (m[4].toLowerCase() === "pm" ? 12 : 0);
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return (hours * 3600 + minutes * 60 + seconds) / 86400;
}

/**
 * The value Excel stores for `text` typed into a General cell: "'…" keeps the rest as text,
 * "=…" is a formula (and "+…", "-…", "@…" that are not numbers), "#N/A" an error, "TRUE" a
 * boolean, "12", "(12)", "¥12", "1,234", "12%" numbers, "2025-03-01", "1/5", "Jan 5", "3月5日"
 * dates of `year` when the year is not given, "8:30" a time; anything else stays text.
 */
export function parseTyped(text: string, year: number): TypedInput {
  if (text.startsWith("'")) return { kind: "text", text: text.slice(1) };
  const trimmed = text.trim();
  const number = numberOf(trimmed);
  if (number) return { kind: "number", ...number };
  if (/^[=+\-@]/.test(text)) return { kind: "formula", formula: text.startsWith("=") ? text : `=${text}` };
  if (ERRORS.has(trimmed.toUpperCase())) return { kind: "error", code: trimmed.toUpperCase() };
  if (/^(true|false)$/i.test(trimmed)) return { kind: "boolean", value: trimmed.toLowerCase() === "true" };
  const negative = PARENTHESISED.exec(trimmed);
  const inner = negative ? numberOf(negative[1].trim()) : null;
  if (inner && inner.value >= 0)
    return {
      kind: "number",
      value: -inner.value,
      numberFormat: inner.numberFormat ?? "#,##0_);(#,##0)",
    };
  const date = dateOf(trimmed, year);
  if (date) return { kind: "number", ...date };
  const time = timeOf(trimmed);
  if (time !== null) return { kind: "number", value: time, numberFormat: "h:mm" };
  return { kind: "text", text };
}
