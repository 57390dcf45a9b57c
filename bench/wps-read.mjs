// WPS adapter benchmark (issue 8, Bench): object-model calls and time to read the 1,000-form
// workbook (bench/forms.mjs builds it) through the ET adapter on the simulated WPS (dev/wps-sim),
// reading each sheet's used range in whole-range calls (what the adapter does) versus cell by cell
// (Value2, Text, NumberFormat and MergeCells of every cell), and the ratio. Printed only: the
// simulator answers in-process, so times are the adapter's and the simulator's own work; the
// "bridge estimate" prices every call and every moved cell at the simulator's guessed JS↔COM cost
// (DEFAULT_BRIDGE_COST), which is where real WPS spends its time.
//
// The adapter and the simulator are TypeScript outside the node build (dist/node), so this module
// compiles what it needs with tsc into node_modules/.cache/perf-eval-bench-wps first, then loads
// the CommonJS output (as bench/excel-adapter.mjs does). Run alone with `node bench/run.mjs wps`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadSeedForms } from "../scripts/fixture-layouts.mjs";
import { writeWorkbook } from "./forms.mjs";
import { compileForBench, ROOT } from "./lib.mjs";

export const title =
  "WPS 适配器基准：模拟 WPS 上读取 1,000 张表单的工作簿，整块读取与逐个单元格读取的调用次数、耗时与比值";

/**
 * Forms in the workbook: 1,000 by default; PERF_EVAL_BENCH_WPS_FORMS=100 for a quicker look (the
 * simulator's merged-area lookup scans every merged area of the sheet, so its own time grows with
 * the square of the forms per sheet; the call counts grow linearly).
 */
const FORMS = Number(process.env.PERF_EVAL_BENCH_WPS_FORMS) || 1000;

function compile() {
  return compileForBench({
    name: "wps",
    what: " WPS 适配器",
    types: ["node"],
    files: [
      "src/hosts/wps/index.ts",
      "src/hosts/wps/read.ts",
      "dev/wps-sim/index.ts",
      "src/core/validate.ts",
      "src/core/profiles/index.ts",
    ],
  });
}

const ms = (from) => Number(process.hrtime.bigint() - from) / 1e6;
const fmt = (n) => Math.round(n).toLocaleString("en-US");

/** One read of the whole workbook: time, calls, cells moved, the bridge estimate, the grid. */
function measure(lib, sim, perCell) {
  sim.resetCalls();
  const t0 = process.hrtime.bigint();
  const grid = lib.readWorkbookGrid({ Application: sim.Application, wps: sim.wps }, "workbook", {
    perCell,
  });
  const elapsed = ms(t0);
  const top = Object.entries(sim.calls)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([name, n]) => `${name} ${fmt(n)}`)
    .join("，");
  return {
    elapsed,
    calls: sim.callCount,
    cells: sim.cellsTransferred,
    bridge: sim.estimatedBridgeMs(),
    top,
    grid,
  };
}

export async function run() {
  const t0 = process.hrtime.bigint();
  const lib = compile();
  console.log(`编译适配器与模拟器：${fmt(ms(t0))} ms`);
  const seeds = loadSeedForms(path.join(ROOT, "tests", "fixtures", "forms"));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "perf-eval-bench-wps-"));
  try {
    const file = path.join(dir, `forms-${FORMS}.xlsx`);
    const { bytes } = await writeWorkbook(file, FORMS, seeds);
    const l0 = process.hrtime.bigint();
    const sim = await lib.WpsSimulator.load(new Uint8Array(fs.readFileSync(file)));
    const sheets = Math.ceil(FORMS / 250);
    console.log(
      `\n${FORMS.toLocaleString("en-US")} 张表单（${(bytes / 1024 / 1024).toFixed(1)} MB .xlsx，${sheets} 张工作表）`,
    );
    console.log(`  模拟器载入工作簿（不计入读取）：${fmt(ms(l0))} ms`);

    const ranges = measure(lib, sim, false);
    const cells = measure(lib, sim, true);
    const cost = lib.DEFAULT_BRIDGE_COST;
    for (const [label, r] of [
      ["整块读取（适配器的做法）", ranges],
      ["逐个单元格读取", cells],
    ]) {
      console.log(
        `  ${label}：${fmt(r.elapsed)} ms，${fmt(r.calls)} 次对象模型调用，传送 ${fmt(r.cells)} 个单元格`,
      );
      console.log(
        `    按每次调用 ${cost.perCallUs} µs、每个单元格 ${cost.perCellUs} µs 估算的桥接耗时：${fmt(r.bridge)} ms`,
      );
      console.log(`    调用最多的成员：${r.top}`);
    }
    const report = lib.validateWorkbook(ranges.grid, lib.national);
    console.log(`  识别出 ${report.forms.length} 张表单（整块读取的结果）`);
    console.log(
      `  比值（逐个 ÷ 整块）：调用次数 ${(cells.calls / ranges.calls).toFixed(1)} 倍，模拟器内耗时 ${(cells.elapsed / ranges.elapsed).toFixed(1)} 倍，桥接估算 ${(cells.bridge / ranges.bridge).toFixed(1)} 倍`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
