// `npm start`: the main job in one command. Builds, checks the sample workbook with the command
// line, then serves the add-in (task pane, custom functions, manifest, office.js) and the web
// checker on localhost:3000.
import { spawnSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

const run = (command, args) => spawnSync(command, args, { stdio: "inherit", shell: false });
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

if (run(npm, ["run", "build"]).status !== 0) process.exit(1);
console.log("\n== perf-eval check samples/示例-北京丰台2023.xlsx ==\n");
// Exit code 1 only says the sample has errors (it is meant to): go on serving.
run(process.execPath, ["bin/perf-eval.js", "check", "samples/示例-北京丰台2023.xlsx"]);
// webpack.config.js serves https when the office-addin-dev-certs certificate exists, else http.
const certs = join(homedir(), ".office-addin-dev-certs");
const secure = existsSync(join(certs, "localhost.crt")) && existsSync(join(certs, "localhost.key"));
const base = `${secure ? "https" : "http"}://localhost:3000`;
console.log(`
== 正在启动开发服务器（Ctrl+C 停止），就绪后打开：==
  加载项任务窗格：${base}/taskpane.html
  网页版检查器：  ${base}/checker.html （在浏览器中打开，文件只在本机检查）
  模拟 Excel：    ${base}/excel-sim.html （没有 Excel 也能试用任务窗格；?workbook=同站点的 .xlsx 地址）
  模拟 WPS 表格： ${base}/wps-sim.html （同上，任务窗格运行在模拟的 WPS 对象模型上）
`);
const server = spawn(
  process.execPath,
  ["node_modules/webpack/bin/webpack.js", "serve", "--mode", "development"],
  {
    stdio: "inherit",
  },
);
server.on("exit", (code) => process.exit(code ?? 0));
