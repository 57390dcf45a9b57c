#!/usr/bin/env node
"use strict";
// Thin launcher: the command is compiled to dist/node by `npm run build:node`.
const { main } = require("../dist/node/cli/main.js");
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
