// `npm run build [-- --env PUBLIC_URL=https://intranet.example.gov.cn/perf]`: the Node build
// (dist/node), the add-in site (dist/web) and, made from it, the WPS add-in (dist/wps, by
// scripts/build-wps.mjs, for the same PUBLIC_URL). A script rather than `a && b` in package.json so
// the arguments after `--` reach webpack (npm would append them to the last command only, where the
// inner `npm run` would take `--env` as its own option).
import { spawnSync } from "node:child_process";

const run = (args) => spawnSync(process.execPath, args, { stdio: "inherit" }).status ?? 1;
const webpackArgs = process.argv.slice(2);

if (run(["node_modules/typescript/bin/tsc", "-p", "tsconfig.node.json"]) !== 0) process.exit(1);
if (run(["node_modules/webpack/bin/webpack.js", "--mode", "production", ...webpackArgs]) !== 0) {
  process.exit(1);
}
process.exit(run(["scripts/build-wps.mjs", ...webpackArgs]));
