/**
 * FNV-1a over the length and the last 12 UTF-16 code units of a text, continuing from `h`.
 * Ids and names differ most at their ends (an ID card's birth date, sequence and check digit);
 * texts that share their last 12 characters only share a hash, and are told apart by comparing.
 */
function hashText(s: string, h: number): number {
  h = Math.imul(h ^ s.length, 0x01000193);
  for (let i = Math.max(0, s.length - 12); i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * Table rows by a key of two texts read from the table's own columns (an id; a name and a
 * branch, "" when blank). Rows of one key are chained in the order added. It is a hash table over
 * typed arrays: indexing 160,000 members makes no per-entry objects, no copy of the keys and no
 * map that grows by copying itself.
 */
export class RowIndex {
  /**
   * Open addressing, two numbers a slot: the first row of a key (-1: empty) and the key's hash,
   * side by side so a probe passes other keys without reading their texts.
   */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** The next row with the same key, -1 at the end of a chain. */
  readonly next: Int32Array;
  /** For the first row of a key: the last row of its chain. */
  private readonly last: Int32Array;

  constructor(
    /** The key's first text by row. */
    private readonly a: readonly (string | undefined)[],
    /** The key's second text by row (undefined reads as ""); null when the key is the first text alone. */
    private readonly b: readonly (string | undefined)[] | null,
    capacity: number,
  ) {
    let size = 16;
    while (size < capacity * 1.5) size *= 2;
    this.slots = new Int32Array(size * 2).fill(-1);
    this.mask = size - 1;
    const n = Math.max(0, capacity);
    this.next = new Int32Array(n).fill(-1);
    this.last = new Int32Array(n);
  }

  private keyB(row: number): string {
    return this.b === null ? "" : (this.b[row] ?? "");
  }

  /** The second texts repeat row after row (a branch's name): their hash is kept for the next row. */
  private lastB = "";
  private lastBHash = hashText("", 0x811c9dc5);

  /** The hash of the last key looked for, which `add` stores beside a new key's row. */
  private hash = 0;

  /** The slot (an even index into `slots`) holding the key (a, b), or the empty slot where it would go. */
  private slotOf(a: string, b: string): number {
    const slots = this.slots;
    if (b !== this.lastB) {
      this.lastB = b;
      this.lastBHash = hashText(b, 0x811c9dc5);
    }
    const hash = hashText(a, this.lastBHash);
    this.hash = hash;
    let i = hash & this.mask;
    for (;;) {
      const row = slots[2 * i];
      if (row < 0 || (slots[2 * i + 1] === hash && this.a[row] === a && this.keyB(row) === b)) return 2 * i;
      i = (i + 1) & this.mask;
    }
  }

  /** Adds `row` (below the capacity, each row once) under its key; returns the key's first row before it, or -1. */
  add(row: number): number {
    const slot = this.slotOf(this.a[row] ?? "", this.keyB(row));
    const first = this.slots[slot];
    if (first < 0) {
      this.slots[slot] = row;
      this.slots[slot + 1] = this.hash;
      this.last[row] = row;
      return -1;
    }
    this.next[this.last[first]] = row;
    this.last[first] = row;
    return first;
  }

  /** The first row added under (a, b), or -1. */
  first(a: string, b: string): number {
    return this.slots[this.slotOf(a, b)];
  }

  /** How many rows share the key whose first row is `first` (0 for -1). */
  count(first: number): number {
    let n = 0;
    for (let row = first; row >= 0; row = this.next[row]) n++;
    return n;
  }
}
