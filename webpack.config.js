// Builds the Office add-in into dist/web/ (dist/node/ is tsc's, for the package main entry).
//
// Shared runtime (Microsoft's "configure your add-in to use a shared runtime"): one page,
// taskpane.html, loads the task pane, the custom functions and the ribbon commands, so they share
// one JavaScript context. functions.html and commands.html are also emitted with only their own
// script, for hosts or tests that load them alone; manifest.xml points everything at taskpane.html.
const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { DEV_PORT, manifestFor, publicUrl } = require("./scripts/public-url.cjs");

const OUTPUT = path.resolve(__dirname, "dist/web");
const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
const OFFICE_JS = "node_modules/@microsoft/office-js/dist";
const OFFICE_TELEMETRY_FRAME =
  "https://telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/telemetryproxy.html";
const SAMPLE = "samples/示例-北京丰台2023.xlsx";
/**
 * The metadata plugin appends `CustomFunctions.associate(id, fn)` for every @customfunction to the
 * functions source. functions.ts registers explicitly from its id table (one list, tested), so the
 * appended calls would register everything twice: clear the plugin's list before its loader runs.
 * Tapped after the plugin's own compilation hook (plugins apply in order).
 */
class ExplicitAssociateOnlyPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("ExplicitAssociateOnlyPlugin", () => {
      const result = CustomFunctionsMetadataPlugin.generateResults[FUNCTIONS_SOURCE];
      if (result) result.associate = [];
    });
  }
}

/**
 * office.js and only the files it loads for Excel, so the add-in works on an intranet without
 * internet access (product.md §4). Telemetry scripts are left out on purpose: nothing should try
 * to leave the machine.
 */
const officeJsFiles = [
  { from: `${OFFICE_JS}/office.js`, to: "office-js/office.js" },
  {
    from: `${OFFICE_JS}/o15apptofilemappingtable.js`,
    to: "office-js/",
    // Loaded by office.js everywhere, this file opens a hidden iframe on Microsoft's telemetry
    // service three seconds after load, even outside Office. Point it at about:blank so the page
    // makes no request off its own server (tests/browser checks every request's origin).
    transform: (content) => content.toString().split(OFFICE_TELEMETRY_FRAME).join("about:blank"),
  },
  { from: `${OFFICE_JS}/custom-functions-runtime.js`, to: "office-js/" },
  { from: `${OFFICE_JS}/es6-promise.js`, to: "office-js/" },
  {
    from: `${OFFICE_JS}/excel*.js`,
    to: "office-js/[name][ext]",
    globOptions: { ignore: ["**/*.debug.js"] },
  },
  {
    from: `${OFFICE_JS}/zh-cn`,
    to: "office-js/zh-cn",
    globOptions: { ignore: ["**/*.debug.js"] },
  },
  {
    from: `${OFFICE_JS}/en-us`,
    to: "office-js/en-us",
    globOptions: { ignore: ["**/*.debug.js"] },
  },
  { from: `${OFFICE_JS}/agaveerrorux`, to: "office-js/agaveerrorux" },
  // Already minified by Microsoft: re-minifying 9 MB of it would only slow the build and alter it.
].map((pattern) => ({ ...pattern, info: { minimized: true } }));

/**
 * The web checker promises that no file leaves the machine: its page may load and connect to its
 * own origin only (blob: for the JSON download, data: for inline images). Styles are inserted at
 * run time by Fluent UI, hence 'unsafe-inline' for styles; the development build's eval source maps
 * need 'unsafe-eval', production does not.
 */
function checkerPolicy(production) {
  const script = production ? "'self'" : "'self' 'unsafe-eval'";
  return {
    "http-equiv": "Content-Security-Policy",
    content: [
      "default-src 'self'",
      `script-src ${script}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "connect-src 'self'",
      // The checker reads workbooks in a Web Worker loaded from its own server.
      "worker-src 'self'",
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'none'",
    ].join("; "),
  };
}

/** https with the office-addin-dev-certs certificate when installed; plain http otherwise. */
function devServerType() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const cert = path.join(dir, "localhost.crt");
  const key = path.join(dir, "localhost.key");
  const ca = path.join(dir, "ca.crt");
  if (fs.existsSync(cert) && fs.existsSync(key)) {
    return {
      type: "https",
      options: {
        cert: fs.readFileSync(cert),
        key: fs.readFileSync(key),
        ca: fs.existsSync(ca) ? fs.readFileSync(ca) : undefined,
      },
    };
  }
  return "http";
}

module.exports = (env, argv) => {
  const production = argv.mode !== "development";
  const siteUrl = publicUrl(env);
  return {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    // Rebuilds (npm test after npm run build, npm start) reuse the previous compilation.
    cache: { type: "filesystem", buildDependencies: { config: [__filename] } },
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: FUNCTIONS_SOURCE,
      commands: "./src/commands/commands.ts",
      checker: "./src/checker/index.tsx",
      // Development page: the real task pane on a simulated Excel (dev/excel-sim). Not in the
      // manifest; taskpane.html never loads it.
      "excel-sim": "./dev/excel-sim/page/index.ts",
      // Development page: the real task pane on a simulated WPS 表格 (dev/wps-sim); it loads
      // taskpane.js itself once Application and wps are installed. Not in any manifest.
      "wps-sim": "./dev/wps-sim/page/index.ts",
      // The WPS add-in's hidden main page script; scripts/build-wps.mjs copies it into dist/wps/.
      "wps-main": "./src/wps/main.ts",
    },
    output: {
      path: OUTPUT,
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type checking is `npm run typecheck`'s job; here only transpile, to keep builds fast.
              transpileOnly: true,
              compilerOptions: { noEmit: false, module: "ESNext", sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_SOURCE }),
      new ExplicitAssociateOnlyPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions", "commands"],
      }),
      new HtmlWebpackPlugin({
        filename: "functions.html",
        template: "./src/functions/functions.html",
        chunks: ["functions"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new HtmlWebpackPlugin({
        filename: "checker.html",
        template: "./src/checker/checker.html",
        chunks: ["checker"],
        meta: { "Content-Security-Policy": checkerPolicy(production) },
      }),
      new HtmlWebpackPlugin({
        filename: "excel-sim.html",
        template: "./dev/sim-page/sim-page.html",
        sim: {
          name: "Excel",
          product: "Excel",
          workbookLabel: "模拟的 Excel 工作簿",
          sectionId: "excel",
          accent: "#217346",
        },
        // excel-sim first: it installs Office and Excel before the task pane script starts.
        chunks: ["excel-sim", "taskpane"],
        chunksSortMode: "manual",
      }),
      new HtmlWebpackPlugin({
        filename: "wps-sim.html",
        template: "./dev/sim-page/sim-page.html",
        sim: {
          name: "WPS 表格",
          product: "WPS",
          workbookLabel: "模拟的 WPS 表格工作簿",
          sectionId: "et",
          accent: "#1f9e5c",
        },
        chunks: ["wps-sim"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => manifestFor(content, siteUrl),
          },
          // The web checker's 「用示例工作簿试一试」 fetches it relatively, from this server.
          { from: SAMPLE, to: "samples/[name][ext]" },
          { from: "assets", to: "assets" },
          ...officeJsFiles,
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      port: DEV_PORT,
      host: "localhost",
      server: devServerType(),
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: OUTPUT },
      hot: false,
    },
  };
};
