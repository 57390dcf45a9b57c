import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { MARK_FILL } from "../../src/hosts/xlsx/annotate";
import {
  allFindings,
  checkJson,
  HAN,
  runCli,
  seedForm,
  tempDir,
  writeWorkbook,
  type JsonFinding,
} from "./helpers";

/** `perf-eval annotate` end to end: a marked copy, the input untouched (product.md §3, §4). */

const USER_NOTE = "原表备注：总分待复核";
let dir: string;
let input: string;
let findings: JsonFinding[];
let totalScoreCell: string;

beforeAll(async () => {
  dir = tempDir();
  input = path.join(dir, "自评表.xlsx");
  // 000-16 (seed 000): the 满意度 row typed 100 → weight-sum and total-mismatch errors.
  // 003-4 (seed 003): 61.59% executed → exec-rate-low warning.
  const placed = await writeWorkbook(input, [
    {
      name: "干部教育培训",
      forms: [{ form: seedForm("000-16"), options: { layout: "beijing" } }],
      edit: (ws, [form]) => {
        totalScoreCell = form.cells["total.score"];
        ws.getCell(totalScoreCell).note = USER_NOTE;
        ws.getCell("K1").value = { formula: "1+1", result: 2 };
      },
    },
    { name: "公务员管理", forms: [{ form: seedForm("003-4"), options: { layout: "shanghai" } }] },
  ]);
  expect(placed["干部教育培训"]).toHaveLength(1);
  const { report } = await checkJson([input]);
  findings = allFindings(report.files[0]);
});

async function load(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

function noteText(note: ExcelJS.Cell["note"]): string {
  if (!note) return "";
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

function valuesOf(ws: ExcelJS.Worksheet): Map<string, unknown> {
  const values = new Map<string, unknown>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.value !== null && cell.value !== undefined) values.set(cell.address, cell.value);
    });
  });
  return values;
}

