// `npm start`: the main job in one command. Builds, checks the sample workbook with the command
// line, then serves the add-in (task pane, custom functions, manifest, office.js) on localhost:3000.
import { spawnSync, spawn } from "node:child_process";

const run = (command, args) => spawnSync(command, args, { stdio: "inherit", shell: false });
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

if (run(npm, ["run", "build"]).status !== 0) process.exit(1);
console.log("\n== perf-eval check samples/示例-北京丰台2023.xlsx ==\n");
// Exit code 1 only says the sample has errors (it is meant to): go on serving.
run(process.execPath, ["bin/perf-eval.js", "check", "samples/示例-北京丰台2023.xlsx"]);
console.log("\n== 加载项开发服务器：http(s)://localhost:3000/taskpane.html ==\n");
const server = spawn(
  process.execPath,
  ["node_modules/webpack/bin/webpack.js", "serve", "--mode", "development"],
  {
    stdio: "inherit",
  },
);
server.on("exit", (code) => process.exit(code ?? 0));
