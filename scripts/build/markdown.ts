/**
 * The few Markdown constructs our Chinese documents use, as HTML: headings, paragraphs, bullet
 * lists (with indented continuation lines), tables, and inline `code`, **bold** and [links](url).
 * Everything else is text: HTML in the source is escaped, never passed through.
 */

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function inline(text: string): string {
  const parts: string[] = [];
  // code spans first, so nothing inside them is read as bold or a link (`` `x` `` spans too)
  const pattern = /(``\s?(.+?)\s?``|`([^`]+)`)/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    parts.push(emphasis(text.slice(last, m.index)));
    parts.push(`<code>${escapeHtml(m[2] ?? m[3])}</code>`);
    last = m.index! + m[0].length;
  }
  parts.push(emphasis(text.slice(last)));
  return parts.join("");
}

function emphasis(text: string): string {
  return escapeHtml(text)
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label: string, href: string) => (/^[a-z][\w+.-]*:/i.test(href) && !/^https?:/i.test(href) ? label : `<a href="${href}">${label}</a>`));
}

function cells(line: string): string[] {
  return line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map((c) => c.trim());
}

const isTableRule = (line: string) => /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line);

/** Chinese lines join without a space; a line break between two Latin words is one. */
function joinLines(text: string, next: string): string {
  return /[\x21-\x7e]$/.test(text) && /^[\x21-\x7e]/.test(next) ? `${text} ${next}` : text + next;
}

export function markdownToHtml(source: string): string {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i++;
      continue;
    }
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    if (heading) {
      const level = heading[1].length;
      out.push(`<h${level}>${inline(heading[2].trim())}</h${level}>`);
      i++;
      continue;
    }
    if (line.trim().startsWith("|") && i + 1 < lines.length && isTableRule(lines[i + 1])) {
      const head = cells(line);
      const rows: string[][] = [];
      i += 2;
      while (i < lines.length && lines[i].trim().startsWith("|")) rows.push(cells(lines[i++]));
      out.push(
        `<table><thead><tr>${head.map((c) => `<th>${inline(c)}</th>`).join("")}</tr></thead><tbody>${rows
          .map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join("")}</tr>`)
          .join("")}</tbody></table>`,
      );
      continue;
    }
    if (/^\s*[-*]\s+/.test(line)) {
      const items: string[] = [];
      while (i < lines.length && (/^\s*[-*]\s+/.test(lines[i]) || (/^\s{2,}\S/.test(lines[i]) && items.length > 0))) {
        if (/^\s*[-*]\s+/.test(lines[i])) items.push(lines[i].replace(/^\s*[-*]\s+/, ""));
        else items[items.length - 1] = joinLines(items[items.length - 1], lines[i].trim());
        i++;
      }
      out.push(`<ul>${items.map((item) => `<li>${inline(item)}</li>`).join("")}</ul>`);
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && lines[i].trim() && !/^(#{1,4})\s/.test(lines[i]) && !/^\s*[-*]\s+/.test(lines[i]) && !lines[i].trim().startsWith("|")) {
      paragraph.push(lines[i].trim());
      i++;
    }
    out.push(`<p>${inline(paragraph.reduce(joinLines))}</p>`);
  }
  return out.join("\n");
}
