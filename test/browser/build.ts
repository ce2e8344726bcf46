import webpack from "webpack";

type MakeConfig = (env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<webpack.Configuration>;

async function build(env: Record<string, unknown>): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require("../../webpack.config.js") as MakeConfig;
  const config = await makeConfig(env, { mode: "production" });
  await new Promise<void>((resolve, reject) =>
    webpack(config).run((error, stats) => {
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
      else resolve();
    }),
  );
}

/** Builds the demo page (production mode) into `outDir` with the project's webpack config. */
export async function buildDemo(outDir: string): Promise<void> {
  await build({ only: "demo", outDir });
}

/** Builds the add-in for production into `outDir`, as `ADDIN_URL=… npm run build` does with these variables. */
export async function buildAddin(outDir: string, variables: Record<string, string>): Promise<void> {
  const saved = Object.fromEntries(Object.keys(variables).map((key) => [key, process.env[key]]));
  Object.assign(process.env, variables);
  try {
    await build({ outDir });
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