describe("annotate", () => {
  it("writes a marked copy and never touches the input", async () => {
    expect(findings.some((f) => f.severity === "error")).toBe(true);
    expect(findings.some((f) => f.severity === "warning")).toBe(true);
    const before = fs.readFileSync(input);
    const mtimeBefore = fs.statSync(input).mtimeMs;
    const output = path.join(dir, "标注.xlsx");

    const run = await runCli(["annotate", input, output]);
    // Same exit code as check: the input has errors.
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain(output);
    expect(run.stdout).toMatch(HAN);

    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(fs.statSync(input).mtimeMs).toBe(mtimeBefore);
    expect(fs.existsSync(output)).toBe(true);
  });

  it("fills every finding's cell by its most severe finding and notes the message", async () => {
    const output = path.join(dir, "fills.xlsx");
    expect((await runCli(["annotate", input, output])).code).toBe(1);
    const out = await load(output);
    const rank = { error: 0, warning: 1, info: 2 };
    const byCell = new Map<string, JsonFinding[]>();
    for (const f of findings) {
      const key = `${f.sheet}!${f.cell}`;
      byCell.set(key, [...(byCell.get(key) ?? []), f]);
    }
    expect(byCell.size).toBeGreaterThan(2);
    for (const [key, list] of byCell) {
      const [sheet, cellAddress] = key.split("!");
      const cell = out.getWorksheet(sheet)!.getCell(cellAddress);
      const worst = [...list].sort((a, b) => rank[a.severity] - rank[b.severity])[0].severity;
      expect(cell.fill, key).toMatchObject({
        type: "pattern",
        pattern: "solid",
        fgColor: { argb: MARK_FILL[worst] },
      });
      const note = noteText(cell.note);
      for (const f of list) expect(note, key).toContain(f.message);
    }
  });

  it("fills no cell without a finding (cells styled alike share exceljs' style object)", async () => {
    const output = path.join(dir, "only.xlsx");
    await runCli(["annotate", input, output]);
    const out = await load(output);
    const marked = new Set(findings.map((f) => `${f.sheet}!${f.cell}`));
    const ours = new Set(Object.values(MARK_FILL));
    const stray: string[] = [];
    for (const ws of out.worksheets) {
      ws.eachRow({ includeEmpty: true }, (row) => {
        row.eachCell({ includeEmpty: true }, (cell) => {
          const fill = cell.fill as ExcelJS.FillPattern | undefined;
          const argb = fill?.fgColor?.argb;
          const key = `${ws.name}!${cell.address}`;
          if (argb && ours.has(argb) && !marked.has(key)) stray.push(key);
        });
      });
    }
    expect(stray).toEqual([]);
  });

  it("keeps the user's own note above ours", async () => {
    const output = path.join(dir, "notes.xlsx");
    await runCli(["annotate", input, output]);
    const cell = (await load(output)).getWorksheet("干部教育培训")!.getCell(totalScoreCell);
    const note = noteText(cell.note);
    expect(note.startsWith(USER_NOTE)).toBe(true);
    const totalMismatch = findings.find((f) => f.rule === "total-mismatch");
    expect(totalMismatch?.cell).toBe(totalScoreCell);
    expect(note).toContain(totalMismatch!.message);
  });

  it("adds a 校验结果 sheet listing every finding", async () => {
    const output = path.join(dir, "summary.xlsx");
    await runCli(["annotate", input, output]);
    const out = await load(output);
    const summary = out.getWorksheet("校验结果");
    expect(summary).toBeDefined();
    const rows: string[][] = [];
    summary!.eachRow((row, n) => {
      if (n > 1) rows.push([1, 2, 3, 4, 5].map((c) => String(row.getCell(c).value ?? "")));
    });
    expect(rows).toHaveLength(findings.length);
    for (const f of findings) {
      expect(rows).toContainEqual([f.sheet, f.cell, expect.any(String), f.rule, f.message]);
    }
  });

  it("leaves every value, formula and merge of the user's sheets as it was", async () => {
    const output = path.join(dir, "values.xlsx");
    await runCli(["annotate", input, output]);
    const [before, after] = [await load(input), await load(output)];
    expect(after.worksheets.map((ws) => ws.name)).toEqual([
      ...before.worksheets.map((ws) => ws.name),
      "校验结果",
    ]);
    for (const ws of before.worksheets) {
      const other = after.getWorksheet(ws.name)!;
      const original = valuesOf(ws);
      expect(original.size).toBeGreaterThan(50);
      expect(valuesOf(other)).toEqual(original);
      expect(other.model.merges.sort()).toEqual(ws.model.merges.sort());
    }
    expect(after.getWorksheet("干部教育培训")!.getCell("K1").value).toEqual({
      formula: "1+1",
      result: 2,
    });
  });

  it("refuses the same path for input and output (exit 2), input untouched", async () => {
    const before = fs.readFileSync(input);
    for (const output of [input, path.join(dir, ".", path.basename(input))]) {
      const run = await runCli(["annotate", input, output]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(HAN);
    }
    const link = path.join(dir, "link.xlsx");
    fs.symlinkSync(input, link);
    expect((await runCli(["annotate", input, link])).code).toBe(2);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });

  it("an unreadable input or an unwritable output is exit 2 with one Chinese line", async () => {
    const bad = path.join(dir, "bad.xlsx");
    fs.writeFileSync(bad, "这不是工作簿");
    const out1 = path.join(dir, "never.xlsx");
    const run1 = await runCli(["annotate", bad, out1]);
    expect(run1.code).toBe(2);
    expect(fs.existsSync(out1)).toBe(false);

    const run2 = await runCli(["annotate", input, path.join(dir, "无此目录", "out.xlsx")]);
    expect(run2.code).toBe(2);

    const run3 = await runCli(["annotate", dir, path.join(dir, "dir-out.xlsx")]);
    expect(run3.code).toBe(2);

    for (const run of [run1, run2, run3]) {
      expect(run.stderr).toMatch(HAN);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stdout).toBe("");
    }
  });
});
