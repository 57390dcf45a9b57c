import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_WORKBOOK_FILE_BYTES } from "../../src/hosts/xlsx/read";
import { buildNode } from "../fuzz/harness";
import { deflatedRun, unzipParts, writeZip } from "../hosts/xlsx/zip-writer";
import { fixture, HAN, STACK_LINE, tempDir, type JsonReport } from "./helpers";

/**
 * `check --jobs N` (issue 10, item 2) through the real launcher over dist/node, where the worker
 * threads load dist/node/cli/check-worker.js: a folder of good, broken and hostile files gives the
 * same report, in the same order, with the same exit code and the same one-line reasons on one
 * core and on several; a worker that runs out of memory on a file costs that file only.
 */

const root = path.resolve(__dirname, "..", "..");
const bin = path.join(root, "bin", "perf-eval.js");
let dir: string;
let server: net.Server;
const at = (name: string) => path.join(dir, name);

function perfEval(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...env },
    // A guard, not a measure: a run that blocks (a FIFO, a lost worker) must fail, not hang.
    timeout: 120_000,
    killSignal: "SIGKILL",
  });
  return {
    code: result.status,
    signal: result.signal,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

function ole2(extra: string): Buffer {
  const body = Buffer.alloc(1024);
  Buffer.from(extra, "utf16le").copy(body, 512);
  return Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), body]);
}

/** Each hostile or broken file of the folder and the reason it must be refused with. */
const REFUSED: Array<[string, RegExp]> = [
  ["b-text.xlsx", /不是 \.xlsx/],
  ["c-truncated.xlsx", /损坏|不完整/],
  ["d-old.xls", /旧版 \.xls/],
  ["e-password.xlsx", /密码/],
  ["f-zero.xlsx", /空/],
  ["g-bomb.xlsx", /解压后共有 400 MB/],
  ["h-huge.xlsx", /过大/],
  ["i-loop.xlsx", /循环/],
  ["k-socket.xlsx", /套接字/],
];

beforeAll(async () => {
  buildNode();
  expect(fs.existsSync(path.join(root, "dist", "node", "cli", "check-worker.js"))).toBe(true);
  dir = tempDir();
  const good = fs.readFileSync(fixture("shanghai.xlsx"));
  for (const name of ["a-good.xlsx", "m-good.xlsx", "sub/n-good.xlsx", "z-good.xlsx"]) {
    fs.mkdirSync(path.dirname(at(name)), { recursive: true });
    fs.writeFileSync(at(name), good);
  }
  fs.copyFileSync(fixture("beijing.xlsx"), at("l-beijing.xlsx"));
  fs.writeFileSync(at("b-text.xlsx"), "项目名称,金额\n");
  fs.writeFileSync(at("c-truncated.xlsx"), good.subarray(0, 2000));
  fs.writeFileSync(at("d-old.xls"), ole2("Workbook"));
  fs.writeFileSync(at("e-password.xlsx"), ole2("EncryptionInfo"));
  fs.writeFileSync(at("f-zero.xlsx"), Buffer.alloc(0));
  const sheet = "xl/worksheets/sheet1.xml";
  const bomb = deflatedRun(
    400,
    0x20,
    Buffer.from('<?xml version="1.0"?><worksheet><sheetData>'),
    Buffer.from("</sheetData></worksheet>"),
  );
  const parts = await unzipParts(good);
  fs.writeFileSync(
    at("g-bomb.xlsx"),
    writeZip(parts.map((p) => (p.name === sheet ? { name: sheet, deflated: bomb } : p))),
  );
  const fd = fs.openSync(at("h-huge.xlsx"), "w");
  fs.ftruncateSync(fd, MAX_WORKBOOK_FILE_BYTES + 1);
  fs.closeSync(fd);
  fs.symlinkSync(at("j-loop.xlsx"), at("i-loop.xlsx"));
  fs.symlinkSync(at("i-loop.xlsx"), at("j-loop.xlsx"));
  server = net.createServer();
  await new Promise<void>((done) => server.listen(at("k-socket.xlsx"), done));
}, 180_000);

