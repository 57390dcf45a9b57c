import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { readXlsxBuffer, readXlsxFile, WorkbookReadError } from "../../../src/hosts/xlsx/read";

const dir = mkdtempSync(join(tmpdir(), "perf-read-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function writeSample(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("自评表");
  ws.getCell("A1").value = "项目支出绩效自评表";
  ws.mergeCells("A1:H1");
  ws.getCell("B6").value = 50;
  ws.getCell("B6").numFmt = "0.00";
  ws.getCell("C6").value = 1663.27;
  ws.getCell("C6").numFmt = "#,##0.00";
  ws.getCell("D6").value = 0.9904;
  ws.getCell("D6").numFmt = "0.00%";
  ws.getCell("E6").value = 0.1 + 0.2;
  ws.getCell("F6").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellValue;
  ws.getCell("G6").value = { formula: "B6/5", result: 10 } as ExcelJS.CellValue;
  // A cached 0 is the case exceljs loses from cell.value (a computed 0 rate or score).
  ws.getCell("H6").value = { formula: "B6-50", result: 0 } as ExcelJS.CellValue;
  ws.getCell("A7").value = {
    richText: [{ text: "其中：" }, { font: { bold: true }, text: "当年财政拨款" }],
  };
  ws.getCell("A8").value = new Date(Date.UTC(2024, 11, 31));
  ws.getCell("A9").value = { text: "政策链接", hyperlink: "https://example.gov.cn" };
  ws.getCell("A10").value = true;
  ws.getCell("A12").value = 2;
  ws.getCell("A13").value = 3;
  ws.getCell("B12").value = {
    formula: "A12*2",
    result: 4,
    shareType: "shared",
    ref: "B12:B13",
  } as ExcelJS.CellValue;
  ws.getCell("B13").value = { sharedFormula: "B12", result: 6 } as ExcelJS.CellValue;
  ws.getCell("B10").value = "≥500";
  const hidden = wb.addWorksheet("隐藏表", { state: "hidden" });
  hidden.getCell("B2").value = "总分";
  const path = join(dir, "sample.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}

describe("readXlsxFile", () => {
  it("reads values, display text, formats, formulas, merges and hidden sheets", async () => {
    const grid = await readXlsxFile(await writeSample());
    expect(grid.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["自评表", false],
      ["隐藏表", true],
    ]);
    const sheet = grid.sheets[0];
    expect(sheet.text(1, 1)).toBe("项目支出绩效自评表");
    // Only the merge's top-left cell holds the value.
    expect(sheet.text(1, 2)).toBe("");
    expect(sheet.mergeAt(1, 5)).toEqual({ top: 1, left: 1, bottom: 1, right: 8 });
    expect(sheet.cell(6, 2)).toMatchObject({ value: 50, text: "50.00", numFmt: "0.00" });
    expect(sheet.text(6, 3)).toBe("1,663.27");
    expect(sheet.text(6, 4)).toBe("99.04%");
    expect(sheet.text(6, 5)).toBe("0.3");
    expect(sheet.cell(6, 6)).toMatchObject({
      value: { error: "#DIV/0!" },
      text: "#DIV/0!",
      formula: "1/0",
    });
    expect(sheet.cell(6, 7)).toMatchObject({ value: 10, text: "10", formula: "B6/5" });
    expect(sheet.cell(6, 8)).toMatchObject({ value: 0, text: "0", formula: "B6-50" });
    expect(sheet.text(7, 1)).toBe("其中：当年财政拨款");
    expect(sheet.text(8, 1)).toBe("2024-12-31");
    expect(sheet.text(9, 1)).toBe("政策链接");
    expect(sheet.cell(10, 1)).toMatchObject({ value: true, text: "TRUE" });
    expect(sheet.cell(10, 2)).toMatchObject({ value: "≥500", text: "≥500" });
    expect(sheet.cell(13, 2)).toMatchObject({ value: 6, text: "6", formula: "A13*2" });
    expect(grid.sheets[1].text(2, 2)).toBe("总分");
  });

  it("reads the same workbook from a buffer", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("C4").value = "项目名称";
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const grid = await readXlsxBuffer(buffer, "mem.xlsx");
    expect(grid.sheets[0].text(4, 3)).toBe("项目名称");
    expect(grid.sheets[0].usedRows()).toEqual([4]);
  });
});

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
function ole2(extra: Buffer = Buffer.alloc(0)): Buffer {
  return Buffer.concat([Buffer.from(OLE2), Buffer.alloc(504), extra, Buffer.alloc(512)]);
}

async function readError(run: () => Promise<unknown>): Promise<WorkbookReadError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookReadError);
    const message = (error as Error).message;
    expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(message).not.toContain("\n");
    return error as WorkbookReadError;
  }
  throw new Error("expected a WorkbookReadError");
}

describe("bad input", () => {
  it("rejects an old .xls file with the save-as advice", async () => {
    const error = await readError(() => readXlsxBuffer(ole2(), "旧表.xls"));
    expect(error.message).toContain(
      "这是旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再检查",
    );
  });

  it("recognises a password-protected workbook", async () => {
    const error = await readError(() =>
      readXlsxBuffer(ole2(Buffer.from("EncryptionInfo", "utf16le"))),
    );
    expect(error.message).toContain("密码");
    expect(error.message).not.toContain(".xls 文件");
  });

  it("rejects random bytes and text files", async () => {
    const random = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37 + 11) % 256));
    expect((await readError(() => readXlsxBuffer(random))).message).toContain("不是 .xlsx");
    const csv = Buffer.from("项目名称,得分\n测试,99.9\n", "utf8");
    expect((await readError(() => readXlsxBuffer(csv, "a.csv"))).message).toContain("不是 .xlsx");
  });

  it("rejects a truncated xlsx as damaged", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("A1").value = "项目名称";
    const full = Buffer.from(await wb.xlsx.writeBuffer());
    const truncated = full.subarray(0, Math.floor(full.length / 2));
    expect((await readError(() => readXlsxBuffer(truncated))).message).toContain("损坏");
  });

  it("rejects an empty file and a missing file", async () => {
    const empty = join(dir, "empty.xlsx");
    writeFileSync(empty, "");
    expect((await readError(() => readXlsxFile(empty))).message).toContain("空");
    const missing = join(dir, "没有这个文件.xlsx");
    expect((await readError(() => readXlsxFile(missing))).message).toContain("找不到文件");
  });

  it("rejects a directory", async () => {
    expect((await readError(() => readXlsxFile(dir))).message).toContain("文件夹");
  });
});
