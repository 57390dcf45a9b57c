import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildNode } from "../fuzz/harness";
import { deflatedRun, unzipParts, writeZip } from "../hosts/xlsx/zip-writer";
import { fixture, HAN, STACK_LINE, tempDir, type JsonReport } from "./helpers";

/**
 * Issue 11, item 6: a workbook of well under 1 MB that inflates to 400 MB used to exhaust Node's
 * heap and end the run (exit 134, the other files never checked). Through the real launcher, with
 * the heap capped at 256 MB so that inflating the part would crash the process: `check` and
 * `annotate` refuse the bomb in one Chinese line, exit 2, and the other files are still checked.
 */

const root = path.resolve(__dirname, "..", "..");
const bin = path.join(root, "bin", "perf-eval.js");
const HEAP_MB = 256;
let dir: string;
const file = (name: string) => path.join(dir, name);

function perfEval(args: string[]) {
  const result = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, bin, ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return {
    code: result.status,
    signal: result.signal,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

beforeAll(async () => {
  // The tsc build the launcher runs, rebuilt only when a source file is newer than it.
  buildNode();
  expect(fs.existsSync(path.join(root, "dist", "node", "hosts", "xlsx", "zip-limits.js"))).toBe(
    true,
  );
  dir = tempDir();
  const good = fs.readFileSync(fixture("shanghai.xlsx"));
  const sheet = "xl/worksheets/sheet1.xml";
  const bomb = deflatedRun(
    400,
    0x20,
    Buffer.from(
      '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    ),
    Buffer.from("</sheetData></worksheet>"),
  );
  const parts = await unzipParts(good);
  const withBomb = (declaredSize?: number) =>
    writeZip(
      parts.map((p) => (p.name === sheet ? { name: sheet, deflated: bomb, declaredSize } : p)),
    );
  // The directory tells the truth (400 MB) / understates it (4 KB, under every limit).
  fs.writeFileSync(file("a-bomb.xlsx"), withBomb());
  fs.writeFileSync(file("b-lying.xlsx"), withBomb(4096));
  fs.writeFileSync(file("c-good.xlsx"), good);
  expect(fs.statSync(file("a-bomb.xlsx")).size).toBeLessThan(1024 * 1024);
});

describe("zip bombs through bin/perf-eval.js (heap capped at 256 MB)", () => {
  it("check --json: each bomb is one Chinese finding, the good file is checked, exit 2", () => {
    const run = perfEval(["check", "--json", dir]);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).not.toMatch(STACK_LINE);
    const report = JSON.parse(run.stdout) as JsonReport;
    const byName = Object.fromEntries(report.files.map((f) => [path.basename(f.file), f]));
    expect(Object.keys(byName).sort()).toEqual(["a-bomb.xlsx", "b-lying.xlsx", "c-good.xlsx"]);
    for (const [name, reason] of [
      ["a-bomb.xlsx", /解压后共有 400 MB，超过 100 MB 的上限/],
      ["b-lying.xlsx", /解压后比文件目录记载的 4096 字节更大/],
    ] as const) {
      expect(byName[name].forms).toEqual([]);
      expect(byName[name].findings).toHaveLength(1);
      expect(byName[name].findings[0].message).toMatch(reason);
      expect(byName[name].findings[0].message).not.toContain("\n");
    }
    expect(byName["c-good.xlsx"].forms).toHaveLength(30);
  });

  it("check (text): one line per bomb", () => {
    const run = perfEval(["check", file("a-bomb.xlsx"), file("b-lying.xlsx")]);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).not.toMatch(STACK_LINE);
    expect(run.stdout.split("\n").filter((line) => /压缩包/.test(line))).toHaveLength(1);
    expect(run.stdout.split("\n").filter((line) => /篡改/.test(line))).toHaveLength(1);
  });

  it("annotate: refused in one line on stderr, nothing written", () => {
    for (const name of ["a-bomb.xlsx", "b-lying.xlsx"]) {
      const output = file(`${name}-标注.xlsx`);
      const run = perfEval(["annotate", file(name), output]);
      expect(run.signal).toBeNull();
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      const lines = run.stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(HAN);
      expect(lines[0]).toMatch(/压缩包|篡改/);
      expect(fs.existsSync(output)).toBe(false);
    }
  });
});
