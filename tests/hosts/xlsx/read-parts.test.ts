/**
 * The streaming reader on parts written by hand: what Excel, WPS and other programs store that
 * exceljs-written test files never hold (shared formulas on many cells, inline and phonetic text,
 * _xHHHH_ escapes, the 1904 date system, prefixed elements, cells without r=""), and files beyond
 * Excel's limits, which are refused in one Chinese line.
 */
import { describe, expect, it } from "vitest";
import { readXlsxBuffer, WorkbookReadError } from "../../../src/hosts/xlsx/read-buffer";
import { MAX_CELL_CHARS } from "../../../src/hosts/xlsx/read-limits";
import { shiftFormula } from "../../../src/hosts/xlsx/shared-formula";
import { MAIN_NS, xlsxPackage, type PackageSpec } from "./xlsx-parts";

const read = (spec: PackageSpec) => readXlsxBuffer(xlsxPackage(spec), "手写.xlsx");

async function refusal(spec: PackageSpec): Promise<string> {
  try {
    await read(spec);
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookReadError);
    const message = (error as Error).message;
    expect(message).not.toContain("\n");
    expect(message.startsWith("“手写.xlsx”：")).toBe(true);
    return message;
  }
  throw new Error("expected the file to be refused");
}

describe("cell values", () => {
  it("reads every cell type with its cached result, including a cached 0", async () => {
    const grid = await read({
      strings: [
        "<si><t>项目名称</t></si>",
        // Rich text runs joined; the phonetic guide (<rPh>) is not part of the cell's text.
        '<si><r><t>其中：</t></r><r><rPr><b/></rPr><t xml:space="preserve">当年 </t></r><rPh sb="0" eb="1"><t>ルビ</t></rPh></si>',
        "<si><t>a_x000D_b_x005F_x0041_</t></si>",
        "<si><t>&lt;&amp;&gt; &#x4E2D;&#25991;</t></si>",
      ],
      sheets: [
        {
          name: "表",
          rows:
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
            '<row r="2"><c r="A2" t="inlineStr"><is><t>内联</t></is></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="b"><v>0</v></c><c r="D2" t="e"><v>#N/A</v></c></row>' +
            '<row r="3"><c r="A3"><f>B3-5</f><v>0</v></c><c r="B3"><v>5</v></c><c r="C3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="D3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>' +
            '<row r="4"><c r="A4" s="0"/><c r="B4"><v>0.1</v></c><c r="C4"><v>12abc</v></c></row>',
        },
      ],
    });
    const s = grid.sheets[0];
    expect(s.cell(1, 1)).toEqual({ value: "项目名称", text: "项目名称" });
    expect(s.text(1, 2)).toBe("其中：当年 ");
    expect(s.text(1, 3)).toBe("a\rb_x0041_");
    expect(s.text(1, 4)).toBe("<&> 中文");
    expect(s.cell(2, 1)).toEqual({ value: "内联", text: "内联" });
    expect(s.cell(2, 2)).toEqual({ value: true, text: "TRUE" });
    expect(s.cell(2, 3)).toEqual({ value: false, text: "FALSE" });
    expect(s.cell(2, 4)).toEqual({ value: { error: "#N/A" }, text: "#N/A" });
    expect(s.cell(3, 1)).toEqual({ value: 0, text: "0", formula: "B3-5" });
    expect(s.cell(3, 3)).toEqual({ value: "ab", text: "ab", formula: '"a"&"b"' });
    expect(s.cell(3, 4)).toMatchObject({ value: { error: "#DIV/0!" }, formula: "1/0" });
    // A formatted empty cell is not stored; a number is read as exceljs read it (parseFloat).
    expect(s.cell(4, 1)).toBeUndefined();
    expect(s.cell(4, 2)).toEqual({ value: 0.1, text: "0.1" });
    expect(s.cell(4, 3)?.value).toBe(12);
  });

  it("shows numbers through built-in and custom formats, dates in either date system", async () => {
    const spec = (date1904: boolean): PackageSpec => ({
      date1904,
      numFmts: { 164: '0.00"万元"', 165: 'yyyy"年"m"月"d"日"' },
      cellXfs: [0, 10, 4, 164, 14, 165],
      sheets: [
        {
          name: "格式",
          rows:
            '<row r="1"><c r="A1" s="1"><v>0.99935</v></c><c r="B1" s="2"><v>1663.265</v></c><c r="C1" s="3"><v>6</v></c></row>' +
            '<row r="2"><c r="A2" s="4"><v>45657</v></c><c r="B2" s="5"><v>45657</v></c></row>',
        },
      ],
    });
    const s = (await read(spec(false))).sheets[0];
    expect(s.cell(1, 1)).toEqual({ value: 0.99935, text: "99.94%", numFmt: "0.00%" });
    expect(s.cell(1, 2)).toMatchObject({ text: "1,663.27", numFmt: "#,##0.00" });
    expect(s.text(1, 3)).toBe("6.00万元");
    // A serial under a date format is a date (as exceljs read it), shown as an ISO date.
    expect(s.cell(2, 1)).toMatchObject({ value: new Date(Date.UTC(2024, 11, 31)) });
    expect(s.text(2, 1)).toBe("2024-12-31");
    expect(s.cell(2, 2)?.numFmt).toBe('yyyy"年"m"月"d"日"');
    // The same serial in the 1904 system is 1,462 days later.
    const s1904 = (await read(spec(true))).sheets[0];
    expect(s1904.text(2, 1)).toBe("2029-01-01");
  });
});

