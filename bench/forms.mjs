// Validation benchmark (issue "Read real forms and validate them", section Speed): a generated
// workbook of 1,000 forms, the time the reader (src/hosts/xlsx/read-*.ts) takes to read it into the grid, the time detection +
// rules take over that grid, and peak memory at 250 / 500 / 1,000 forms to show linear growth.
//
// Each size is measured in its own child process so one size's garbage and the reader's caches do not
// inflate the next size's peak memory (maxRSS is per process). The parent only generates the
// workbooks and prints the table. Run alone with `node bench/run.mjs forms` or
// `node bench/forms.mjs`, after `npm run build:node`.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { clearInterval, setInterval } from "node:timers";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { layoutForm, loadSeedForms } from "../scripts/fixture-layouts.mjs";
import { ROOT } from "./lib.mjs";

export const title =
  "校验基准：1,000 张表单的工作簿，读取 xlsx 与识别 + 规则的耗时、内存（每个规模一个子进程）";

const root = ROOT;
const dist = path.join(root, "dist", "node");
const require = createRequire(import.meta.url);

const SIZES = [250, 500, 1000];
const FORMS_PER_SHEET = 250;
const ENGINE_REPEATS = 9;
const TARGETS = { formsPerSecond: 2000, enginePercentOfRead: 20 };

/** The engine as compiled by `npm run build:node` (tsc → CommonJS under dist/node). */
function loadEngine() {
  const need = (rel) => {
    const file = path.join(dist, rel);
    if (!fs.existsSync(file)) {
      throw new Error(`缺少 ${path.relative(root, file)}，请先运行 npm run build:node`);
    }
    return require(file);
  };
  const { readXlsxFile } = need("hosts/xlsx/read.js");
  const { detectForms } = need("core/forms/index.js");
  const { runRules } = need("core/rules/index.js");
  const { national } = need("core/profiles/index.js");
  const { validateWorkbook } = need("core/validate.js");
  return { readXlsxFile, detectForms, runRules, national, validateWorkbook };
}

/**
 * Writes `count` forms, FORMS_PER_SHEET to a sheet, stacked with one blank row between them.
 * Forms cycle through every seed form, each in the layout of its region (seed 003 Shanghai,
 * seeds 000/001 Beijing), so a sheet mixes widths and label sets as merged workbooks do.
 */
export async function writeWorkbook(file, count, seeds) {
  const pool = [
    ...(seeds["003"] ?? []).map((form) => ({ form, layout: "shanghai" })),
    ...(seeds["000"] ?? []).map((form) => ({ form, layout: "beijing" })),
    ...(seeds["001"] ?? []).map((form) => ({ form, layout: "beijing" })),
  ];
  if (pool.length === 0) throw new Error("tests/fixtures/forms 中没有种子表单");
  const wb = new ExcelJS.Workbook();
  let rows = 0;
  for (let start = 0; start < count; start += FORMS_PER_SHEET) {
    const ws = wb.addWorksheet(`自评表${start / FORMS_PER_SHEET + 1}`);
    let row = 1;
    for (let i = start; i < Math.min(count, start + FORMS_PER_SHEET); i++) {
      const { form, layout } = pool[i % pool.length];
      const placed = layoutForm(ws, form, { layout, origin: `A${row}` });
      row = placed.lastRow + 2;
    }
    rows += row - 2;
  }
  await wb.xlsx.writeFile(file);
  return { rows, bytes: fs.statSync(file).size };
}

const now = () => process.hrtime.bigint();
const ms = (from, to) => Number(to - from) / 1e6;
/** CPU time of this process (all threads, ms): steadier than wall time on a shared machine. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Child process: read one workbook, run the engine over it, report timings and memory as JSON. */
async function measure(file, expectedForms) {
  const engine = loadEngine();
  const gc = globalThis.gc ?? (() => {});
  gc();
  const baseHeap = process.memoryUsage().heapUsed;

  // The read is synchronous (the sampler only runs before and after it); peak RSS is the real bound.
  let peakHeap = 0;
  const sampleHeap = () => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  const sampler = setInterval(sampleHeap, 2);
  const t0 = now();
  const c0 = cpuMs();
  const grid = await engine.readXlsxFile(file);
  const readMs = ms(t0, now());
  const readCpuMs = cpuMs() - c0;
  clearInterval(sampler);
  sampleHeap();
  gc();
  const gridHeap = process.memoryUsage().heapUsed - baseHeap;

  // One pass = detection on every sheet, then every rule on every form (what the CLI does).
  const pass = () => {
    const c = cpuMs();
    const d0 = now();
    const forms = grid.sheets.flatMap((sheet) => engine.detectForms(sheet));
    const d1 = now();
    let findings = 0;
    for (const form of forms) findings += engine.runRules(form, engine.national).length;
    const d2 = now();
    const cpu = cpuMs() - c;
    return { forms: forms.length, findings, detectMs: ms(d0, d1), rulesMs: ms(d1, d2), cpu };
  };
  const passes = [];
  for (let i = 0; i < ENGINE_REPEATS; i++) passes.push(pass());
  const cold = passes[0];
  const warm = passes.slice(1);

  const validateTimes = [];
  for (let i = 0; i < 3; i++) {
    const v0 = now();
    engine.validateWorkbook(grid, engine.national);
    validateTimes.push(ms(v0, now()));
  }

  return {
    expectedForms,
    forms: cold.forms,
    findings: cold.findings,
    readMs,
    readCpuMs,
    engineCpuMs: median(warm.map((p) => p.cpu)),
    coldEngineMs: cold.detectMs + cold.rulesMs,
    detectMs: median(warm.map((p) => p.detectMs)),
    rulesMs: median(warm.map((p) => p.rulesMs)),
    engineMs: median(warm.map((p) => p.detectMs + p.rulesMs)),
    validateMs: median(validateTimes),
    gridHeapMB: gridHeap / 2 ** 20,
    peakHeapMB: (peakHeap - baseHeap) / 2 ** 20,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  };
}

