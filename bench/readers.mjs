// Readers side by side (issue 10, item 1), in one run on the 1,000-form workbook of forms.mjs:
// exceljs (the reader until this issue), SheetJS (@e965/xlsx, the maintained npm build), our
// streaming reader (fflate + a hand-written scanner, src/hosts/xlsx/read-*.ts), and the floor any
// reader pays: fflate unzipping every part and walking every XML tag, once with a bare indexOf
// loop and once with saxes. Then `perf-eval check` end to end (process start → findings).
//
// Each candidate runs in its own child process, so its peak memory (maxRSS) is its own. exceljs
// and SheetJS are timed to their own model only (no conversion to our grid): a lower bound for
// them. Ours is timed to the finished grid, formulas without cached results computed. Figures are
// printed, never judged. Run with `node bench/run.mjs readers` after `npm run build:node`.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { TextDecoder } from "node:util";
import { loadSeedForms } from "../scripts/fixture-layouts.mjs";
import { writeWorkbook } from "./forms.mjs";
import { ROOT } from "./lib.mjs";

export const title =
  "读取器对比：1,000 张表单的工作簿，exceljs / SheetJS / 本项目的流式读取器 / 解压 + 遍历标签的下限，及 perf-eval check 端到端";

const require = createRequire(import.meta.url);
const FORMS = 1000;
/** Timed reads per candidate (the median is printed); exceljs is slow enough for fewer. */
const REPEATS = { exceljs: 3, sheetjs: 5, ours: 7, "floor-scan": 7, "floor-saxes": 5 };
const CANDIDATES = [
  ["floor-scan", "下限：fflate 解压 + indexOf 遍历每个标签"],
  ["floor-saxes", "下限：fflate 解压 + saxes 解析每个标签"],
  ["ours", "本项目读取器（到网格，含公式计算）"],
  ["sheetjs", "SheetJS @e965/xlsx（到它的对象模型）"],
  ["exceljs", "exceljs（到它的对象模型，原读取器）"],
];

const now = () => process.hrtime.bigint();
const ms = (from, to) => Number(to - from) / 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Child process: one candidate, `repeats` reads of the same bytes. */
async function measure(kind, file, repeats) {
  const bytes = fs.readFileSync(file);
  const read = await reader(kind);
  const times = [];
  const cpu = [];
  let result;
  for (let i = 0; i < repeats; i++) {
    const c0 = process.cpuUsage();
    const t0 = now();
    result = await read(bytes);
    times.push(ms(t0, now()));
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return {
    kind,
    ms: median(times),
    cpuMs: median(cpu),
    first: times[0],
    result,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  };
}

async function reader(kind) {
  switch (kind) {
    case "exceljs": {
      const ExcelJS = require("exceljs");
      return async (bytes) => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(bytes);
        return `${wb.worksheets.length} sheets`;
      };
    }
    case "sheetjs": {
      const XLSX = require("@e965/xlsx");
      return async (bytes) => {
        // cellNF + cellText: formats and display text, as our grid holds them.
        const wb = XLSX.read(bytes, { type: "buffer", cellNF: true, cellText: true, dense: true });
        return `${wb.SheetNames.length} sheets`;
      };
    }
    case "ours": {
      const { readXlsxBuffer } = require(path.join(ROOT, "dist", "node", "hosts/xlsx/read.js"));
      return async (bytes) => {
        const grid = await readXlsxBuffer(bytes);
        return `${grid.sheets.length} sheets`;
      };
    }
    case "floor-scan": {
      const { unzipSync } = require("fflate");
      return async (bytes) => {
        const decoder = new TextDecoder();
        let tags = 0;
        for (const [name, data] of Object.entries(unzipSync(bytes))) {
          if (!name.endsWith(".xml") && !name.endsWith(".rels")) continue;
          const xml = decoder.decode(data);
          // Every tag's name is read (what any reader must do at least).
          for (let i = xml.indexOf("<"); i >= 0; i = xml.indexOf("<", i + 1)) {
            let j = i + 1;
            while (j < xml.length) {
              const c = xml.charCodeAt(j);
              if (c === 32 || c === 62 || c === 47 || c === 10 || c === 13 || c === 9) break;
              j++;
            }
            if (xml.slice(i + 1, j).length > 0) tags++;
          }
        }
        return `${tags} tags`;
      };
    }
    case "floor-saxes": {
      const { unzipSync } = require("fflate");
      const { SaxesParser } = require("saxes");
      return async (bytes) => {
        const decoder = new TextDecoder();
        let tags = 0;
        for (const [name, data] of Object.entries(unzipSync(bytes))) {
          if (!name.endsWith(".xml") && !name.endsWith(".rels")) continue;
          const parser = new SaxesParser();
          parser.on("opentag", () => tags++);
          parser.write(decoder.decode(data)).close();
        }
        return `${tags} tags`;
      };
    }
    default:
      throw new Error(`unknown reader ${kind}`);
  }
}

