// Excel adapter benchmark (issue 7, Bench): round trips (context.sync) per validation and the time
// to read and validate the 1,000-form workbook (bench/forms.mjs builds it) through the Office.js
// adapter on the simulated Excel (dev/excel-sim). Printed only: the simulator answers in-process,
// so the times are the adapter's and the engine's own work, not Excel's.
//
// The adapter and the simulator are TypeScript outside the node build (dist/node), so this module
// compiles what it needs with tsc into node_modules/.cache/perf-eval-bench-excel first (about half
// a minute), then loads the CommonJS output. Run alone with `node bench/run.mjs excel`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { layoutForm, loadSeedForms } from "../scripts/fixture-layouts.mjs";
import { writeWorkbook } from "./forms.mjs";
import { compileForBench, ROOT } from "./lib.mjs";

export const title =
  "Excel 适配器基准：模拟 Excel 上每次校验的同步次数，1,000 张表单工作簿的读取与校验耗时";

function compile() {
  return compileForBench({
    name: "excel",
    what: " Excel 适配器",
    types: ["node", "office-js"],
    files: [
      "src/hosts/excel/index.ts",
      "dev/excel-sim/simulator.ts",
      "dev/excel-sim/model.ts",
      "src/core/validate.ts",
      "src/core/profiles/index.ts",
    ],
  });
}

const ms = (from) => Number(process.hrtime.bigint() - from) / 1e6;
const fmt = (n) => Math.round(n).toLocaleString("en-US");

async function simHost(lib, bytes) {
  const sim = new lib.ExcelSimulator(await lib.WorkbookModel.fromXlsx(bytes));
  const host = lib.createExcelHost({
    run: (batch) => sim.run(batch),
    isSetSupported: (name, version) => sim.isSetSupported(name, version),
  });
  return { sim, host };
}

async function formsWorkbook(sheets, seeds) {
  const pool = [...(seeds["003"] ?? []), ...(seeds["000"] ?? [])];
  const wb = new ExcelJS.Workbook();
  for (let i = 0; i < sheets; i++) {
    layoutForm(wb.addWorksheet(`自评表${i + 1}`), pool[i % pool.length], { layout: "beijing" });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Round trips and payload of one call. */
async function counted(sim, work) {
  const syncs = sim.syncCount;
  const log = sim.syncLog.length;
  const value = await work();
  const records = sim.syncLog.slice(log);
  const bytes = records.reduce((sum, r) => sum + r.requestBytes + r.responseBytes, 0);
  return { value, syncs: sim.syncCount - syncs, bytes };
}

export async function run() {
  const t0 = process.hrtime.bigint();
  const lib = compile();
  console.log(`编译适配器与模拟器：${fmt(ms(t0))} ms`);
  const seeds = loadSeedForms(path.join(ROOT, "tests", "fixtures", "forms"));

  console.log("\n同步次数（context.sync 往返）");
  for (const sheets of [1, 30]) {
    const { sim, host } = await simHost(lib, await formsWorkbook(sheets, seeds));
    const read = await counted(sim, () => host.readWorkbook("workbook"));
    const report = lib.validateWorkbook(read.value, lib.national);
    const findings = [...report.findings, ...report.forms.flatMap((f) => f.findings)];
    const mark = await counted(sim, () => host.mark(findings));
    const clear = await counted(sim, () => host.clearMarks());
    console.log(
      `  ${String(sheets).padStart(2)} 张工作表：读取 ${read.syncs} 次，标记 ${findings.length} 个问题 ${mark.syncs} 次，清除标记 ${clear.syncs} 次`,
    );
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "perf-eval-bench-excel-"));
  try {
    const file = path.join(dir, "forms-1000.xlsx");
    const { bytes } = await writeWorkbook(file, 1000, seeds);
    const data = new Uint8Array(fs.readFileSync(file));
    const l0 = process.hrtime.bigint();
    const { sim, host } = await simHost(lib, data);
    const loadMs = ms(l0);
    const r0 = process.hrtime.bigint();
    const read = await counted(sim, () => host.readWorkbook("workbook"));
    const readMs = ms(r0);
    const v0 = process.hrtime.bigint();
    const report = lib.validateWorkbook(read.value, lib.national);
    const validateMs = ms(v0);
    console.log(`\n1,000 张表单（${(bytes / 1024 / 1024).toFixed(1)} MB .xlsx，4 张工作表）`);
    console.log(`  模拟器载入工作簿（不计入校验）：${fmt(loadMs)} ms`);
    console.log(
      `  适配器读取：${fmt(readMs)} ms，${read.syncs} 次同步，约 ${(read.bytes / 1024 / 1024).toFixed(1)} MB 往返数据`,
    );
    console.log(`  识别 + 规则：${fmt(validateMs)} ms，识别出 ${report.forms.length} 张表单`);
    console.log(`  校验合计（读取 + 识别 + 规则）：${fmt(readMs + validateMs)} ms`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
