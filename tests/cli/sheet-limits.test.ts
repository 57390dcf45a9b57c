import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildNode } from "../fuzz/harness";
import { MAIN_NS, xlsxPackage } from "../hosts/xlsx/xlsx-parts";
import { fixture, STACK_LINE, tempDir, type JsonReport } from "./helpers";

/**
 * Issue 10, item 5: a sheet beyond Excel's limits and a cell of many megabytes, through the real
 * launcher with the heap capped at 256 MB: each file is refused in one Chinese line, exit 2, and
 * the other files are still checked.
 */

const root = path.resolve(__dirname, "..", "..");
const bin = path.join(root, "bin", "perf-eval.js");
let dir: string;

function perfEval(args: string[]) {
  return spawnSync(process.execPath, ["--max-old-space-size=256", bin, ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
}

beforeAll(() => {
  buildNode();
  dir = tempDir();
  const write = (name: string, bytes: Uint8Array) => fs.writeFileSync(path.join(dir, name), bytes);
  write(
    "a-rows.xlsx",
    xlsxPackage({
      sheets: [{ name: "表", rows: '<row r="1048577"><c r="A1048577"><v>1</v></c></row>' }],
    }),
  );
  write(
    "b-columns.xlsx",
    xlsxPackage({ sheets: [{ name: "表", rows: "", before: '<dimension ref="A1:ZZZ9"/>' }] }),
  );
  // 7 MiB of text in one cell: under the zip limits (a longer run of one letter compresses past
  // their 1000 : 1 ratio and is refused as a bomb), so only the cell limit refuses it.
  write(
    "c-long-cell.xlsx",
    xlsxPackage({
      sheets: [{ name: "表" }],
      deflatedSheet: {
        index: 0,
        megabytes: 7,
        fill: 0x61,
        head: `<?xml version="1.0"?><worksheet xmlns="${MAIN_NS}"><sheetData><row r="3"><c r="D3" t="inlineStr"><is><t>`,
        tail: "</t></is></c></row></sheetData></worksheet>",
      },
    }),
  );
  write("d-good.xlsx", fs.readFileSync(fixture("shanghai.xlsx")));
  expect(fs.statSync(path.join(dir, "c-long-cell.xlsx")).size).toBeLessThan(256 * 1024);
});

describe("sheets beyond Excel's limits through bin/perf-eval.js (heap capped at 256 MB)", () => {
  it("check --json: one Chinese finding per refused file, the good file checked, exit 2", () => {
    const run = perfEval(["check", "--json", dir]);
    expect(run.signal).toBeNull();
    expect(run.status).toBe(2);
    expect(run.stdout + run.stderr).not.toMatch(STACK_LINE);
    const report = JSON.parse(run.stdout) as JsonReport;
    const byName = Object.fromEntries(report.files.map((f) => [path.basename(f.file), f]));
    for (const [name, reason] of [
      ["a-rows.xlsx", /第 1048577 行超出了 Excel 的上限/],
      ["b-columns.xlsx", /已用区域（dimension）A1:ZZZ9超出了 Excel 的上限/],
      ["c-long-cell.xlsx", /单元格 D3 有 7,340,032 个字符，远超 Excel 每格 32,767 个字符的上限/],
    ] as const) {
      expect(byName[name].forms).toEqual([]);
      expect(byName[name].findings).toHaveLength(1);
      expect(byName[name].findings[0].message).toMatch(reason);
      expect(byName[name].findings[0].message).not.toContain("\n");
    }
    expect(byName["d-good.xlsx"].forms).toHaveLength(30);
  });
});
