/**
 * The pieces of a MIME message we write (RFC 2045, 2047, 2231), over bytes: no Buffer, no
 * TextEncoder assumptions beyond UTF-8, so the pane and the command line write the same message.
 */

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function base64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    out += BASE64[a >> 2] + BASE64[((a & 3) << 4) | (b >> 4)];
    out += i + 1 < bytes.length ? BASE64[((b & 15) << 2) | (c >> 6)] : "=";
    out += i + 2 < bytes.length ? BASE64[c & 63] : "=";
  }
  return out;
}

/** Base64 in lines of 76 characters (RFC 2045 §6.8), CRLF between them. */
export function base64Lines(bytes: Uint8Array): string {
  const text = base64(bytes);
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 76) lines.push(text.slice(i, i + 76));
  return lines.join("\r\n");
}

/** UTF-8 bytes of a text (a lone surrogate as U+FFFD), without relying on TextEncoder being there. */
export function utf8(text: string): Uint8Array {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) length += 1;
    else if (code < 0x800) length += 2;
    else if (code >= 0xd800 && code <= 0xdbff && isLow(text.charCodeAt(i + 1))) {
      length += 4;
      i++;
    } else length += 3;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && isLow(text.charCodeAt(i + 1))) code = 0x10000 + ((code - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00);
    else if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) out[at++] = code;
    else if (code < 0x800) {
      out[at++] = 0xc0 | (code >> 6);
      out[at++] = 0x80 | (code & 63);
    } else if (code < 0x10000) {
      out[at++] = 0xe0 | (code >> 12);
      out[at++] = 0x80 | ((code >> 6) & 63);
      out[at++] = 0x80 | (code & 63);
    } else {
      out[at++] = 0xf0 | (code >> 18);
      out[at++] = 0x80 | ((code >> 12) & 63);
      out[at++] = 0x80 | ((code >> 6) & 63);
      out[at++] = 0x80 | (code & 63);
    }
  }
  return out;
}

const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

const isAscii = (text: string) => /^[\x20-\x7e]*$/.test(text);

/**
 * A header value as RFC 2047 encoded words ("=?UTF-8?B?…?="), each at most 75 characters and
 * never splitting a character, folded onto continuation lines; plain ASCII stays as it is.
 */
export function encodedWords(text: string): string {
  if (isAscii(text)) return text;
  const words: string[] = [];
  let chunk = "";
  // 42 bytes of UTF-8 make 56 characters of base64: "=?UTF-8?B?" + 56 + "?=" is 68, room for ' name="'
  for (const char of text) {
    if (utf8(chunk + char).length > 42) {
      words.push(chunk);
      chunk = "";
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${base64(utf8(word))}?=`).join("\r\n ");
}

const ATTR_CHAR = /[A-Za-z0-9!#$&+\-.^_`|~]/;

/** Percent-encoding of RFC 2231 §4 (attribute-char kept, every other byte %XX). */
function percentEncoded(text: string): string[] {
  const out: string[] = [];
  for (const char of text) {
    if (ATTR_CHAR.test(char)) out.push(char);
    else out.push(Array.from(utf8(char), (b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join(""));
  }
  return out;
}

/**
 * A parameter whose value is not plain ASCII, as RFC 2231 writes it: `name*=UTF-8''…`, or, when
 * long, continued as `name*0*=UTF-8''…; name*1*=…`, each segment short enough for a 78-character
 * line and never splitting a character's bytes.
 */
export function extendedParameter(name: string, value: string): string {
  const pieces = percentEncoded(value);
  const segments: string[] = [];
  let segment = "UTF-8''";
  for (const piece of pieces) {
    if (segment.length + piece.length > 60) {
      segments.push(segment);
      segment = "";
    }
    segment += piece;
  }
  segments.push(segment);
  if (segments.length === 1) return `${name}*=${segments[0]}`;
  return segments.map((s, i) => `${name}*${i}*=${s}`).join(";\r\n ");
}

/** An RFC 5322 date-time ("Sat, 05 Dec 2026 19:44:19 +0800") of a moment as seen at an offset from UTC in minutes. */
export function rfc5322Date(epochMs: number, offsetMinutes: number): string {
  const local = new Date(epochMs + offsetMinutes * 60_000);
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const two = (n: number) => String(n).padStart(2, "0");
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const time = `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}`;
  return `${days[local.getUTCDay()]}, ${two(local.getUTCDate())} ${months[local.getUTCMonth()]} ${local.getUTCFullYear()} ${time} ${sign}${two(Math.floor(abs / 60))}${two(abs % 60)}`;
}
