/* eslint-disable @typescript-eslint/no-require-imports */
const path = require("path");
const fs = require("fs");
const Module = require("module");
const esbuild = require("esbuild");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
const SAMPLE = "examples/示例-先教评议.xlsx";

/** scripts/build (TypeScript), bundled by esbuild and loaded in this process. */
function buildHelpers() {
  const entry = path.join(__dirname, "scripts/build/index.ts");
  const out = esbuild.buildSync({ entryPoints: [entry], bundle: true, platform: "node", format: "cjs", target: "node20", packages: "external", write: false, logLevel: "warning" });
  const helpers = new Module(entry, module);
  helpers.filename = entry;
  helpers.paths = Module._nodeModulePaths(path.dirname(entry));
  helpers._compile(out.outputFiles[0].text, entry);
  return helpers.exports;
}

/** Writes `files` (name → text) into the build's output as they are (no minimizer touches them: the support pages' policy holds their style's hash). */
class EmitFilesPlugin {
  constructor(files) {
    this.files = files;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("EmitFilesPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "EmitFilesPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const [name, text] of Object.entries(this.files)) compilation.emitAsset(name, new webpack.sources.RawSource(text), { minimized: true });
      });
    });
  }
}

/** HTTPS options from office-addin-dev-certs when they are installed; plain HTTP otherwise. */
async function httpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    return await devCerts.getHttpsServerOptions();
  } catch {
    return undefined;
  }
}

/** Whether this process is the webpack command (not a test that builds through this file). */
function fromWebpackCli() {
  const script = process.argv[1] || "";
  return /^webpack(-cli)?(\.js|\.cmd)?$/.test(path.basename(script)) || /[\\/]webpack(-cli)?[\\/]bin[\\/]/.test(script);
}

function tsRule(dev) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: "ts-loader",
      // ES modules so webpack can tree-shake Fluent and split exceljs at import()
      options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "bundler", sourceMap: dev } },
    },
  };
}

/** The add-in: task pane, its start-up scripts, Office.js, icons, manifest and support pages for ADDIN_URL. */
function addinParts(dev) {
  const helpers = buildHelpers();
  let settings;
  try {
    settings = helpers.addinSettings(__dirname, process.env, !dev);
  } catch (error) {
    // from the command line, a setting IT must fix is one sentence (Chinese, then English), not a stack
    if (error instanceof helpers.BuildSettingError && fromWebpackCli()) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const outputs = helpers.addinOutputs(__dirname, settings);
  return {
    entry: { taskpane: "./src/taskpane/index.tsx" },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"], templateParameters: outputs.html }),
      new CopyWebpackPlugin({
        patterns: [
          ...outputs.icons.map((file) => ({ from: file, to: file })),
          ...outputs.officeJs.files.map((file) => ({ from: path.join(outputs.officeJs.from, file), to: `${outputs.officeJs.to}/${file}`, info: { minimized: true } })),
        ],
      }),
      new EmitFilesPlugin(outputs.files),
    ],
  };
}

/** The demo: the task pane beside an in-memory sample workbook (no Office, no manifest). */
function demoParts() {
  return {
    entry: { demo: "./src/demo/index.tsx" },
    plugins: [
      new HtmlWebpackPlugin({ filename: "demo.html", template: "./src/demo/demo.html", chunks: ["demo"] }),
      ...(fs.existsSync(path.join(__dirname, SAMPLE)) ? [new CopyWebpackPlugin({ patterns: [{ from: SAMPLE, to: "examples/sample.xlsx" }] })] : []),
      // two units' summaries, for trying 汇总上报
      new CopyWebpackPlugin({ patterns: [{ from: "examples/示例-汇总-*.xlsx", to: "examples/[name][ext]", noErrorOnMissing: true }] }),
    ],
  };
}

/**
 * Two targets. The add-in (default): `ADDIN_URL=https://… webpack --mode production` writes dist/
 * for that address (OFFICE_JS=cdn|local, SUPPORT_CONTACT; see docs/部署指南.md); in development
 * (the dev server, `npm start`) it serves the development manifest's https://localhost:3000.
 * The demo: `--env demo` (served as plain HTTP by `npm run demo`) or `--env only=demo` (built).
 * `--env outDir=…` builds elsewhere than dist/.
 */
module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const demo = Boolean(env.demo) || env.only === "demo";
  const outDir = path.resolve(__dirname, env.outDir || "dist");
  const https = !demo && process.argv.includes("serve") ? await httpsOptions() : undefined;
  const parts = demo ? demoParts() : addinParts(dev);
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: parts.entry,
    output: {
      path: outDir,
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [tsRule(dev)] },
    plugins: parts.plugins,
    performance: { hints: false },
    // a package loaded on demand (exceljs, the XML library) stays in the named chunk that loads it
    optimization: { splitChunks: { cacheGroups: { defaultVendors: false } } },
    devServer: {
      port: PORT,
      host: "localhost",
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      devMiddleware: { index: demo ? "demo.html" : "taskpane.html" },
      server: https ? { type: "https", options: https } : "http",
      client: { overlay: false },
    },
  };
};
