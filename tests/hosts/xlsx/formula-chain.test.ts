/**
 * Issue 11, item 10, end to end: a workbook written by a script with a 100,000-cell formula chain
 * and no cached results took 6.6 minutes to read when each cell referred to the next one. It is
 * generated here (never committed) and read through readXlsxBuffer as the CLI and the web checker
 * read it; every cell must come back computed. The timeout only guards against a hang.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readXlsxBuffer } from "../../../src/hosts/xlsx/read-buffer";

const N = 100_000;
const SHORT = 1_000;

/**
 * Sheet "正向": A1=A2+1, …, A(N−1)=AN+1, AN=1 (Ar holds N−r+1), the direction that was slow.
 * Sheet "反向": A1=1, Ar=A(r−1)+1 (Ar holds r), shorter, for the other direction; B1 sums both.
 */
async function chainWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const forward = workbook.addWorksheet("正向");
  for (let row = 1; row <= N; row++) {
    const formula = row === N ? "1" : `A${row + 1}+1`;
    forward.getCell(row, 1).value = { formula } as ExcelJS.CellFormulaValue;
  }
  const backward = workbook.addWorksheet("反向");
  for (let row = 1; row <= SHORT; row++) {
    const formula = row === 1 ? "1" : `A${row - 1}+1`;
    backward.getCell(row, 1).value = { formula } as ExcelJS.CellFormulaValue;
  }
  backward.getCell("B1").value = {
    formula: `SUM(A1:A${SHORT})+正向!A1`,
  } as ExcelJS.CellFormulaValue;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("a workbook with a 100,000-cell formula chain and no cached results", () => {
  it("is read with every cell computed, in either direction", async () => {
    const bytes = await chainWorkbook();
    // Small, like the 747 KB workbook of the report: a hostile file needs no size to be slow.
    expect(bytes.length).toBeLessThan(2_000_000);
    const grid = await readXlsxBuffer(bytes, "chain.xlsx");
    const [forward, backward] = grid.sheets;
    expect(forward?.name).toBe("正向");
    for (const row of [1, 2, 12_345, 50_000, N - 1, N]) {
      expect(forward!.cell(row, 1)).toMatchObject({ value: N - row + 1, computed: true });
    }
    for (let row = 1; row <= N; row++) {
      if (forward!.cell(row, 1)?.value !== N - row + 1) {
        throw new Error(`正向!A${row} = ${String(forward!.cell(row, 1)?.value)}`);
      }
    }
    expect(forward!.cell(1, 1)?.text).toBe(String(N));
    expect(backward!.cell(SHORT, 1)).toMatchObject({ value: SHORT, computed: true });
    expect(backward!.cell(1, 2)?.value).toBe((SHORT * (SHORT + 1)) / 2 + N);
  }, 120_000);
});