describe("formulas", () => {
  it("moves a shared formula to each cell and computes the cells stored without a result", async () => {
    const grid = await read({
      sheets: [
        {
          name: "公式",
          rows:
            '<row r="1"><c r="A1"><v>2</v></c><c r="B1"><f t="shared" ref="B1:C3" si="0">A1*2+$A$1+SUM(A$1:A1)&amp;"A1"</f><v>6</v></c><c r="C1"><f t="shared" si="0"/><v>14</v></c></row>' +
            '<row r="2"><c r="A2"><v>3</v></c><c r="B2"><f t="shared" si="0"/></c></row>' +
            '<row r="3"><c r="A3"><f t="shared" ref="A3:A4" si="1">A2-1</f></c></row>' +
            '<row r="4"><c r="A4"><f t="shared" si="1"/></c></row>',
        },
      ],
    });
    const s = grid.sheets[0];
    expect(s.cell(1, 2)?.formula).toBe('A1*2+$A$1+SUM(A$1:A1)&"A1"');
    expect(s.cell(1, 3)).toMatchObject({ value: 14, formula: 'B1*2+$A$1+SUM(B$1:B1)&"A1"' });
    expect(s.cell(1, 3)?.computed).toBeUndefined();
    // No cached result: computed from the moved formula (3*2 + 2 + (2+3) = 13, then & "A1").
    expect(s.cell(2, 2)).toMatchObject({
      value: "13A1",
      formula: 'A2*2+$A$1+SUM(A$1:A2)&"A1"',
      computed: true,
    });
    expect(s.cell(3, 1)).toMatchObject({ value: 2, computed: true });
    expect(s.cell(4, 1)).toMatchObject({ value: 1, formula: "A3-1", computed: true });
  });

  it("shiftFormula leaves strings, sheet names, functions and anchors alone", () => {
    expect(shiftFormula("'Q1 A1'!B2+LOG10(C3)+\"D4\"+Sheet1!$E$5+E$5", 1, 1)).toBe(
      "'Q1 A1'!C3+LOG10(D4)+\"D4\"+Sheet1!$E$5+F$5",
    );
    expect(shiftFormula("A1+B2", -1, 0)).toBe("#REF!+B1");
    expect(shiftFormula("XFD1", 0, 1)).toBe("#REF!");
    expect(shiftFormula("PERF.RATE(D7,E7)", 2, 0)).toBe("PERF.RATE(D9,E9)");
  });
});

