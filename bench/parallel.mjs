// Every core (issue 10, item 2): `perf-eval check` over a folder of 2,000 small workbooks (one
// form each, generated from the seed fixture forms in a temp folder), with --jobs 1 (in one
// process) and with one worker per core, side by side in one run. Each run is a child process of
// the real launcher over dist/node, as a reviewer runs it; files/s is wall time. Printed only.
// Run alone with `node bench/run.mjs parallel` after `npm run build:node`.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { layoutForm, loadSeedForms } from "../scripts/fixture-layouts.mjs";
import { ROOT } from "./lib.mjs";

export const title =
  "多核检查：2,000 个小工作簿（每个一张表），--jobs 1 与每核一个工作线程的文件/秒";

const FILES = Number(process.env.BENCH_PARALLEL_FILES) || 2000;

/** One workbook per seed form (each in its region's layout); the folder repeats them to FILES. */
async function writeFolder(dir) {
  const seeds = loadSeedForms(path.join(ROOT, "tests", "fixtures", "forms"));
  const pool = [
    ...(seeds["003"] ?? []).map((form) => ({ form, layout: "shanghai" })),
    ...(seeds["000"] ?? []).map((form) => ({ form, layout: "beijing" })),
    ...(seeds["001"] ?? []).map((form) => ({ form, layout: "beijing" })),
  ];
  const originals = [];
  for (const [i, { form, layout }] of pool.entries()) {
    const wb = new ExcelJS.Workbook();
    layoutForm(wb.addWorksheet("项目支出绩效自评表"), form, { layout, origin: "A1" });
    const file = path.join(dir, `seed-${String(i).padStart(3, "0")}.xlsx`);
    await wb.xlsx.writeFile(file);
    originals.push(file);
  }
  const folder = path.join(dir, "收到的表");
  fs.mkdirSync(folder);
  for (let i = 0; i < FILES; i++) {
    fs.copyFileSync(
      originals[i % originals.length],
      path.join(folder, `${String(i).padStart(4, "0")}.xlsx`),
    );
  }
  const bytes = originals.reduce((sum, file) => sum + fs.statSync(file).size, 0);
  return { folder, averageBytes: Math.round(bytes / originals.length), seeds: originals.length };
}

function check(folder, jobs) {
  const start = process.hrtime.bigint();
  const run = spawnSync(
    process.execPath,
    [path.join(ROOT, "bin", "perf-eval.js"), "check", "--json", "--jobs", String(jobs), folder],
    { encoding: "utf8", maxBuffer: 1024 * 1024 * 1024 },
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`perf-eval check 失败（退出码 ${run.status}）：${run.stderr.split("\n")[0]}`);
  }
  const report = JSON.parse(run.stdout);
  const forms = report.files.reduce((n, file) => n + file.forms.length, 0);
  return { seconds, files: report.files.length, forms, stdout: run.stdout };
}

export async function run() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "perf-eval-bench-parallel-"));
  try {
    const { folder, averageBytes, seeds } = await writeFolder(dir);
    const cores = os.availableParallelism();
    console.log(
      `  ${FILES} 个工作簿（${seeds} 个种子表轮换，平均 ${(averageBytes / 1024).toFixed(1)} KB），` +
        `本机 ${cores} 核`,
    );
    const one = check(folder, 1);
    const all = check(folder, cores);
    const same = one.stdout === all.stdout ? "报告相同" : "报告不同！";
    const row = (label, r) =>
      `  ${label.padEnd(18)} ${r.seconds.toFixed(2).padStart(7)} s ` +
      `${Math.round(r.files / r.seconds)
        .toLocaleString("en-US")
        .padStart(7)} 文件/s ` +
      `${Math.round(r.forms / r.seconds)
        .toLocaleString("en-US")
        .padStart(7)} 表/s`;
    console.log(row("--jobs 1", one));
    console.log(row(`--jobs ${cores}（默认）`, all));
    console.log(`  加速 ${(one.seconds / all.seconds).toFixed(2)}×，${same}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
