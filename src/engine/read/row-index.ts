/** FNV-1a over a string's UTF-16 code units, continuing from `h`. */
function hashText(s: string, h: number): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

function hashKey(a: string, b: string): number {
  return hashText(b, hashText(a, 0x811c9dc5) ^ 0x1f);
}

/**
 * Table rows by a key of two texts (an id and "", a name and a branch). Rows of one key are
 * chained in the order added. It is a hash table over typed arrays: indexing 160,000 members
 * makes no per-entry objects and no map that grows by copying itself.
 */
export class RowIndex {
  /** Open addressing: the first row of each key, -1 for an empty slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** The next row with the same key, -1 at the end of a chain. */
  readonly next: Int32Array;
  /** For the first row of a key: the last row of its chain. */
  private readonly last: Int32Array;
  private readonly a: string[];
  private readonly b: string[];

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    const n = Math.max(0, capacity);
    this.next = new Int32Array(n).fill(-1);
    this.last = new Int32Array(n);
    this.a = new Array<string>(n).fill("");
    this.b = new Array<string>(n).fill("");
  }

  private slotOf(a: string, b: string): number {
    const slots = this.slots;
    let i = hashKey(a, b) & this.mask;
    for (;;) {
      const row = slots[i];
      if (row < 0 || (this.a[row] === a && this.b[row] === b)) return i;
      i = (i + 1) & this.mask;
    }
  }

  /** Adds `row` (below the capacity, each row once) under (a, b); returns the key's first row before it, or -1. */
  add(row: number, a: string, b: string): number {
    const slot = this.slotOf(a, b);
    const first = this.slots[slot];
    this.a[row] = a;
    this.b[row] = b;
    if (first < 0) {
      this.slots[slot] = row;
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