function runChild(file, forms) {
  const child = spawnSync(
    process.execPath,
    ["--expose-gc", fileURLToPath(import.meta.url), "--measure", file, String(forms)],
    { encoding: "utf8", maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) {
    throw new Error(`测量子进程失败（${forms} 张表）：\n${child.stderr}`);
  }
  return JSON.parse(child.stdout.trim().split("\n").pop());
}

/** Least squares y = a + b·x. */
function linearFit(xs, ys) {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  const b = sxy / sxx;
  return { a: my - b * mx, b, r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy) };
}

const f1 = (x) => x.toFixed(1);
const f0 = (x) => Math.round(x).toLocaleString("en-US");

export async function run() {
  const load = os.loadavg()[0].toFixed(1);
  console.log(`${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), load average ${load}`);
  const seeds = loadSeedForms(path.join(root, "tests", "fixtures", "forms"));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "perf-eval-bench-"));
  const results = [];
  try {
    for (const size of SIZES) {
      const file = path.join(dir, `forms-${size}.xlsx`);
      const g0 = now();
      const { rows, bytes } = await writeWorkbook(file, size, seeds);
      const genMs = ms(g0, now());
      const r = runChild(file, size);
      results.push({ size, rows, bytes, genMs, ...r });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const rows = [
    ["forms (generated / detected)", (r) => `${r.size} / ${r.forms}`],
    ["rows", (r) => f0(r.rows)],
    ["xlsx size (MB)", (r) => f1(r.bytes / 2 ** 20)],
    ["findings", (r) => f0(r.findings)],
    ["xlsx read, file → grid (ms)", (r) => f0(r.readMs)],
    ["xlsx read, CPU time (ms)", (r) => f0(r.readCpuMs)],
    ["detection (ms, warm median)", (r) => f1(r.detectMs)],
    ["rules (ms, warm median)", (r) => f1(r.rulesMs)],
    ["engine = detection + rules (ms)", (r) => f1(r.engineMs)],
    ["engine, CPU time (ms)", (r) => f1(r.engineCpuMs)],
    ["engine, first pass (ms)", (r) => f1(r.coldEngineMs)],
    ["validateWorkbook (ms)", (r) => f1(r.validateMs)],
    [
      `engine forms/s  [target ≥ ${f0(TARGETS.formsPerSecond)}]`,
      (r) => f0(r.forms / (r.engineMs / 1000)),
    ],
    [
      `engine forms/s, CPU time  [≥ ${f0(TARGETS.formsPerSecond)}]`,
      (r) => f0(r.forms / (r.engineCpuMs / 1000)),
    ],
    [
      `engine / read (%)  [target ≤ ${TARGETS.enginePercentOfRead}]`,
      (r) => f1((100 * r.engineMs) / r.readMs),
    ],
    [
      `engine / read, CPU time (%)  [≤ ${TARGETS.enginePercentOfRead}]`,
      (r) => f1((100 * r.engineCpuMs) / r.readCpuMs),
    ],
    ["peak RSS (MB)", (r) => f1(r.maxRssMB)],
    ["peak RSS per 1,000 forms (MB)", (r) => f1((r.maxRssMB * 1000) / r.size)],
    ["peak heap during read, sampled (MB)", (r) => f1(r.peakHeapMB)],
    ["grid heap after read (MB)", (r) => f1(r.gridHeapMB)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  console.log("".padEnd(width) + results.map((r) => `${f0(r.size)} forms`.padStart(14)).join(""));
  for (const [label, cell] of rows) {
    console.log(label.padEnd(width) + results.map((r) => cell(r).padStart(14)).join(""));
  }
  const xs = results.map((r) => r.size);
  console.log("memory fit, y ≈ a + b per 1,000 forms [target: linear]:");
  for (const [label, key] of [
    ["peak RSS", "maxRssMB"],
    ["peak heap during read", "peakHeapMB"],
    ["grid heap after read", "gridHeapMB"],
  ]) {
    const fit = linearFit(
      xs,
      results.map((r) => r[key]),
    );
    console.log(
      `  ${label.padEnd(22)} ${f1(fit.a)} MB + ${f1(fit.b * 1000)} MB per 1,000 forms ` +
        `(R² ${fit.r2.toFixed(4)})`,
    );
  }
  const missed = results.filter((r) => r.forms !== r.size);
  if (missed.length > 0) {
    console.log(
      `注意：识别出的表单数与生成数不同（${missed.map((r) => `${r.forms}/${r.size}`).join("，")}）`,
    );
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === "--measure") {
    const result = await measure(process.argv[3], Number(process.argv[4]));
    console.log(JSON.stringify(result));
  } else {
    await run();
  }
}