function child(args) {
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) throw new Error(`测量子进程失败（${args.join(" ")}）：\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").pop());
}

/**
 * `perf-eval check <file>` as a user runs it: node start, read, detect, rules, report. Two ways,
 * alternated run by run so machine load hits both alike: the launcher (bin/perf-eval.js, which
 * turns V8's TurboFan inlining off) and the same command with V8's defaults (main.js called
 * directly), to show what that flag is worth.
 */
function endToEnd(file, runs, dir) {
  const bin = path.join(ROOT, "bin", "perf-eval.js");
  const mainJs = path.join(ROOT, "dist", "node", "cli", "main.js");
  // The child reports its own CPU time on exit: on a shared machine wall time is mostly waiting.
  const preload = path.join(dir, "cpu-on-exit.cjs");
  fs.writeFileSync(
    preload,
    'process.on("exit", () => { const c = process.cpuUsage(); process.stderr.write(`\\n__cpu_ms__ ${(c.user + c.system) / 1000}\\n`); });',
  );
  const args = ["check", file, "--format", "json"];
  const ways = {
    launcher: ["-r", preload, bin, ...args],
    v8Defaults: [
      "-r",
      preload,
      "-e",
      `require(${JSON.stringify(mainJs)}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; })`,
      ...args,
    ],
  };
  const results = Object.fromEntries(
    Object.keys(ways).map((way) => [way, { times: [], cpu: [], forms: 0, status: 0 }]),
  );
  for (let i = 0; i < runs; i++) {
    for (const [way, argv] of Object.entries(ways)) {
      const result = results[way];
      const t0 = now();
      const run = spawnSync(process.execPath, argv, { encoding: "utf8", maxBuffer: 256 << 20 });
      result.times.push(ms(t0, now()));
      result.status = run.status;
      if (run.status !== 0 && run.status !== 1) {
        throw new Error(`perf-eval check 失败：${run.stderr}`);
      }
      result.forms = countForms(run.stdout);
      const reported = /__cpu_ms__ ([\d.]+)/.exec(run.stderr);
      if (reported) result.cpu.push(Number(reported[1]));
    }
  }
  const summary = ({ times, cpu, forms, status }) => ({
    ms: median(times),
    cpuMs: cpu.length > 0 ? median(cpu) : NaN,
    forms,
    status,
  });
  return { launcher: summary(results.launcher), v8Defaults: summary(results.v8Defaults) };
}

/** Forms in the JSON report, whatever its exact shape (a list of files with their forms). */
function countForms(stdout) {
  let count = 0;
  const visit = (node, key) => {
    if (Array.isArray(node)) {
      if (key === "forms") count += node.length;
      else node.forEach((n) => visit(n));
    } else if (node && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) visit(v, k);
    }
  };
  try {
    visit(JSON.parse(stdout));
  } catch {
    return 0;
  }
  return count;
}

const f0 = (x) => Math.round(x).toLocaleString("en-US");
const f1 = (x) => x.toFixed(1);

export async function run() {
  const load = os.loadavg()[0].toFixed(1);
  console.log(`${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), load average ${load}`);
  const seeds = loadSeedForms(path.join(ROOT, "tests", "fixtures", "forms"));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "perf-eval-readers-"));
  try {
    const file = path.join(dir, `forms-${FORMS}.xlsx`);
    const { bytes } = await writeWorkbook(file, FORMS, seeds);
    console.log(`${FORMS} 张表单，${f1(bytes / 2 ** 20)} MB；每项取中位数`);
    const results = CANDIDATES.map(([kind, label]) => ({
      label,
      ...child(["--measure", kind, file, String(REPEATS[kind])]),
    }));
    const floorRun = results.find((r) => r.kind === "floor-scan");
    const floor = floorRun.ms;
    const floorCpu = floorRun.cpuMs;
    const width = Math.max(...results.map((r) => r.label.length)) + 2;
    console.log(
      "".padEnd(width) +
        ["ms", "CPU ms", "forms/s", "× floor", "CPU×floor", "peak RSS MB", "first ms"]
          .map((h) => h.padStart(12))
          .join(""),
    );
    for (const r of results) {
      console.log(
        r.label.padEnd(width) +
          [
            f0(r.ms),
            f0(r.cpuMs),
            f0(FORMS / (r.ms / 1000)),
            f1(r.ms / floor),
            f1(r.cpuMs / floorCpu),
            f1(r.maxRssMB),
            f0(r.first),
          ]
            .map((c) => c.padStart(12))
            .join("") +
          `   (${r.result})`,
      );
    }
    const e2e = endToEnd(file, 5, dir);
    const line = (label, r) =>
      `${label}：${f0(r.ms)} ms，${f0(FORMS / (r.ms / 1000))} forms/s；CPU 时间 ${f0(r.cpuMs)} ms，` +
      `${f0(FORMS / (r.cpuMs / 1000))} forms/s（报告中 ${r.forms} 张表，退出码 ${r.status}）`;
    console.log(
      line("perf-eval check 端到端（进程启动 → 问题清单，5 次中位数）", e2e.launcher) +
        "\n" +
        line("  同一命令、V8 默认设置（保留 TurboFan 内联，交替运行）", e2e.v8Defaults),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === "--measure") {
    const result = await measure(process.argv[3], process.argv[4], Number(process.argv[5]));
    console.log(JSON.stringify(result));
  } else {
    await run();
  }
}
