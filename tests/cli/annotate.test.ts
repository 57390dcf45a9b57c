import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
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
      "perf-eval-marks",
    ]);
    expect(after.getWorksheet("perf-eval-marks")?.state).toBe("veryHidden");
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

  it("refuses a hard link to the input, even with --force (identity, not path)", async () => {
    const before = fs.readFileSync(input);
    const hardLink = path.join(dir, "hard-link.xlsx");
    fs.linkSync(input, hardLink);
    for (const extra of [[], ["--force"]]) {
      const run = await runCli(["annotate", input, hardLink, ...extra]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("输入文件相同");
      expect(run.stdout).toBe("");
    }
    // Also reached through a symbolic link to the folder: same device and inode.
    const folderLink = path.join(tempDir(), "folder-link");
    fs.symlinkSync(dir, folderLink);
    const viaLink = path.join(folderLink, path.basename(input));
    expect((await runCli(["annotate", input, viaLink, "--force"])).code).toBe(2);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });

  it("keeps an existing output unless --force, and then replaces it with the marked copy", async () => {
    const output = path.join(dir, "已有文件.xlsx");
    const precious = Buffer.from("用户的另一份工作簿");
    fs.writeFileSync(output, precious);

    const refused = await runCli(["annotate", input, output]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("已存在");
    expect(refused.stderr).toContain("--force");
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
    expect(refused.stdout).toBe("");
    expect(fs.readFileSync(output).equals(precious)).toBe(true);

    // A dangling symbolic link is a name taken too: never written through.
    const target = path.join(dir, "link-target.xlsx");
    const dangling = path.join(dir, "dangling.xlsx");
    fs.symlinkSync(target, dangling);
    expect((await runCli(["annotate", input, dangling])).code).toBe(2);
    expect(fs.existsSync(target)).toBe(false);

    const forced = await runCli(["annotate", input, output, "--force"]);
    expect(forced.code).toBe(1);
    expect(forced.stderr).toBe("");
    expect((await load(output)).getWorksheet("校验结果")).toBeDefined();
  });

  it("--force replaces a symbolic link itself, never the file it points to", async () => {
    const elsewhere = path.join(tempDir(), "别人的.xlsx");
    const theirs = Buffer.from("不该被改动");
    fs.writeFileSync(elsewhere, theirs);
    const output = path.join(dir, "points-elsewhere.xlsx");
    fs.symlinkSync(elsewhere, output);
    expect((await runCli(["annotate", input, output, "--force"])).code).toBe(1);
    expect(fs.readFileSync(elsewhere).equals(theirs)).toBe(true);
    expect(fs.lstatSync(output).isFile()).toBe(true);
  });

  it("refuses an output name that is not .xlsx and writes nothing", async () => {
    for (const name of ["out.txt", "out.xls", "out"]) {
      const output = path.join(dir, name);
      const run = await runCli(["annotate", input, output]);
      expect(run.code, name).toBe(2);
      expect(run.stderr, name).toContain(".xlsx");
      expect(run.stderr).toMatch(HAN);
      expect(fs.existsSync(output), name).toBe(false);
    }
  });

  it("leaves no temporary file beside the output, written or refused", async () => {
    const folder = tempDir();
    const output = path.join(folder, "标注.xlsx");
    expect((await runCli(["annotate", input, output])).code).toBe(1);
    expect((await runCli(["annotate", input, output])).code).toBe(2);
    expect((await runCli(["annotate", input, output, "--force"])).code).toBe(1);
    // The input is readable but not a workbook: the check refuses it before anything is written.
    const bad = path.join(folder, "bad.xlsx");
    fs.writeFileSync(bad, "不是工作簿");
    expect((await runCli(["annotate", bad, path.join(folder, "x.xlsx")])).code).toBe(2);
    expect(fs.readdirSync(folder).sort()).toEqual(["bad.xlsx", "标注.xlsx"]);
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

  it("says on stdout what the copy could not keep: a macro workbook's VBA project", async () => {
    const macroInput = path.join(dir, "带宏.xlsm");
    const files = unzipSync(fs.readFileSync(input));
    const rels = "xl/_rels/workbook.xml.rels";
    files["xl/vbaProject.bin"] = new Uint8Array([1, 2, 3]);
    files[rels] = strToU8(
      strFromU8(files[rels]).replace(
        "</Relationships>",
        '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
      ),
    );
    files["[Content_Types].xml"] = strToU8(
      strFromU8(files["[Content_Types].xml"]).replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
      ),
    );
    fs.writeFileSync(macroInput, zipSync(files));
    const output = path.join(dir, "带宏-已标注.xlsx");
    const run = await runCli(["annotate", macroInput, output]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^已写入 .*标注 \d+ 个单元格/);
    expect(lines[1]).toBe("注意：标注副本未能保留原文件中的以下内容（原文件本身没有改动）：");
    expect(lines[2]).toMatch(/^ {2}- 宏（VBA 代码）/);
    expect(unzipSync(fs.readFileSync(output))["xl/vbaProject.bin"]).toBeUndefined();
  });
});
