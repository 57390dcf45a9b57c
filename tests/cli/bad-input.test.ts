import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { layoutForm, type PlacedForm } from "../../scripts/fixture-layouts.mjs";
import {
  allFindings,
  checkJson,
  fixture,
  HAN,
  runCli,
  seedForm,
  STACK_LINE,
  tempDir,
  writeWorkbook,
} from "./helpers";

/**
 * Bad and unusual input through `main()`: an unreadable file is one Chinese line and exit 2, never
 * a stack trace, and the other files of the run are still checked; odd but valid workbooks are
 * checked like any other.
 */

let dir: string;
const file = (name: string) => path.join(dir, name);

/** An OLE2 compound file header (what .xls and encrypted .xlsx files start with), padded. */
function ole2(extra = ""): Buffer {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const body = Buffer.alloc(1024);
  // Directory entry names are UTF-16LE; an encrypted OOXML package has "EncryptionInfo".
  if (extra) Buffer.from(extra, "utf16le").copy(body, 512);
  return Buffer.concat([header, body]);
}

beforeAll(async () => {
  dir = tempDir();
  fs.writeFileSync(file("not-a-workbook.xlsx"), "项目名称,金额\n培训,12\n");
  const good = fs.readFileSync(fixture("shanghai.xlsx"));
  fs.writeFileSync(file("truncated.xlsx"), good.subarray(0, Math.floor(good.length / 2)));
  fs.writeFileSync(file("old.xls"), ole2("Workbook"));
  fs.writeFileSync(file("password.xlsx"), ole2("EncryptionInfo"));
  fs.writeFileSync(file("zero.xlsx"), Buffer.alloc(0));
  await new ExcelJS.Workbook().xlsx.writeFile(file("no-sheets.xlsx"));
  await writeWorkbook(file("empty-sheet.xlsx"), [{ name: "Sheet1" }]);
  await writeWorkbook(file("no-form.xlsx"), [
    {
      name: "台账",
      edit: (ws) => {
        ws.addRow(["序号", "项目", "金额（万元）"]);
        ws.addRow([1, "培训", 12.5]);
        ws.addRow([2, "会议", 3]);
      },
    },
  ]);
});

const UNREADABLE = [
  ["not an xlsx (text)", "not-a-workbook.xlsx", /不是 \.xlsx/],
  ["a truncated xlsx (corrupt zip)", "truncated.xlsx", /损坏|不完整/],
  ["an .xls", "old.xls", /\.xls/],
  ["a password-protected file", "password.xlsx", /密码|加密/],
  ["an empty (0 byte) file", "zero.xlsx", /空/],
  ["a workbook without sheets", "no-sheets.xlsx", /工作表/],
] as const;

describe("unreadable files", () => {
  it.each(UNREADABLE)("%s: one Chinese line, exit 2, no stack trace", async (_, name, reason) => {
    for (const json of [true, false]) {
      const run = await runCli(["check", ...(json ? ["--json"] : []), file(name)]);
      expect(run.code).toBe(2);
      expect(run.stdout + run.stderr).not.toMatch(STACK_LINE);
      if (json) {
        const report = JSON.parse(run.stdout) as Awaited<ReturnType<typeof checkJson>>["report"];
        expect(report.files[0].forms).toEqual([]);
        const [finding, ...more] = report.files[0].findings;
        expect(more).toEqual([]);
        expect(finding.severity).toBe("error");
        expect(finding.message).toMatch(HAN);
        expect(finding.message).toMatch(reason);
        expect(finding.message).not.toContain("\n");
      } else {
        const lines = run.stdout.split("\n").filter((line) => HAN.test(line) && reason.test(line));
        expect(lines).toHaveLength(1);
      }
    }
  });

  it("annotate refuses each of them with exit 2 and writes nothing", async () => {
    for (const [, name] of UNREADABLE) {
      const out = file(`annotated-${name}.xlsx`);
      const run = await runCli(["annotate", file(name), out]);
      expect(run.code, name).toBe(2);
      expect(run.stderr.trim().split("\n"), name).toHaveLength(1);
      expect(run.stderr).toMatch(HAN);
      expect(run.stderr + run.stdout).not.toMatch(STACK_LINE);
      expect(fs.existsSync(out)).toBe(false);
    }
  });

  it("a directory with bad files and a good one: the good one's forms are reported", async () => {
    const mixed = path.join(tempDir(), "mixed");
    fs.mkdirSync(mixed);
    for (const [, name] of UNREADABLE) fs.copyFileSync(file(name), path.join(mixed, name));
    fs.copyFileSync(fixture("shanghai.xlsx"), path.join(mixed, "zz-good.xlsx"));
    const { run, report } = await checkJson([mixed]);
    expect(run.code).toBe(2);
    expect(report.files).toHaveLength(UNREADABLE.length + 1);
    const good = report.files.find((f) => f.file.endsWith("zz-good.xlsx"));
    expect(good?.forms).toHaveLength(30);
    expect(good?.findings).toEqual([]);
    expect(good?.forms[0].projectName).toBe("闵行区创新创业大赛专项经费");
  });
});

