/** Pieces of a streamed worksheet (its head before sheetData, elements after it) edited as text: elements found, listed and replaced. */

const TAG = /<(\/?)([\w.:-]+)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;

export interface Located {
  /** Index of `<` of the start tag. */
  start: number;
  /** Index just past the element (past `/>` or the end tag). */
  end: number;
  /** Index just past the start tag, and of `</` of the end tag (both = end when empty). */
  innerStart: number;
  innerEnd: number;
}

const local = (name: string) => name.slice(name.indexOf(":") + 1);

/** The first element named `name` (any prefix) at any depth from `from`, or null. */
export function locate(xml: string, name: string, from = 0): Located | null {
  const re = new RegExp(TAG.source, "g");
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  let open: Located | null = null;
  let depth = 0;
  while ((m = re.exec(xml)) !== null) {
    if (local(m[2]) !== name) continue;
    if (!open) {
      if (m[1]) continue;
      const end = m.index + m[0].length;
      if (m[3]) return { start: m.index, end, innerStart: end, innerEnd: end };
      open = { start: m.index, end, innerStart: end, innerEnd: end };
      depth = 1;
    } else if (m[1]) {
      if (--depth === 0) return { ...open, innerEnd: m.index, end: m.index + m[0].length };
    } else if (!m[3]) depth++;
  }
  return null;
}

/** The direct children of an element's inner text, as written. */
export function children(inner: string): string[] {
  const out: string[] = [];
  const re = new RegExp(TAG.source, "g");
  let depth = 0;
  let start = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(inner)) !== null) {
    if (m[1]) {
      if (--depth === 0) out.push(inner.slice(start, m.index + m[0].length));
    } else if (m[3]) {
      if (depth === 0) out.push(m[0]);
    } else {
      if (depth === 0) start = m.index;
      depth++;
    }
  }
  return out;
}

/** The element's start tag text. */
export function startTag(xml: string, at: Located): string {
  return xml.slice(at.start, at.innerStart === at.end && xml[at.end - 2] === "/" ? at.end : at.innerStart);
}
