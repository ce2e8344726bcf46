import { constants, promises as fs, rmSync } from "node:fs";
import * as path from "node:path";
import { XianjiaoError } from "../../errors";

/**
 * Writing output files so that a failure, a Ctrl-C or a kill leaves nothing behind: every path
 * is checked before anything is written, each file is written under a hidden temporary name
 * beside it (readable by its owner only while it holds half of the members' data) and renamed
 * once all are complete; a file replaced keeps its permissions.
 */

/** Temporary files being written now: removed if the process is told to stop. */
const live = new Set<string>();
const listeners: ((file: string, live: boolean) => void)[] = [];

/** Calls `listener` as each temporary file starts (true) and stops (false) being written. */
export function onTempFiles(listener: (file: string, live: boolean) => void): void {
  listeners.push(listener);
}

function track(file: string, isLive: boolean): void {
  if (isLive) live.add(file);
  else live.delete(file);
  for (const listener of listeners) listener(file, isLive);
}

/** Removes the temporary files being written (from a signal handler: synchronous). */
export function removeTempFilesSync(): void {
  for (const file of live) {
    try {
      rmSync(file, { force: true });
    } catch {
      // nothing more can be done while the process stops
    }
  }
  live.clear();
}

/** A temporary name next to the target, so the final rename stays on one file system. */
export function tempNameFor(file: string): string {
  const dir = path.dirname(file);
  const suffix = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  return path.join(dir, `.${path.basename(file)}.${suffix}.tmp`);
}

/** An output path checked for writing, and the permissions of the file it replaces (null: a new file). */
export interface OutputTarget {
  file: string;
  mode: number | null;
}

const hasCode = (error: unknown, ...codes: string[]) => codes.includes((error as NodeJS.ErrnoException)?.code ?? "");

/**
 * Checks that `file` can be written before anything is: its folder exists and may be written
 * to, and an existing file there is a regular file that is not read-only (a link, folder or
 * device is never replaced).
 */
export async function checkOutput(file: string): Promise<OutputTarget> {
  const name = path.basename(file);
  const folder = path.dirname(path.resolve(file));
  try {
    const dir = await fs.stat(folder);
    if (!dir.isDirectory()) throw new XianjiaoError("OUTPUT_FOLDER_MISSING", { file: name, folder });
  } catch (error) {
    if (error instanceof XianjiaoError) throw error;
    if (hasCode(error, "ENOENT", "ENOTDIR")) throw new XianjiaoError("OUTPUT_FOLDER_MISSING", { file: name, folder }, { cause: error });
    throw new XianjiaoError("FILE_WRITE_FAILED", { file: name, detail: (error as NodeJS.ErrnoException).code ?? String(error) }, { cause: error });
  }
  try {
    await fs.access(folder, constants.W_OK | constants.X_OK);
  } catch (error) {
    throw new XianjiaoError("OUTPUT_FOLDER_READ_ONLY", { file: name, folder }, { cause: error });
  }
  let stat;
  try {
    stat = await fs.lstat(file);
  } catch (error) {
    if (hasCode(error, "ENOENT")) return { file, mode: null };
    throw new XianjiaoError("FILE_WRITE_FAILED", { file: name, detail: (error as NodeJS.ErrnoException).code ?? String(error) }, { cause: error });
  }
  if (!stat.isFile()) throw new XianjiaoError("OUTPUT_NOT_A_FILE", { file: name });
  // a file marked read-only (no write permission for anyone) stays as it is, whoever runs this
  if ((stat.mode & 0o222) === 0) throw new XianjiaoError("OUTPUT_READ_ONLY", { file: name });
  try {
    await fs.access(file, constants.W_OK);
  } catch (error) {
    throw new XianjiaoError("OUTPUT_READ_ONLY", { file: name }, { cause: error });
  }
  return { file, mode: stat.mode & 0o7777 };
}

/** Checks every output path before any is written (see checkOutput). */
export async function checkOutputs(files: readonly string[]): Promise<OutputTarget[]> {
  const targets: OutputTarget[] = [];
  for (const file of files) targets.push(await checkOutput(file));
  return targets;
}

export interface PendingOutput {
  file: string;
  /** Writes the whole file to `tmp` (which exists, empty, readable by its owner only). */
  write: (tmp: string) => Promise<void>;
}

function writeFailure(error: unknown, file: string): XianjiaoError {
  if (error instanceof XianjiaoError) return error;
  const detail = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
  return new XianjiaoError("FILE_WRITE_FAILED", { file: path.basename(file), detail }, { cause: error });
}

/**
 * Writes several files as one: each to a temporary file beside it, then, when all are written
 * and `beforeRename` (a last check) has passed, each renamed into place with the permissions of
 * the file it replaces (a new file gets the usual ones). On any failure no output appears and
 * no temporary file stays.
 */
export async function writeFilesAtomic(outputs: readonly PendingOutput[], beforeRename?: () => Promise<void>): Promise<void> {
  const targets = await checkOutputs(outputs.map((o) => o.file));
  const temps: string[] = [];
  let current = outputs[0]?.file ?? "";
  try {
    for (const output of outputs) {
      current = output.file;
      const tmp = tempNameFor(output.file);
      track(tmp, true);
      temps.push(tmp);
      await (await fs.open(tmp, "wx", 0o600)).close();
      await output.write(tmp);
    }
    await beforeRename?.();
    const umask = process.umask();
    for (let i = 0; i < outputs.length; i++) {
      current = outputs[i].file;
      await fs.chmod(temps[i], targets[i].mode ?? 0o666 & ~umask);
    }
    for (let i = 0; i < outputs.length; i++) {
      current = outputs[i].file;
      await fs.rename(temps[i], outputs[i].file);
      track(temps[i], false);
    }
  } catch (error) {
    for (const tmp of temps) {
      await fs.rm(tmp, { force: true }).catch(() => undefined);
      track(tmp, false);
    }
    throw writeFailure(error, current);
  }
}

/** Writes one file atomically (see writeFilesAtomic). */
export function writeFileAtomic(file: string, write: (tmp: string) => Promise<void>): Promise<void> {
  return writeFilesAtomic([{ file, write }]);
}
