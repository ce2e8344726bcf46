import { createWriteStream, type WriteStream } from "node:fs";
import type { Readable } from "node:stream";
import yazl from "yazl";

/**
 * A zip written to disk as its entries stream in, one entry at a time: an entry's source is
 * opened only when its turn comes, so nothing waits in memory.
 */
export class ZipWriter {
  private readonly zip = new yazl.ZipFile();
  private readonly out: WriteStream;
  private readonly done: Promise<void>;
  private readonly closed: Promise<void>;
  private failed: (error: unknown) => void = () => undefined;
  private aborted = false;
  private readonly mtime = new Date();

  constructor(file: string) {
    this.out = createWriteStream(file);
    this.closed = new Promise<void>((resolve) => this.out.once("close", resolve));
    this.done = new Promise<void>((resolve, reject) => {
      this.failed = reject;
      this.out.on("close", resolve);
      this.out.on("error", reject);
      this.zip.on("error", reject);
    });
    // a failure is reported by end() or was caused by the caller's abort(): never left unobserved
    this.done.catch(() => undefined);
    this.zip.outputStream.on("error", this.failed);
    this.zip.outputStream.pipe(this.out);
  }

  /**
   * Adds an entry whose bytes come from `open()` when the entry is written; a failure of the
   * source is reported as `sourceError` makes it (a damaged input part is the input's fault).
   */
  addLazy(name: string, open: () => Promise<Readable>, sourceError: (error: unknown) => unknown = (e) => e): void {
    this.zip.addReadStreamLazy(name, { mtime: this.mtime, forceDosTimestamp: true }, (callback) => {
      if (this.aborted) return callback(new Error("aborted"), undefined as unknown as Readable);
      open().then(
        (stream) => {
          stream.on("error", (error) => this.failed(sourceError(error)));
          callback(null, stream);
        },
        (error) => this.failed(sourceError(error)),
      );
    });
  }

  addText(name: string, text: string): void {
    this.zip.addBuffer(Buffer.from(text, "utf8"), name, { mtime: this.mtime, forceDosTimestamp: true });
  }

  async end(): Promise<void> {
    this.zip.end();
    try {
      await this.done;
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  private async stop(): Promise<void> {
    this.aborted = true;
    this.zip.outputStream.unpipe();
    this.out.destroy();
    await this.closed;
  }

  /** Stops writing after a failure elsewhere; resolves once the file is closed (the caller removes it). */
  async abort(error: unknown): Promise<void> {
    this.failed(error);
    await this.stop();
  }
}
