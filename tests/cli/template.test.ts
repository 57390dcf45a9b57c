import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli/main";

function captureIo(): CliIo & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    colour: false,
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
  };
  return io;
}

describe("perf-eval template", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "perf-eval-cli-template-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes the department table for the year and unit given", async () => {
    const out = join(dir, "部门整体.xlsx");
    const io = captureIo();
    const code = await main(
      ["template", out, "--kind", "department", "--year", "2020", "--unit", "福田区委组织部"],
      io,
    );
    expect(code).toBe(0);
    expect(io.out).toContain("已生成模板");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("部门整体自评2020");
    expect(sheet.getCell("A1").value).toBe("2020年度部门整体支出绩效评价指标体系评分表");
    expect(sheet.getCell("D2").value).toBe("福田区委组织部");
  });

  it("writes the national project form by default", async () => {
    const out = join(dir, "blank.xlsx");
    expect(await main(["template", out, "--year", "2025"], captureIo())).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell("A1").value).toBe("项目支出绩效自评表");
    expect(sheet.getCell("A2").value).toBe("（2025年度）");
    const formula = sheet.getCell("H7").value as ExcelJS.CellFormulaValue;
    expect(formula.formula).toMatch(/^IF\(G7="",""/);
    expect(formula.formula).not.toContain("PERF.");
  });

  it("refuses to overwrite an existing file, in Chinese, and leaves it untouched", async () => {
    const out = join(dir, "已有.xlsx");
    await writeFile(out, "do not touch");
    const before = await stat(out);
    const io = captureIo();
    const code = await main(["template", out, "--kind", "project-2021"], io);
    expect(code).toBe(2);
    expect(io.err).toContain("已存在");
    expect(io.err).toContain("不会覆盖");
    expect(await readFile(out, "utf8")).toBe("do not touch");
    expect((await stat(out)).mtimeMs).toBe(before.mtimeMs);
  });

  it("refuses an output that is not .xlsx", async () => {
    const io = captureIo();
    expect(await main(["template", join(dir, "form.xls")], io)).toBe(2);
    expect(io.err).toContain(".xlsx");
  });

  it("says so when the folder does not exist", async () => {
    const io = captureIo();
    expect(await main(["template", join(dir, "no", "such", "form.xlsx")], io)).toBe(2);
    expect(io.err).toContain("文件夹不存在");
  });
});
