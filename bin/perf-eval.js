#!/usr/bin/env node
"use strict";
// Thin launcher: the command is compiled to dist/node by `npm run build:node`.

// A check is a short run: most of its optimised code is compiled once and used for well under a
// second, and TurboFan's inlining makes each compile several times dearer. On a 2-core machine
// those compiles compete with the check itself for the second core. Without inlining, a
// 1,000-form workbook is checked about 15 % faster (wall) with about 25 % less CPU; a folder of
// 2,000 small workbooks (long-lived worker threads) is as fast as before (README, 性能). V8's flags
// are per process, so the worker threads of --jobs get it too. Set before any of our code loads.
require("node:v8").setFlagsFromString("--no-turbo-inlining");

const { main } = require("../dist/node/cli/main.js");
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
