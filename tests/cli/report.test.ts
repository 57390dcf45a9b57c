import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { national } from "../../src/core/profiles";
import { csvField, formatCsv } from "../../src/cli/format-csv";
import { ProgressLine } from "../../src/cli/progress";
import { main } from "../../src/cli/main";
import { displayWidth } from "../../src/hosts/web/summary-workbook";
import { fixture, HAN, runCli, tempDir } from "./helpers";

/**
 * The reviewer's outputs of issue 10 item 3 and the progress line of item 2, through `main()`:
 * `--report 汇总.xlsx` (a sheet of forms and a sheet of findings, filterable, head frozen, file
 * names linking to the files), `--format csv`, and the progress line on a terminal.
 */

let dir: string;
let inputs: string;
const at = (name: string) => path.join(dir, name);

beforeAll(() => {
  dir = tempDir();
  inputs = at("收到的表");
  fs.mkdirSync(path.join(inputs, "二季度"), { recursive: true });
  fs.copyFileSync(fixture("shanghai.xlsx"), path.join(inputs, "a-上海.xlsx"));
  fs.copyFileSync(fixture("yuan.xlsx"), path.join(inputs, "二季度", "b-元.xlsx"));
  fs.writeFileSync(path.join(inputs, "c-坏.xlsx"), "不是工作簿");
});

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

const rowValues = (sheet: ExcelJS.Worksheet, row: number) =>
  (sheet.getRow(row).values as unknown[]).slice(1);

describe("check --report", () => {
  it("writes a sheet of forms and a sheet of findings matching the JSON report", async () => {
    const output = at("汇总.xlsx");
    const run = await runCli(["check", inputs, "--report", output]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`已写入汇总 ${output}`);
    const json = JSON.parse((await runCli(["check", "--json", inputs])).stdout) as {
      files: Array<{ file: string; forms: Array<{ findings: unknown[] }>; findings: unknown[] }>;
    };
    const workbook = await readBack(output);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["表格汇总", "问题清单"]);
    const [forms, findings] = workbook.worksheets;

    expect(rowValues(forms, 1)).toEqual([
      "文件",
      "工作表",
      "项目名称",
      "主管部门",
      "全年预算数",
      "执行率",
      "总分",
      "等级",
      "错误",
      "警告",
      "提示",
      "说明",
    ]);
    // 30 Shanghai forms, the yuan workbook's forms, one row for the unreadable file.
    const formCount = json.files.reduce((n, f) => n + Math.max(f.forms.length, 1), 0);
    expect(forms.rowCount).toBe(1 + formCount);
    const first = forms.getRow(2);
    // The file as the other reports name it, linking relative to the summary's folder.
    expect(first.getCell(1).value).toEqual({
      text: path.join(inputs, "a-上海.xlsx"),
      hyperlink: "收到的表/a-上海.xlsx",
    });
    expect(first.getCell(3).value).toBe("闵行区创新创业大赛专项经费");
    expect(first.getCell(4).value).toBe("中共上海闵行区组织部(汇总)");
    expect(first.getCell(5).value).toBe(50);
    expect(first.getCell(5).numFmt).toContain("万元");
    expect(typeof first.getCell(6).value).toBe("number");
    expect(first.getCell(6).numFmt).toBe("0.00%");

    const rows = Array.from({ length: forms.rowCount - 1 }, (_, i) => forms.getRow(i + 2));
    const yuan = rows.find((row) =>
      String((row.getCell(1).value as { text: string }).text).includes("b-元"),
    );
    expect(yuan?.getCell(1).value).toMatchObject({ hyperlink: "收到的表/二季度/b-元.xlsx" });
    expect(yuan?.getCell(5).value).toBe(298373.03);
    expect(yuan?.getCell(5).numFmt).toContain('"元"');
    const bad = rows.find((row) =>
      String((row.getCell(1).value as { text: string }).text).includes("c-坏"),
    );
    expect(bad?.getCell(9).value).toBe(1);
    expect(String(bad?.getCell(12).value)).toMatch(/不是 \.xlsx/);

    // Each form's counts add up to the findings sheet, which has one row per finding.
    const findingCount = json.files.reduce(
      (n, f) => n + f.findings.length + f.forms.reduce((m, form) => m + form.findings.length, 0),
      0,
    );
    expect(findings.rowCount).toBe(1 + findingCount);
    expect(rowValues(findings, 1)).toEqual(["文件", "位置", "规则", "严重程度", "说明"]);
    const located = rowValues(findings, 2);
    expect(String(located[1])).toMatch(/^项目支出绩效自评!([A-Z]+\d+)$/);
    expect(["错误", "警告", "提示"]).toContain(located[3]);
    expect(String(located[4])).toMatch(HAN);

    for (const sheet of [forms, findings]) {
      expect(sheet.autoFilter).toBeTruthy();
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    }
    // Widths fit the text, CJK counting double: the 项目名称 column is as wide as its longest name.
    const names = rows.map((row) => String(row.getCell(3).value ?? ""));
    const widest = Math.max(...names.map(displayWidth));
    expect(forms.getColumn(3).width).toBeGreaterThanOrEqual(widest);
    expect(forms.getColumn(3).width).toBeLessThanOrEqual(Math.min(widest + 4, 80));
  });

  it("never overwrites an existing file unless --force; the input folder does not list it", async () => {
    const output = path.join(inputs, "汇总.xlsx");
    fs.writeFileSync(output, "我的文件");
    const refused = await runCli(["check", inputs, "--report", output]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe("");
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
    expect(refused.stderr).toMatch(/已存在.*--force/);
    expect(fs.readFileSync(output, "utf8")).toBe("我的文件");

    const forced = await runCli(["check", inputs, "--report", output, "--force"]);
    expect(forced.code).toBe(2);
    const workbook = await readBack(output);
    expect(workbook.worksheets[0].name).toBe("表格汇总");
    // A second run into the same folder: the summary itself is not checked as a workbook.
    const again = await runCli(["check", "--json", inputs, "--report", output, "--force"]);
    const files = (JSON.parse(again.stdout) as { files: Array<{ file: string }> }).files;
    expect(files.map((f) => path.basename(f.file))).not.toContain("汇总.xlsx");
    expect(again.stderr).toContain("已写入汇总");
  });

  it("refuses a name that is not .xlsx and a folder that does not exist, in one line", async () => {
    const wrong = await runCli(["check", inputs, "--report", at("汇总.csv")]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/应以 \.xlsx 结尾/);
    const missing = await runCli(["check", inputs, "--report", at("没有/汇总.xlsx")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).toMatch(/无法写入汇总文件.*文件夹不存在/);
  });
});

describe("check --format csv", () => {
  it("one line per finding, UTF-8 with BOM, CRLF, same findings as --json", async () => {
    const run = await runCli(["check", "--format", "csv", inputs]);
    expect(run.code).toBe(2);
    expect(run.stdout.startsWith("\uFEFF文件,位置,规则,严重程度,说明\r\n")).toBe(true);
    const json = JSON.parse((await runCli(["check", "--json", inputs])).stdout) as {
      files: Array<{ forms: Array<{ findings: unknown[] }>; findings: unknown[] }>;
    };
    const count = json.files.reduce(
      (n, f) => n + f.findings.length + f.forms.reduce((m, form) => m + form.findings.length, 0),
      0,
    );
    const lines = run.stdout.slice(1).split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines).toHaveLength(count + 2);
    expect(lines.find((line) => line.includes("c-坏.xlsx"))).toMatch(/file-unreadable,错误,/);
  });

  it("quotes as RFC 4180 says and defuses formula starts", () => {
    expect(csvField("普通")).toBe("普通");
    expect(csvField('说"明",是')).toBe('"说""明"",是"');
    expect(csvField("两\n行")).toBe("两\\n行");
    for (const start of ["=", "+", "-", "@"]) {
      expect(csvField(`${start}HYPERLINK("http://x")`)).toBe(`"'${start}HYPERLINK(""http://x"")"`);
    }
    expect(csvField("=1+1")).toBe("'=1+1");
    const csv = formatCsv(
      {
        files: [
          {
            file: "=cmd.xlsx",
            forms: [],
            findings: [
              { rule: "no-form", severity: "warning", sheet: "表1", cell: "A1", message: "-5 分" },
            ],
          },
        ],
        exitCode: 0,
      },
      national,
    );
    expect(csv).toBe(
      "\uFEFF文件,位置,规则,严重程度,说明\r\n'=cmd.xlsx,表1!A1,no-form,警告,'-5 分\r\n",
    );
  });
});

