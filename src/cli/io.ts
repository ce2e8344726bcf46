/** Where the command line writes and what it knows of the outside world; tests pass their own. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Writes the progress bar to stderr, its own control sequences kept (stderr itself drops them); stderr when absent. */
  progress?: (text: string) => void;
  /** True when stderr is a terminal (a progress bar may redraw itself there). */
  stderrIsTTY: boolean;
  /** The clock: only the command line reads it (for the default --today). */
  now: () => Date;
}

export const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // a run with its heap set writes through its parent's pipe, which says whether it ends at a terminal
  stderrIsTTY: Boolean(process.stderr.isTTY) || process.env.XIANJIAO_STDERR_TTY === "1",
  now: () => new Date(),
};

/** Exit codes: 0 done; 1 done in part (consolidate skipped files); 2 failed or not understood, nothing written. */
export const EXIT = { ok: 0, partial: 1, failed: 2 } as const;