describe("sheets and structure", () => {
  it("keeps hidden and very hidden sheets, merges, implied positions and prefixed elements", async () => {
    const prefixed = `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t><![CDATA[<原样>]]></x:t></x:is></x:c><x:c><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const grid = await read({
      sheets: [
        {
          name: "可见",
          rows:
            '<row r="2"><c r="A2" t="inlineStr"><is><t>标题</t></is></c><c r="B2" t="inlineStr"><is><t>被合并</t></is></c></row>' +
            "<row><c><v>1</v></c><c><v>2</v></c></row>",
          after: '<mergeCells count="1"><mergeCell ref="A2:C2"/></mergeCells>',
        },
        { name: "隐藏", state: "hidden", rows: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        { name: "深度隐藏", state: "veryHidden", xml: prefixed },
      ],
    });
    expect(grid.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["可见", false],
      ["隐藏", true],
      ["深度隐藏", true],
    ]);
    const s = grid.sheets[0];
    expect(s.text(2, 1)).toBe("标题");
    // Only a merge's top-left cell holds a value, as Excel shows it.
    expect(s.cell(2, 2)).toBeUndefined();
    expect(s.mergeAt(2, 3)).toEqual({ top: 2, left: 1, bottom: 2, right: 3 });
    // A row without r="" follows the previous one; cells without r="" follow each other.
    expect([s.text(3, 1), s.text(3, 2)]).toEqual(["1", "2"]);
    expect(grid.sheets[2].cell(1, 1)?.value).toBe("<原样>");
    expect(grid.sheets[2].cell(1, 2)?.value).toBe(7);
  });

  it("calls damaged XML and references a damaged file, in one line", async () => {
    for (const rows of [
      '<row r="1"><c r="A1"><v>1</v></c',
      '<row r="1"><c r="1A"><v>1</v></c></row>',
      '<row r="x"><c><v>1</v></c></row>',
    ]) {
      expect(await refusal({ sheets: [{ name: "坏", rows }] })).toMatch(/文件已损坏或不完整/);
    }
  });
});

describe("limits (issue 10, item 5)", () => {
  it("refuses a cell, row, merge or dimension beyond Excel's 1,048,576 rows × 16,384 columns", async () => {
    const cases: Array<[SheetSpecRows, RegExp]> = [
      [{ rows: '<row r="1048577"><c r="A1048577"><v>1</v></c></row>' }, /第 1048577 行/],
      [{ rows: '<row r="1"><c r="XFE1"><v>1</v></c></row>' }, /单元格 XFE1/],
      [{ rows: '<row r="2"><c r="A2000000"><v>1</v></c></row>' }, /单元格 A2000000/],
      [{ rows: "", after: '<mergeCells><mergeCell ref="A1:A1048577"/></mergeCells>' }, /合并区域/],
      [{ rows: "", before: '<dimension ref="A1:XFE2"/>' }, /dimension/],
    ];
    for (const [sheet, reason] of cases) {
      const message = await refusal({ sheets: [{ name: "超限", ...sheet }] });
      expect(message).toMatch(reason);
      expect(message).toMatch(/工作表“超限”.*超出了 Excel 的上限（最多 1,048,576 行、16,384 列）/);
    }
    // The last row and column themselves are Excel's own and are read.
    const grid = await read({
      sheets: [
        {
          name: "边界",
          rows: '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
          before: '<dimension ref="A1:XFD1048576"/>',
        },
      ],
    });
    expect(grid.sheets[0].cell(1_048_576, 16_384)?.value).toBe(1);
  });

  it("refuses merges covering millions of cells (within Excel's limits) before indexing them", async () => {
    const message = await refusal({
      sheets: [
        {
          name: "合并",
          rows: "",
          after: '<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>',
        },
      ],
    });
    expect(message).toMatch(/合并单元格共覆盖超过 4,000,000 个单元格/);
  });

  it("refuses a cell of megabytes, naming it, while a long cell below the limit is read whole", async () => {
    // 3 MiB of "a" inside one inline string: a few KB on disk.
    const head = `<?xml version="1.0"?><worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>项目</t></is></c></row><row r="7"><c r="C7" t="inlineStr"><is><t>`;
    const bytes = xlsxPackage({
      sheets: [{ name: "长文本" }],
      deflatedSheet: {
        index: 0,
        megabytes: 3,
        fill: 0x61,
        head,
        tail: "</t></is></c></row></sheetData></worksheet>",
      },
    });
    expect(bytes.length).toBeLessThan(64 * 1024);
    await expect(readXlsxBuffer(bytes, "长.xlsx")).rejects.toThrow(
      /工作表“长文本”的单元格 C7 有 3,145,728 个字符，远超 Excel 每格 32,767 个字符的上限/,
    );
    const whole = "长".repeat(MAX_CELL_CHARS);
    const grid = await read({
      strings: [`<si><t>${whole}</t></si>`],
      sheets: [{ name: "刚好", rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }],
    });
    expect(grid.sheets[0].text(1, 1)).toBe(whole);
    const over = await refusal({
      strings: [`<si><t>${whole}长</t></si>`],
      sheets: [{ name: "多一个", rows: '<row r="1"><c r="B1" t="s"><v>0</v></c></row>' }],
    });
    expect(over).toMatch(/单元格 B1 有 1,000,001 个字符/);
  });
});

type SheetSpecRows = { rows: string; after?: string; before?: string };
