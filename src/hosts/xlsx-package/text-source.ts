import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";

/**
 * A part's text pulled from its stream as far as a search needs, with what was consumed let
 * go; positions stay valid until `compact`.
 */
export class TextSource {
  buf = "";
  pos = 0;
  private done = false;
  private readonly decoder = new StringDecoder("utf8");
  private readonly chunks: AsyncIterator<Buffer>;

  constructor(stream: Readable) {
    this.chunks = stream[Symbol.asyncIterator]();
  }

  /** Reads one more chunk; false at the end of the part. */
  async more(): Promise<boolean> {
    if (this.done) return false;
    const next = await this.chunks.next();
    if (next.done) {
      this.buf += this.decoder.end();
      this.done = true;
      return false;
    }
    this.buf += this.decoder.write(next.value);
    return true;
  }

  /** Index of `text` at or after `from`, reading on as needed; -1 when the part ends first. */
  async find(text: string, from = this.pos): Promise<number> {
    for (;;) {
      const at = this.buf.indexOf(text, from);
      if (at >= 0) return at;
      from = Math.max(from, this.buf.length - text.length + 1);
      if (!(await this.more())) return -1;
    }
  }

  /** Makes sure `count` characters from `at` are read (fewer at the end of the part). */
  async ensure(at: number, count: number): Promise<void> {
    while (this.buf.length < at + count && (await this.more()));
  }

  /** Index just past the start tag at `lt` (quotes respected); -1 when the part ends first. */
  async tagEnd(lt: number): Promise<number> {
    let quote = "";
    for (let i = lt + 1; ; i++) {
      if (i >= this.buf.length && !(await this.more())) return -1;
      const ch = this.buf[i];
      if (quote) {
        if (ch === quote) quote = "";
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === ">") return i + 1;
    }
  }

  /** Everything left, read to the end. */
  async rest(): Promise<string> {
    while (await this.more());
    const text = this.buf.slice(this.pos);
    this.buf = "";
    this.pos = 0;
    return text;
  }

  /** Drops what was consumed once it is large. */
  compact(): void {
    if (this.pos > 1 << 20) {
      this.buf = this.buf.slice(this.pos);
      this.pos = 0;
    }
  }
}
