import { t, type MessageKey } from "../i18n/t";
import type { CliIO } from "./io";

/** Files above this size get progress lines even when stderr is not a terminal. */
export const LARGE_FILE_BYTES = 5 * 1024 * 1024;

export interface Progress {
  step: (key: MessageKey, fraction: number) => void;
  done: () => void;
}

const WIDTH = 24;

/**
 * Progress on stderr only, so stdout and any --report file stay clean. On a terminal a bar that
 * redraws itself; for a large file written to a log, one plain line per step; otherwise nothing.
 */
export function makeProgress(io: CliIO, fileBytes: number): Progress {
  if (io.stderrIsTTY) {
    const write = io.progress ?? io.stderr;
    let drawn = false;
    return {
      step(key, fraction) {
        const filled = Math.round(Math.max(0, Math.min(1, fraction)) * WIDTH);
        const bar = "█".repeat(filled) + "░".repeat(WIDTH - filled);
        write(`\r${bar} ${String(Math.round(fraction * 100)).padStart(3)}% ${t(key)}\x1b[K`);
        drawn = true;
      },
      done() {
        if (drawn) write("\r\x1b[K");
        drawn = false;
      },
    };
  }
  if (fileBytes >= LARGE_FILE_BYTES) {
    return {
      step: (key, fraction) => io.stderr(`[${String(Math.round(fraction * 100)).padStart(3)}%] ${t(key)}…\n`),
      done: () => undefined,
    };
  }
  return { step: () => undefined, done: () => undefined };
}