describe("readable workbooks without forms", () => {
  it.each([
    ["one empty sheet", "empty-sheet.xlsx"],
    ["a sheet of other data", "no-form.xlsx"],
  ])("%s: no form, a warning saying so, exit 0", async (_, name) => {
    const { run, report } = await checkJson([file(name)]);
    expect(run.code).toBe(0);
    expect(report.files[0].forms).toEqual([]);
    expect(report.files[0].findings).toHaveLength(1);
    expect(report.files[0].findings[0]).toMatchObject({ severity: "warning" });
    expect(report.files[0].findings[0].message).toContain("项目支出绩效自评表");
  });
});

describe("unusual cells", () => {
  it("a sheet of 100,000 rows with one form at the end: the form is found", async () => {
    const big = file("big.xlsx");
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: big });
    const ws = workbook.addWorksheet("明细");
    const ROWS = 100_000;
    for (let i = 1; i <= ROWS; i++) ws.addRow([i, "支出明细"]).commit();
    // 003-16: the 11th indicator has no 年度指标值 (a required-field error).
    const placed = layoutForm(ws as unknown as ExcelJS.Worksheet, seedForm("003-16"), {
      layout: "shanghai",
      origin: `A${ROWS + 3}`,
    });
    ws.commit();
    await workbook.commit();

    const { run, report } = await checkJson([big]);
    expect(run.code).toBe(1);
    const forms = report.files[0].forms;
    expect(forms.map((f) => f.projectName)).toEqual(["闵行区党代表服务管理系统（2023 运维）"]);
    expect(forms[0].range).toBe(placed.range);
    expect(forms[0].findings).toContainEqual(
      expect.objectContaining({
        rule: "required-field",
        sheet: "明细",
        cell: placed.cells["indicators[10].target"],
      }),
    );
  });

  it("an amount whose formula cached #DIV/0!: a clear finding at that cell, not a crash", async () => {
    const name = file("div0.xlsx");
    let executed = "";
    await writeWorkbook(name, [
      {
        name: "自评",
        forms: [{ form: seedForm("003-1"), options: { layout: "shanghai" } }],
        edit: (ws, [placed]) => {
          executed = placed.cells["funds.total.executed"];
          ws.getCell(executed).value = {
            formula: "E20/0",
            result: { error: "#DIV/0!" },
          } as ExcelJS.CellFormulaValue;
        },
      },
    ]);
    const { run, report } = await checkJson([name]);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).not.toMatch(STACK_LINE);
    const atCell = allFindings(report.files[0]).filter((f) => f.cell === executed);
    expect(atCell.length).toBeGreaterThan(0);
    expect(atCell[0].severity).toBe("error");
    expect(atCell[0].message).toMatch(HAN);
    expect(atCell.map((f) => f.message).join()).toMatch(/#DIV\/0!|错误值|公式/);
  });

  it("rich text cells read as their plain text", async () => {
    const name = file("rich.xlsx");
    await writeWorkbook(name, [
      {
        name: "自评",
        forms: [{ form: seedForm("003-1"), options: { layout: "shanghai" } }],
        edit: (ws, [placed]) => {
          ws.getCell(placed.cells.projectName).value = {
            richText: [
              { text: "闵行区创新" },
              { font: { bold: true, color: { argb: "FFFF0000" } }, text: "创业大赛专项经费" },
            ],
          };
        },
      },
    ]);
    const { run, report } = await checkJson([name]);
    expect(run.code).toBe(0);
    expect(report.files[0].forms[0].projectName).toBe("闵行区创新创业大赛专项经费");
  });

  it("dates in cells do not break the check", async () => {
    const name = file("dates.xlsx");
    let placedForm: PlacedForm | undefined;
    await writeWorkbook(name, [
      {
        name: "自评",
        forms: [{ form: seedForm("003-1"), options: { layout: "shanghai" } }],
        edit: (ws, [placed]) => {
          placedForm = placed;
          // A 填报日期 under the form and a date typed as an indicator's 实际完成值.
          ws.getCell(`A${placed.lastRow + 1}`).value = "填报日期";
          ws.getCell(`B${placed.lastRow + 1}`).value = new Date(Date.UTC(2024, 2, 15));
          ws.getCell(placed.cells["indicators[0].actual"]).value = new Date(Date.UTC(2023, 11, 31));
        },
      },
    ]);
    const { run, report } = await checkJson([name]);
    expect(run.stdout + run.stderr).not.toMatch(STACK_LINE);
    expect(run.code).not.toBe(2);
    expect(report.files[0].forms).toHaveLength(1);
    expect(report.files[0].forms[0].range).toBe(placedForm!.range);
    for (const f of allFindings(report.files[0])) {
      expect(f.message).not.toMatch(/NaN|undefined|\[object|Invalid Date/);
    }
  });

  it("forms on hidden sheets are still checked", async () => {
    const name = file("hidden.xlsx");
    await writeWorkbook(name, [
      { name: "封面" },
      {
        name: "隐藏的表",
        hidden: true,
        forms: [{ form: seedForm("003-16"), options: { layout: "shanghai" } }],
      },
    ]);
    const { run, report } = await checkJson([name]);
    expect(report.files[0].forms.map((f) => [f.sheet, f.projectName])).toEqual([
      ["隐藏的表", "闵行区党代表服务管理系统（2023 运维）"],
    ]);
    expect(run.code).toBe(1);
  });
});
