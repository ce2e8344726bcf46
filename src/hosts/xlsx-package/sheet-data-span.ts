/**
 * Where a worksheet part's `<sheetData>` element lies in its bytes. A summary sheet's rows are
 * most of its part (tens of megabytes for a city): an edit of the rest — a `<drawing>` added —
 * parses the part without them and puts the row bytes back as they were, never decoding them.
 */

const NAME = [..."sheetData"].map((c) => c.charCodeAt(0));
const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;

const isNameByte = (b: number) => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f || b === 0x2d || b === 0x2e || b >= 0x80;

/** Whether `sheetData` at `at` is a tag's name: after `<`, `</`, `<p:` or `</p:`, and not the start of a longer name. */
function tagStart(bytes: Uint8Array, at: number, closing: boolean): number {
  const after = bytes[at + NAME.length];
  if (after !== undefined && isNameByte(after)) return -1;
  let i = at - 1;
  if (bytes[i] === COLON) {
    i--;
    while (i >= 0 && isNameByte(bytes[i])) i--;
    if (i === at - 2) return -1;
  }
  if (closing) {
    if (bytes[i] !== SLASH) return -1;
    i--;
  }
  return bytes[i] === LT ? i : -1;
}

function matchesAt(bytes: Uint8Array, at: number): boolean {
  for (let k = 0; k < NAME.length; k++) if (bytes[at + k] !== NAME[k]) return false;
  return true;
}

function tagEnd(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length; i++) if (bytes[i] === GT) return i + 1;
  return -1;
}

export interface SheetDataSpan {
  /** Offset of `<sheetData`, and just past its end tag (or of the start tag when it is empty). */
  start: number;
  end: number;
  /** Just past the start tag. */
  startTagEnd: number;
  empty: boolean;
}

/** The `<sheetData>` element of a worksheet's bytes, null when it has none. */
export function sheetDataSpan(bytes: Uint8Array): SheetDataSpan | null {
  let start = -1;
  let startTagEnd = -1;
  for (let i = 0; i + NAME.length <= bytes.length; i++) {
    if (bytes[i] !== NAME[0] || !matchesAt(bytes, i)) continue;
    start = tagStart(bytes, i, false);
    if (start < 0) continue;
    startTagEnd = tagEnd(bytes, i);
    break;
  }
  if (start < 0 || startTagEnd < 0) return null;
  if (bytes[startTagEnd - 2] === SLASH) return { start, end: startTagEnd, startTagEnd, empty: true };
  for (let i = bytes.length - NAME.length; i >= startTagEnd; i--) {
    if (bytes[i] !== NAME[0] || !matchesAt(bytes, i) || tagStart(bytes, i, true) < 0) continue;
    const end = tagEnd(bytes, i);
    return end < 0 ? null : { start, end, startTagEnd, empty: false };
  }
  return null;
}
