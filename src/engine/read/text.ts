/** Text normalisation shared by header matching, value parsing and joining. */

/** Full-width ASCII (ＡＢ１２（）) → half-width, ideographic space → space. Fast when nothing to do. */
export function toHalfWidth(s: string): string {
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) break;
  }
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else out += s[i];
  }
  return out;
}

const WHITESPACE = /[\s\u00a0\u3000\u200b\ufeff]+/g;
const OPEN_BRACKETS = /[【[〔［〈<《「『]/g;
const CLOSE_BRACKETS = /[】\]〕］〉>》」』]/g;
const TRAILING_BRACKET = /\([^()]*\)$/;
const LEADING_MARKS = /^[*※★☆#]+/;
const TRAILING_COLON = /[:：]+$/;

/** Removes every kind of space (including full-width and zero-width). */
export function removeSpaces(s: string): string {
  return s.replace(WHITESPACE, "");
}

/**
 * A header as compared with synonyms: widths unified (NFKC), spaces removed, brackets unified
 * to (), a trailing bracketed unit or note removed ("学时(小时)" → "学时", "满意度(%)" → "满意度"),
 * required-field stars and a trailing colon dropped, lower case.
 */
export function normaliseHeader(raw: string): string {
  let s = raw.normalize("NFKC");
  s = removeSpaces(s).replace(OPEN_BRACKETS, "(").replace(CLOSE_BRACKETS, ")");
  s = s.replace(LEADING_MARKS, "").replace(TRAILING_COLON, "");
  const stripped = s.replace(TRAILING_BRACKET, "");
  if (stripped.length > 0) s = stripped;
  return s.toLowerCase();
}

const CJK = /[\u3400-\u9fff]/;
const INNER_SPACES = /[\s\u00a0\u3000]+/g;
const HAS_SPACE = /[\s\u00a0\u3000\u200b\ufeff]/;

/** True when no character would change under normalisation: no space of any kind, no full-width ASCII. */
function isPlainText(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || (c >= 0x7f && c <= 0xa0) || (c >= 0x1680 && c <= 0x3000) || c >= 0xfe00) return false;
  }
  return true;
}

/** A person's name: half-width, trimmed; spaces inside a Chinese name (full-width ones too) removed. */
export function normaliseName(raw: string): string {
  if (isPlainText(raw)) return raw;
  const s = toHalfWidth(raw).trim();
  if (!HAS_SPACE.test(s)) return s;
  if (CJK.test(s)) return s.replace(WHITESPACE, "");
  return s.replace(INNER_SPACES, " ");
}

/**
 * The dots staff type between the parts of a minority name (买买提·艾力): the middle dot and the
 * look-alikes input methods produce (•, ‧, ・, ･, ∙, ⋅, full-width and ASCII full stops…).
 */
const NAME_DOTS = "\u00b7\u2022\u2027\u30fb\uff65\u2219\u22c5\u0387\u2e31\u318d\uff0e.\u3002\u2024\ufe52\u25cf";
const NAME_DOT = /[\u00b7\u2022\u2027\u30fb\uff65\u2219\u22c5\u0387\u2e31\u318d\uff0e.\u3002\u2024\ufe52\u25cf]/g;

/** A name as it is joined on: every kind of dot between a name's parts is the middle dot. The name itself when it has none. */
export function nameKey(name: string): string {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    // Han characters, the usual case, are none of them
    if (c >= 0x3400 && c < 0xfe00) continue;
    if (NAME_DOTS.includes(name[i])) return name.replace(NAME_DOT, "\u00b7");
  }
  return name;
}

/** A word in a cell (是, 已提交, 正式党员): half-width, no spaces, lower case. */
export function normaliseWord(raw: string): string {
  return removeSpaces(toHalfWidth(raw)).toLowerCase();
}

/** Shortens a value for a message. */
export function clip(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
