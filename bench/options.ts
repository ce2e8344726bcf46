/** The last size is a city of a million: the command line only (engine and Office host figures stop at 160,000). */
export const DEFAULT_SIZES = [1000, 25_700, 160_000, 1_000_000];

export interface BenchOptions {
  sizes: number[];
  /** Parts to skip: engine, cli, office, bundle, browser. */
  skip: Set<string>;
  /** Write a CPU profile of the engine at the largest size and print its hottest functions. */
  profile: boolean;
  seed: number;
}

/** `--sizes 1000,25700`, `--skip browser,cli`, `--profile`, `--seed N`. */
export function parseOptions(argv: string[]): BenchOptions {
  const options: BenchOptions = { sizes: DEFAULT_SIZES, skip: new Set(), profile: false, seed: 20250320 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split("=", 2);
    const value = () => inline ?? argv[++i];
    if (flag === "--sizes") options.sizes = value().split(",").map((s) => Number(s.replace(/[_\s]/g, ""))).filter((n) => Number.isInteger(n) && n > 0);
    else if (flag === "--skip") for (const part of value().split(",")) options.skip.add(part.trim());
    else if (flag === "--profile") options.profile = true;
    else if (flag === "--seed") options.seed = Number(value());
    else throw new Error(`unknown option ${argv[i]} (use --sizes 1000,25700 --skip browser,cli --profile --seed N)`);
  }
  if (options.sizes.length === 0) throw new Error("--sizes: give member counts such as 1000,25700");
  return options;
}