describe("progress line", () => {
  it("on a terminal: files done / total, forms, errors, rewritten with \\r and erased at the end", async () => {
    const folder = path.join(tempDir(), "三个");
    fs.mkdirSync(folder);
    for (const name of ["a-上海.xlsx", "c-坏.xlsx", "二季度/b-元.xlsx"]) {
      fs.copyFileSync(path.join(inputs, name), path.join(folder, path.basename(name)));
    }
    let progress = "";
    let stderr = "";
    const code = await main(["check", "--jobs", "1", folder], {
      stdout: () => undefined,
      stderr: (text) => {
        stderr += text;
      },
      colour: false,
      progress: (text) => {
        progress += text;
      },
    });
    expect(code).toBe(2);
    expect(stderr).toBe("");
    // The first file is drawn; the last is not (the line is erased right after).
    // eslint-disable-next-line no-control-regex -- the erase-line sequence is what is checked.
    expect(progress).toMatch(/^\r\u001b\[K正在检查：1\/3 个文件，30 张表，已发现错误 \d+ 条/);
    expect(progress.endsWith("\r\u001b[K")).toBe(true);
    expect(progress).not.toContain("\n");
  });

  it("draws at most once per interval, with the running totals", () => {
    const writes: string[] = [];
    let now = 0;
    const line = new ProgressLine(
      (text) => writes.push(text),
      100,
      () => now,
    );
    const report = (errors: number) => ({
      file: "x.xlsx",
      forms: [],
      findings: Array.from({ length: errors }, () => ({
        rule: "r",
        severity: "error" as const,
        sheet: "",
        cell: "",
        message: "",
      })),
    });
    line.file(report(1), 1, 4);
    now = 50;
    line.file(report(2), 2, 4);
    now = 150;
    line.file(report(0), 3, 4);
    line.file(report(0), 4, 4);
    line.clear();
    expect(writes).toEqual([
      "\r\u001b[K正在检查：1/4 个文件，0 张表，已发现错误 1 条",
      "\r\u001b[K正在检查：3/4 个文件，0 张表，已发现错误 3 条",
      "\r\u001b[K",
    ]);
  });
});
