import { createWriteStream } from "node:fs";
import type { Readable } from "node:stream";
import yazl from "yazl";

/**
 * A zip written to disk as its entries stream in, one entry at a time: an entry's source is
 * opened only when its turn comes, so nothing waits in memory.
 */
export class ZipWriter {
  private readonly zip = new yazl.ZipFile();
  private readonly done: Promise<void>;
  private failed: (error: unknown) => void = () => undefined;
  private readonly mtime = new Date();

  constructor(file: string) {
    const out = createWriteStream(file);
    this.done = new Promise<void>((resolve, reject) => {
      this.failed = reject;
      out.on("close", resolve);
      out.on("error", reject);
      this.zip.on("error", reject);
    });
    this.zip.outputStream.on("error", this.failed);
    this.zip.outputStream.pipe(out);
  }

  /**
   * Adds an entry whose bytes come from `open()` when the entry is written; a failure of the
   * source is reported as `sourceError` makes it (a damaged input part is the input's fault).
   */
  addLazy(name: string, open: () => Promise<Readable>, sourceError: (error: unknown) => unknown = (e) => e): void {
    this.zip.addReadStreamLazy(name, { mtime: this.mtime, forceDosTimestamp: true }, (callback) => {
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
    await this.done;
  }

  /** Stops writing after a failure elsewhere (the file is removed by the caller). */
  abort(error: unknown): void {
    this.failed(error);
    this.zip.outputStream.unpipe();
  }
}
