/**
 * A member's key (id, or name|branch) as the run record keeps it: a 53-bit hash (two FNV-1a
 * lanes) written as 11 base-32 digits — not the person's data: an ID column deleted from the
 * roster before the workbook is shared must not live on in a hidden sheet. The sheet's part of
 * the hash is taken once per sheet; a run hashes 160,000 keys, so nothing is allocated but the
 * digits asked for.
 */
export class MemberKeyHasher {
  private readonly a0: number;
  private readonly b0: number;
  a = 0;
  b = 0;

  constructor(sheet: string) {
    let a = 0x811c9dc5;
    let b = 0x9747b28c;
    for (let i = 0; i < sheet.length; i++) [a, b] = step(a, b, sheet.charCodeAt(i));
    [this.a0, this.b0] = step(a, b, 0);
  }

  /** Hashes a key into `a` and `b`. */
  hash(key: string): this {
    let a = this.a0;
    let b = this.b0;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13);
    }
    this.a = a;
    this.b = b;
    return this;
  }

  /** The last hash as text. */
  text(): string {
    let out = "";
    for (let i = 0; i < KEY_DIGITS; i++) out += String.fromCharCode(digitAt(this.a, this.b, i));
    return out;
  }
}

function step(a: number, b: number, c: number): [number, number] {
  return [Math.imul(a ^ c, 0x01000193), Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13)];
}

/** Digits of a hash: 32 bits of `a` and 21 of `b`, 5 bits a digit. */
export const KEY_DIGITS = 11;
const DIGITS = [..."0123456789abcdefghijklmnopqrstuv"].map((c) => c.charCodeAt(0));

/** The character code of digit `i` (0…10) of the hash (a, b). */
export function digitAt(a: number, b: number, i: number): number {
  const bits = i < 6 ? a >>> (5 * i) : i === 6 ? (a >>> 30) | (b << 2) : b >>> (5 * i - 32);
  return DIGITS[bits & 31];
}

/** memberKey of one key on a sheet (the pane and the report name members by it). */
export function memberKeyHash(sheet: string, key: string): string {
  return new MemberKeyHasher(sheet).hash(key).text();
}
