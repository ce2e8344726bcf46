import { matchPlain } from "./match";
import { normaliseHeader } from "./text";
import { FIELD_WORDS } from "./synonyms";

/**
 * Rows inside a table that are not members: the header typed again (before each branch's block,
 * after a page break), a fill-in template's example row, a title repeated on a new page, and a
 * branch's section row. Each test is cheap for an ordinary name and runs once per row.
 */

const NAME_WORD_FIRSTS = new Set<string>();
for (const w of [...FIELD_WORDS.name.headers, ...(FIELD_WORDS.name.meaning ?? []), ...(FIELD_WORDS.name.qualifiers ?? [])]) NAME_WORD_FIRSTS.add(w[0]);

/** A template's placeholder: {name}, ${姓名}, <姓名>, ×××, 例：张三, 张三（示例）. */
const PLACEHOLDER =
  /^(?:\$?\{[^{}]*\}|\{\{.*\}\}|<[^<>]*>|[xX×＊*※○〇]{2,}|(?:例|示例|样例|举例|例如|范例)\s*[:：].*|.*[(（]\s*(?:示例|样例|例|举例|模板|范例|参考)\s*[)）])$/;
const PLACEHOLDER_FIRSTS = new Set([..."{$<xX×＊*※○〇例示样举范"]);
const PLACEHOLDER_LASTS = new Set([..."}>)）"]);

/** A title line of a list (repeated after a page break): no one is named so. */
const TITLE = /名单|名册|台账|一览表|统计表|登记表|汇总表|评议表|情况表|测评表|续表|[(（]续[)）]|续上页|接上页/;

/** A name that is not a person: the name header repeated, a placeholder, a title. */
export function notAPerson(name: string): boolean {
  if (name.length === 0) return false;
  if (NAME_WORD_FIRSTS.has(name[0]) && matchPlain(normaliseHeader(name)) === "name") return true;
  if ((PLACEHOLDER_FIRSTS.has(name[0]) || PLACEHOLDER_LASTS.has(name[name.length - 1])) && PLACEHOLDER.test(name)) return true;
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
