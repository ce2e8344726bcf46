import { promises as fs } from "node:fs";
import * as path from "node:path";
import { XianjiaoError } from "../../errors";

/** A temporary name next to the target, so the final rename stays on one file system. */
export function tempNameFor(file: string): string {
  const dir = path.dirname(file);
  const suffix = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  return path.join(dir, `.${path.basename(file)}.${suffix}.tmp`);
}

/** Writes bytes to a temporary file beside `file` and renames it, so a failure leaves no half file. */
export async function writeFileAtomic(file: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = tempNameFor(file);
  try {
    await write(tmp);
    await fs.rename(tmp, file);
  } catch (error) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    if (error instanceof XianjiaoError) throw error;
    const detail = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new XianjiaoError("FILE_WRITE_FAILED", { file: path.basename(file), detail }, { cause: error });
  }
}
