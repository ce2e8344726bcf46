import webpack from "webpack";

/** Builds the demo page (production mode) into `outDir` with the project's webpack config. */
export async function buildDemo(outDir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require("../../webpack.config.js") as (env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<webpack.Configuration>;
  const config = await makeConfig({ only: "demo", outDir }, { mode: "production" });
  await new Promise<void>((resolve, reject) =>
    webpack(config).run((error, stats) => {
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
      else resolve();
    }),
  );
}