afterAll(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

describe("check --jobs N over a folder of good, broken and hostile files", () => {
  it("gives the same JSON, text and CSV, in the same order, on one thread and on three", () => {
    const one = perfEval(["check", "--json", "--jobs", "1", dir]);
    const three = perfEval(["check", "--json", "--jobs", "3", dir]);
    expect(one.code).toBe(2);
    expect(three.code).toBe(2);
    expect(three.signal).toBeNull();
    expect(three.stdout).toBe(one.stdout);
    expect(three.stderr).toBe("");
    const report = JSON.parse(three.stdout) as JsonReport;
    const names = report.files.map((f) => path.relative(dir, f.file));
    expect(names).toEqual([
      "a-good.xlsx",
      "b-text.xlsx",
      "c-truncated.xlsx",
      "d-old.xls",
      "e-password.xlsx",
      "f-zero.xlsx",
      "g-bomb.xlsx",
      "h-huge.xlsx",
      "i-loop.xlsx",
      "j-loop.xlsx",
      "k-socket.xlsx",
      "l-beijing.xlsx",
      "m-good.xlsx",
      path.join("sub", "n-good.xlsx"),
      "z-good.xlsx",
    ]);
    for (const [name, reason] of REFUSED) {
      const file = report.files.find((f) => f.file === at(name))!;
      expect(file.forms, name).toEqual([]);
      expect(file.findings, name).toHaveLength(1);
      expect(file.findings[0].message, name).toMatch(HAN);
      expect(file.findings[0].message, name).toMatch(reason);
      expect(file.findings[0].message, name).not.toContain("\n");
    }
    for (const name of ["a-good.xlsx", "m-good.xlsx", "z-good.xlsx"]) {
      expect(report.files.find((f) => f.file === at(name))?.forms).toHaveLength(30);
    }
    for (const format of ["text", "csv"]) {
      const a = perfEval(["check", "--format", format, "--jobs", "1", dir]);
      const b = perfEval(["check", "--format", format, "--jobs", "2", dir]);
      expect(b.code, format).toBe(2);
      expect(b.stdout, format).toBe(a.stdout);
      expect(b.stdout + b.stderr, format).not.toMatch(STACK_LINE);
    }
  });

  it("exit 1 / 0 as on one thread when every file is readable", () => {
    const good = path.join(tempDir(), "good");
    fs.mkdirSync(good);
    for (let i = 0; i < 4; i++)
      fs.copyFileSync(fixture("shanghai.xlsx"), path.join(good, `${i}.xlsx`));
    const one = perfEval(["check", "--jobs", "1", good]);
    const two = perfEval(["check", "--jobs", "2", good]);
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    // Not a terminal: no progress line on stderr.
    expect(two.stderr).toBe("");
  });

  it("--report: the workers read the forms' facts; the summary is the one-thread one", async () => {
    const values = async (file: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      return workbook.worksheets.map((sheet) =>
        sheet.getSheetValues().map((row) => JSON.stringify(row)),
      );
    };
    const out = tempDir();
    const one = perfEval(["check", "--jobs", "1", dir, "--report", path.join(out, "一.xlsx")]);
    const two = perfEval(["check", "--jobs", "2", dir, "--report", path.join(out, "二.xlsx")]);
    expect(one.code).toBe(2);
    expect(two.code).toBe(2);
    const [forms, findings] = await values(path.join(out, "二.xlsx"));
    expect([forms, findings]).toEqual(await values(path.join(out, "一.xlsx")));
    // 主管部门 of the Shanghai forms came back from the workers: the same in each of the 4 copies.
    const shanghai = forms.filter((row) => row.includes("中共上海闵行区组织部(汇总)")).length;
    expect(shanghai).toBeGreaterThan(0);
    expect(shanghai % 4).toBe(0);
  });
});

describe("a worker that runs out of memory", () => {
  it("costs that file one line; the other files are still checked", async () => {
    const folder = path.join(tempDir(), "oom");
    fs.mkdirSync(folder);
    // 200,000 distinct strings: several hundred MB as a grid, far more than a 48 MB worker heap.
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("明细");
    for (let r = 1; r <= 20_000; r++) {
      ws.addRow(Array.from({ length: 10 }, (_, c) => `第${r}行第${c}列的说明文字`));
    }
    await workbook.xlsx.writeFile(path.join(folder, "b-big.xlsx"));
    for (const name of ["a-good.xlsx", "c-good.xlsx", "d-good.xlsx"]) {
      fs.copyFileSync(fixture("shanghai.xlsx"), path.join(folder, name));
    }
    const run = perfEval(["check", "--json", "--jobs", "2", folder], {
      PERF_EVAL_WORKER_HEAP_MB: "48",
    });
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).not.toMatch(STACK_LINE);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.files.map((f) => path.basename(f.file))).toEqual([
      "a-good.xlsx",
      "b-big.xlsx",
      "c-good.xlsx",
      "d-good.xlsx",
    ]);
    const big = report.files[1];
    expect(big.forms).toEqual([]);
    expect(big.findings).toHaveLength(1);
    expect(big.findings[0].message).toMatch(/^“b-big\.xlsx”：读取时内存不足/);
    for (const file of [report.files[0], report.files[2], report.files[3]]) {
      expect(file.forms).toHaveLength(30);
    }
  }, 180_000);
});
