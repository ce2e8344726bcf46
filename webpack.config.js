/* eslint-disable @typescript-eslint/no-require-imports */
const path = require("path");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
const SAMPLE = "examples/示例-先教评议.xlsx";

const PAGES = { taskpane: "./src/taskpane/taskpane.html", demo: "./src/demo/demo.html" };

/** `--env only=demo` builds one entry (the browser test does). */
function only(env, all) {
  return env.only ? { [env.only]: all[env.only] } : all;
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

/**
 * Entries: taskpane (the add-in) and demo (the task pane next to an in-memory sample workbook).
 * `--env demo` serves plain HTTP with the demo as the start page; `--env outDir=…` builds elsewhere.
 */
module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const demo = Boolean(env.demo);
  const outDir = path.resolve(__dirname, env.outDir || "dist");
  const https = !demo && process.argv.includes("serve") ? await httpsOptions() : undefined;
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: only(env, {
      taskpane: "./src/taskpane/index.tsx",
      demo: "./src/demo/index.tsx",
    }),
    output: {
      path: outDir,
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // ES modules so webpack can tree-shake Fluent and split exceljs at import()
            options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "bundler", sourceMap: dev } },
          },
        },
      ],
    },
    plugins: [
      ...Object.keys(only(env, PAGES)).map((name) => new HtmlWebpackPlugin({ filename: `${name}.html`, template: PAGES[name], chunks: [name] })),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
          ...(fs.existsSync(path.join(__dirname, SAMPLE)) ? [{ from: SAMPLE, to: "examples/sample.xlsx" }] : []),
        ],
      }),
    ],
    performance: { hints: false },
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
