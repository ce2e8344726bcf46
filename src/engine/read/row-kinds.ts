import { matchPlain } from "./match";
import { normaliseHeader } from "./text";
import { FIELD_WORDS } from "./synonyms";

/**
 * Rows inside a table that are not members: the header typed again (before each branch's block,
 * after a page break), a fill-in template's example row, a title repeated on a new page, and a
 * branch's section row. Each test is cheap for an ordinary name and runs once per row.
 */

/** Per UTF-16 code: 1 a name header may start with it, 2 a placeholder may, 4 a placeholder may end with it. One look per row. */
const FLAGS = new Uint8Array(0x10000);
for (const w of [...FIELD_WORDS.name.headers, ...(FIELD_WORDS.name.meaning ?? []), ...(FIELD_WORDS.name.qualifiers ?? [])]) FLAGS[w.charCodeAt(0)] |= 1;

/** A template's placeholder: {name}, ${姓名}, <姓名>, ×××, 例：张三, 张三（示例）. */
const PLACEHOLDER =
  /^(?:\$?\{[^{}]*\}|\{\{.*\}\}|<[^<>]*>|[xX×＊*※○〇]{2,}|(?:例|示例|样例|举例|例如|范例)\s*[:：].*|.*[(（]\s*(?:示例|样例|例|举例|模板|范例|参考)\s*[)）])$/;
for (const c of "{$<xX×＊*※○〇例示样举范") FLAGS[c.charCodeAt(0)] |= 2;
for (const c of "}>)）") FLAGS[c.charCodeAt(0)] |= 4;

/** A title line of a list (repeated after a page break): no one is named so. */
const TITLE = /名单|名册|台账|一览表|统计表|登记表|汇总表|评议表|情况表|测评表|续表|[(（]续[)）]|续上页|接上页/;

/** A name that is not a person: the name header repeated, a placeholder, a title. */
export function notAPerson(name: string): boolean {
  if (name.length === 0) return false;
  const first = FLAGS[name.charCodeAt(0)];
  if ((first & 1) !== 0 && matchPlain(normaliseHeader(name)) === "name") return true;
  if (((first & 2) !== 0 || (FLAGS[name.charCodeAt(name.length - 1)] & 4) !== 0) && PLACEHOLDER.test(name)) return true;
  return name.length >= 6 && TITLE.test(name);
}

/** A list number or label in front of a section's name: 一、 (一) 1. 支部： */
const SECTION_PREFIX = /^(?:(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.、．)）]|[(（](?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）])?\s*(?:(?:所在|所属)?(?:党支部|支部)(?:名称)?\s*[:：])?\s*/;
/** A note after it: （12人）, (共15名党员). */
const SECTION_NOTE = /\s*[(（][^()（）]*[)）]\s*$/;
const BRANCH_END = /(?:党支部|支部|党总支|总支|党小组|支部委员会|党委|党工委)$/;

/**
 * The branch a section row names ("第一党支部", "一、机关第二党支部（12人）"), when a row holding
 * one text and nothing else is one; undefined otherwise.
 */
export function sectionBranch(text: string): string | undefined {
  const t = text.trim().replace(SECTION_PREFIX, "").replace(SECTION_NOTE, "").replace(/[:：]$/, "").trim();
  if (t.length < 3 || t.length > 40 || !BRANCH_END.test(t)) return undefined;
  return t;
}

/** A row under the header saying the units or how to fill it in: （小时）, %, 是/否. */
const UNIT_NOTE = /^(?:[(（][^()（）]*[)）]|小时|学时|天|次|人|%|个月|月|票|分|是\/否|是或否|填是或否)$/;

/** True when a cell of a row with no name repeats the header above it or notes a unit: part of the header, not data. */
export function echoesHeader(text: string, headerTexts: ReadonlySet<string> | undefined): boolean {
  const n = normaliseHeader(text);
  return (headerTexts !== undefined && headerTexts.has(n)) || UNIT_NOTE.test(text.trim());
}
