import { describe, expect, it } from "vitest";
import {
  computeMissingResults,
  Evaluator,
  namespaced,
  type FormulaFunctions,
  type Scalar,
} from "../../../src/core/grid/evaluate";
import { parseFormula } from "../../../src/core/grid/formula-parse";
import { MemorySheet, fromA1, type StoredValue } from "../../../src/core/grid";
import { PerfError } from "../../../src/core/errors";
import { PERF } from "../../../src/functions/perf";

/** A sheet from { A1: value | "=formula" }; a formula cell has no cached result. */
function sheetOf(
  name: string,
  cells: Record<string, StoredValue>,
  numFmts: Record<string, string> = {},
) {
  const sheet = new MemorySheet(name);
  for (const [address, value] of Object.entries(cells)) {
    const { row, col } = fromA1(address)!;
    const numFmt = numFmts[address];
    if (typeof value === "string" && value.startsWith("=")) {
      sheet.set(row, col, { value: null, text: "", formula: value.slice(1), numFmt });
    } else {
      sheet.setValue(row, col, value, numFmt);
    }
  }
  return sheet;
}

/** The value of `formula` placed in Z99 of a sheet holding `cells`. */
function evaluate(
  formula: string,
  cells: Record<string, StoredValue> = {},
  functions?: FormulaFunctions,
): Scalar | undefined {
  const sheet = sheetOf("Sheet1", { ...cells, Z99: `=${formula}` });
  return new Evaluator([sheet], { functions }).valueAt(sheet, 99, 26);
}

describe("formula grammar", () => {
  it("parses references, ranges, other sheets and calls", () => {
    expect(parseFormula("=$D$7")).toEqual({ kind: "ref", sheet: undefined, row: 7, col: 4 });
    expect(parseFormula("'项目 表'!B2:A1")).toMatchObject({
      kind: "range",
      sheet: "项目 表",
      top: 1,
      bottom: 2,
      left: 1,
      right: 2,
    });
    expect(parseFormula("表1!C3")).toMatchObject({ kind: "ref", sheet: "表1", row: 3, col: 3 });
    expect(parseFormula("SUM(A1,,2)")).toMatchObject({
      kind: "call",
      name: "SUM",
      args: [{ kind: "ref" }, { kind: "missing" }, { kind: "number", value: 2 }],
    });
    expect(() => parseFormula("SUM(A1")).toThrow();
    expect(() => parseFormula('"open')).toThrow();
  });

  it("follows Excel's precedence", () => {
    expect(evaluate("1+2*3")).toBe(7);
    expect(evaluate("(1+2)*3")).toBe(9);
    expect(evaluate("-2^2")).toBe(4);
    expect(evaluate("2^3^2")).toBe(64);
    expect(evaluate("50%*10")).toBe(5);
    expect(evaluate('1+1&"x"')).toBe("2x");
    expect(evaluate("1+1=2")).toBe(true);
    expect(evaluate("=+A1+1", { A1: 2 })).toBe(3);
  });

  it("reads strings with doubled quotes, booleans and error literals", () => {
    expect(evaluate('"say ""hi"""')).toBe('say "hi"');
    expect(evaluate("TRUE")).toBe(true);
    expect(evaluate("#N/A")).toEqual({ error: "#N/A" });
    expect(evaluate('IFERROR(#DIV/0!,"ok")')).toBe("ok");
  });
});

describe("Excel semantics", () => {
  it("reads an empty cell as 0 in arithmetic and as text in &", () => {
    expect(evaluate("A1+5")).toBe(5);
    expect(evaluate('A1&"x"')).toBe("x");
    expect(evaluate('A1=""')).toBe(true);
    expect(evaluate("A1=0")).toBe(true);
    // A formula pointing at an empty cell shows 0.
    expect(evaluate("A1")).toBe(0);
  });

  it("gives #VALUE! for text that is not a number, and reads numeric text", () => {
    expect(evaluate("A1*2", { A1: "不涉及" })).toEqual({ error: "#VALUE!" });
    expect(evaluate('A1+""', { A1: 1 })).toEqual({ error: "#VALUE!" });
    expect(evaluate("A1*2", { A1: "3" })).toBe(6);
  });

  it("gives #DIV/0! for a division by zero or by an empty cell", () => {
    expect(evaluate("E7/D7", { E7: 49.52 })).toEqual({ error: "#DIV/0!" });
    expect(evaluate("E7/D7", { E7: 49.52, D7: 0 })).toEqual({ error: "#DIV/0!" });
    expect(evaluate("AVERAGE(A1:A3)")).toEqual({ error: "#DIV/0!" });
  });

  it("propagates errors through operators and functions", () => {
    const cells = { A1: { error: "#N/A" }, A2: 3 };
    expect(evaluate("A1+1", cells)).toEqual({ error: "#N/A" });
    expect(evaluate("SUM(A1:A2)", cells)).toEqual({ error: "#N/A" });
    expect(evaluate("ROUND(A1,2)", cells)).toEqual({ error: "#N/A" });
    expect(evaluate('A1&"x"', cells)).toEqual({ error: "#N/A" });
    expect(evaluate("IFERROR(A1,0)", cells)).toBe(0);
    expect(evaluate("COUNT(A1:A2)", cells)).toBe(1);
  });

  it("computes a seed 003 form: 49.52 / 50 → 99.04%, score 9.90, total 99.90", () => {
    // Seed 003 闵行区 form 1: 全年预算数 50.00, 全年执行数 49.52, 分值 10; indicators 30 + 30 + 20 + 10.
    const cells = {
      D7: 50,
      E7: 49.52,
      F7: 10,
      G7: "=E7/D7",
      H7: "=ROUND(F7*MIN(G7,1),2)",
      G14: 30,
      G15: 30,
      G16: 20,
      G17: 10,
      G26: "=SUM(G14:G25)+H7",
    };
    const sheet = sheetOf("Sheet1", cells);
    const evaluator = new Evaluator([sheet]);
    expect(evaluator.valueAt(sheet, 7, 7)).toBeCloseTo(0.9904, 12);
    expect(evaluator.valueAt(sheet, 7, 8)).toBe(9.9);
    expect(evaluator.valueAt(sheet, 26, 7)).toBe(99.9);
  });

  it("rounds half away from zero on the decimal value (seed 003: 2.71 / 4.00 → 6.78)", () => {
    // 10 × 0.6775 is 6.7749999999999995 in binary; the form prints 6.78.
    expect(evaluate("ROUND(F1*MIN(E1/D1,1),2)", { D1: 4, E1: 2.71, F1: 10 })).toBe(6.78);
    expect(evaluate("ROUND(-2.5,0)")).toBe(-3);
    expect(evaluate("ROUND(1234.5,-2)")).toBe(1200);
    expect(evaluate("ROUNDUP(1.231,2)")).toBe(1.24);
    expect(evaluate("ROUNDUP(-1.231,2)")).toBe(-1.24);
    expect(evaluate("ROUNDUP(1.23,2)")).toBe(1.23);
    expect(evaluate("ROUNDDOWN(0.9904*100,2)")).toBe(99.04);
    expect(evaluate("TRUNC(61.5955)")).toBe(61);
    expect(evaluate("TRUNC(-61.5955,2)")).toBe(-61.59);
  });

  it("compares numbers to 15 significant digits, text without case", () => {
    expect(evaluate("0.1+0.2=0.3")).toBe(true);
    expect(evaluate('"abc"="ABC"')).toBe(true);
    expect(evaluate('1<"a"')).toBe(true);
    expect(evaluate('"a"<TRUE')).toBe(true);
    expect(evaluate("G1>=0.9", { G1: 0.9 })).toBe(true);
  });

  it("implements the functions the templates use", () => {
    const cells = { D8: 25, E8: 25, G8: 0.9904, F8: 10, C8: "说明", B8: true };
    expect(evaluate('IF(N(D8)=0,"",N(E8)/D8)', cells)).toBe(1);
    expect(evaluate('IF(N(D9)=0,"",N(E9)/D9)', cells)).toBe("");
    expect(evaluate("N(C8)", cells)).toBe(0);
    expect(evaluate("N(B8)", cells)).toBe(1);
    expect(evaluate('IF(COUNT(C8:E8)=0,"",SUM(C8:E8))', cells)).toBe(50);
    expect(evaluate('IF(COUNT(A1:A3)=0,"",SUM(A1:A3))', cells)).toBe("");
    expect(evaluate("COUNTA(A8:H8)", cells)).toBe(6);
    expect(evaluate("MAX(D8:G8,30)", cells)).toBe(30);
    expect(evaluate("MIN(D8:G8)", cells)).toBe(0.9904);
    expect(evaluate("AVERAGE(D8,E8,F8)", cells)).toBe(20);
    expect(evaluate("ABS(-3)")).toBe(3);
    expect(evaluate("AND(D8>0,E8>0)", cells)).toBe(true);
    expect(evaluate("OR(D8>100,E8>100)", cells)).toBe(false);
    expect(evaluate("NOT(D8>100)", cells)).toBe(true);
    expect(evaluate("LEN(C8)", cells)).toBe(2);
    expect(evaluate("IF(D8>100,1)", cells)).toBe(false);
    // SUM skips text in a referenced cell but not text typed as an argument.
    expect(evaluate("SUM(C8,D8)", cells)).toBe(25);
    expect(evaluate('SUM("x",1)')).toEqual({ error: "#VALUE!" });
    expect(evaluate('SUM("2",1)')).toBe(3);
  });

  it("evaluates only the branch IF takes", () => {
    // The untaken branch calls an unknown function; the result is still known.
    expect(evaluate("IF(1>0,2,NOSUCH(1))")).toBe(2);
    expect(evaluate("IF(1<0,2,NOSUCH(1))")).toBeUndefined();
  });

  it("accepts the _xlfn. and _xludf. prefixes Excel writes", () => {
    expect(evaluate("_xlfn.ROUND(1.005,2)")).toBe(1.01);
    expect(evaluate("_xludf.SUM(1,2)")).toBe(3);
  });
});

describe("dependencies", () => {
  it("computes formula cells a formula refers to, on this and other sheets", () => {
    const data = sheetOf("资金 明细", { A1: 40, A2: "=A1*2" });
    const form = sheetOf("表1", { B1: "='资金 明细'!A2+1", B2: "=B1+资金明细!A1", B3: "=表1!B1" });
    const evaluator = new Evaluator([form, data]);
    expect(evaluator.valueAt(form, 1, 2)).toBe(81);
    // A sheet that does not exist: #REF!, as Excel shows once the sheet is gone.
    expect(evaluator.valueAt(form, 2, 2)).toEqual({ error: "#REF!" });
    expect(evaluator.valueAt(form, 3, 2)).toBe(81);
  });

  it("leaves a cycle, and what depends on it, unknown", () => {
    const sheet = sheetOf("Sheet1", { A1: "=B1+1", B1: "=A1+1", C1: "=A1*2", D1: "=5" });
    expect(computeMissingResults([sheet])).toBe(1);
    expect(sheet.cell(1, 1)).toMatchObject({ value: null, text: "" });
    expect(sheet.cell(1, 3)).toMatchObject({ value: null, text: "" });
    expect(sheet.cell(1, 4)).toMatchObject({ value: 5, computed: true });
  });

  it("reads cells not computed yet without taking a branch by a stand-in value", () => {
    // A1 needs B1 before it knows which branch to take; C1 reads A1. The branch A1 does not take
    // must not be computed while A1 is unfinished, or C1 would look like part of a cycle.
    const ifSheet = sheetOf("Sheet1", { A1: "=IF(B1,1,C1)", B1: "=TRUE", C1: "=A1+1" });
    expect(computeMissingResults([ifSheet])).toBe(3);
    expect(ifSheet.cell(1, 1)?.value).toBe(1);
    expect(ifSheet.cell(1, 3)?.value).toBe(2);
    // COUNT skips errors, so a stand-in would count 0 here; the branch must wait for B1's value.
    const countSheet = sheetOf("Sheet1", { A1: "=IF(COUNT(B1)=0,C1,5)", B1: "=1", C1: "=A1" });
    expect(computeMissingResults([countSheet])).toBe(3);
    expect(countSheet.cell(1, 1)?.value).toBe(5);
    expect(countSheet.cell(1, 3)?.value).toBe(5);
    const iferror = sheetOf("Sheet1", { A1: "=IFERROR(B1,C1)", B1: "=3", C1: "=A1" });
    expect(computeMissingResults([iferror])).toBe(3);
    expect(iferror.cell(1, 3)?.value).toBe(3);
  });

  it("calls an injected function only with the values of computed cells", () => {
    const seen: unknown[] = [];
    const functions: FormulaFunctions = { "PERF.ECHO": (...args) => (seen.push(args), 1) };
    const sheet = sheetOf("Sheet1", { A1: "=PERF.ECHO(COUNT(B1),B1)", B1: "=2+2" });
    expect(computeMissingResults([sheet], { functions })).toBe(2);
    expect(seen).toEqual([[1, 4]]);
  });

  it("leaves a self-reference and a cycle through a range unknown", () => {
    const sheet = sheetOf("Sheet1", { A1: "=A1+1", B1: "=SUM(B2:B3)", B2: "=5", B3: "=B1" });
    expect(computeMissingResults([sheet])).toBe(1);
    expect(sheet.cell(1, 1)?.value).toBeNull();
    expect(sheet.cell(1, 2)?.value).toBeNull();
    expect(sheet.cell(2, 2)?.value).toBe(5);
  });

  it("gives #VALUE! for text longer than a cell holds, as Excel does", () => {
    const cells: Record<string, StoredValue> = { A1: "x".repeat(20_000) };
    // Doubling 40 times would be a terabyte of text; the limit stops it at the second step.
    for (let row = 2; row <= 40; row++) cells[`A${row}`] = `=A${row - 1}&A${row - 1}`;
    const sheet = sheetOf("Sheet1", cells);
    expect(computeMissingResults([sheet])).toBe(39);
    expect(sheet.cell(2, 1)?.value).toEqual({ error: "#VALUE!" });
    expect(sheet.cell(40, 1)?.value).toEqual({ error: "#VALUE!" });
    expect(evaluate('A1&"y"', { A1: "x".repeat(32_766) })).toBe(`${"x".repeat(32_766)}y`);
  });

  it("leaves a cell with an unknown function or name as it was", () => {
    expect(evaluate("VLOOKUP(1,A1:B2,2,FALSE)")).toBeUndefined();
    expect(evaluate("预算合计*2")).toBeUndefined();
    expect(evaluate("SUM(1")).toBeUndefined();
    expect(evaluate("PERF.RATE(50,49.52)")).toBeUndefined();
  });

  it("uses a cached result as stored and never recomputes it", () => {
    const sheet = new MemorySheet("Sheet1");
    sheet.setValue(1, 1, 10);
    // Cached 99 although A1*2 is 20: the spreadsheet program's value wins.
    sheet.set(1, 2, { value: 99, text: "99", formula: "A1*2" });
    sheet.set(1, 3, { value: null, text: "", formula: "B1+1" });
    expect(computeMissingResults([sheet])).toBe(1);
    expect(sheet.cell(1, 2)).toEqual({ value: 99, text: "99", formula: "A1*2" });
    expect(sheet.cell(1, 3)).toMatchObject({ value: 100, text: "100", computed: true });
  });

  it("displays the result with the cell's number format", () => {
    const sheet = sheetOf(
      "Sheet1",
      { D7: 50, E7: 49.52, F7: 10, G7: "=E7/D7", H7: "=ROUND(F7*MIN(G7,1),2)", I7: "=D7>0" },
      { G7: "0.00%", H7: "0.00" },
    );
    computeMissingResults([sheet]);
    expect(sheet.cell(7, 7)?.text).toBe("99.04%");
    expect(sheet.cell(7, 8)).toMatchObject({
      value: 9.9,
      text: "9.90",
      formula: "ROUND(F7*MIN(G7,1),2)",
    });
    expect(sheet.cell(7, 9)?.text).toBe("TRUE");
  });

  it("computes only the pending cells it is given", () => {
    const sheet = sheetOf("Sheet1", { A1: "=1+1", A2: "=2+2" });
    expect(computeMissingResults([sheet], { pending: [{ sheet, row: 2, col: 1 }] })).toBe(1);
    expect(sheet.cell(1, 1)?.value).toBeNull();
    expect(sheet.cell(2, 1)?.value).toBe(4);
  });
});

describe("injected functions", () => {
  const fake: FormulaFunctions = {
    "PERF.RATE": (budget, executed) => {
      if (budget === null) throw new PerfError("#DIV/0!", "全年预算数为空");
      return Number(executed) / Number(budget);
    },
    "PERF.TOTAL": (...args) => JSON.stringify(args),
  };

  it("calls them by name, with ranges as arrays of rows", () => {
    const cells = { D7: 50, E7: 49.52, G1: 30, G2: "—" };
    expect(evaluate("PERF.RATE(D7,E7)", cells, fake)).toBeCloseTo(0.9904, 12);
    expect(evaluate("_xludf.PERF.RATE(D7,E7)", cells, fake)).toBeCloseTo(0.9904, 12);
    expect(evaluate("perf.rate(D7,E7)", cells, fake)).toBeCloseTo(0.9904, 12);
    expect(evaluate("_xldudf_PERF_RATE(D7,E7)", cells, fake)).toBeCloseTo(0.9904, 12);
    expect(evaluate("PERF.TOTAL(G1:G3,5)", cells, fake)).toBe('[[[30],["—"],[null]],5]');
  });

  it("turns a thrown PerfError into its error value, and passes argument errors through", () => {
    expect(evaluate("PERF.RATE(D7,E7)", { E7: 1 }, fake)).toEqual({ error: "#DIV/0!" });
    expect(evaluate("PERF.RATE(1/0,E7)", { E7: 1 }, fake)).toEqual({ error: "#DIV/0!" });
    expect(evaluate("PERF.TOTAL(A1:A2)", { A2: { error: "#N/A" } }, fake)).toEqual({
      error: "#N/A",
    });
  });

  it("runs the real PERF functions the host injects", () => {
    const functions = namespaced("PERF", PERF);
    // Seed 003 form 24: 2.71 / 4.00 → 67.75%, score 6.78; text with 万元 goes through the grammar.
    const cells = { D7: 4, E7: 2.71, D8: "4万元", E8: "2.71万元", G14: 30, G15: "不涉及", G16: 60 };
    expect(evaluate("PERF.RATE(D7,E7)", cells, functions)).toBeCloseTo(0.6775, 12);
    expect(evaluate("PERF.RATE(D8,E8)", cells, functions)).toBeCloseTo(0.6775, 12);
    expect(evaluate("PERF.RATESCORE(PERF.RATE(D7,E7),10)", cells, functions)).toBe(6.78);
    expect(evaluate("PERF.TOTAL(G14:G16,6.78)", cells, functions)).toBe(96.78);
    expect(evaluate("PERF.GRADE(96.78)", cells, functions)).toBe("优");
    expect(evaluate("PERF.RATE(D9,E7)", cells, functions)).toEqual({ error: "#DIV/0!" });
  });
});

describe("hostile formulas", () => {
  it("computes long formulas up to Excel's 8,192 characters without running out of stack", () => {
    // 2,731 terms: a left spine 2,730 operators deep.
    expect(evaluate(`${"A1+".repeat(2_730)}A1`, { A1: 1 })).toBe(2_731);
    expect(evaluate(`1${"^1".repeat(4_000)}`)).toBe(1);
    expect(evaluate(`${"-".repeat(8_000)}1`)).toBe(1);
    expect(evaluate(`${"-".repeat(7_999)}1`)).toBe(-1);
    expect(evaluate(`200${"%".repeat(2)}`)).toBe(0.02);
    expect(evaluate(`-50%`)).toBe(-0.5);
  });

  it("leaves a formula beyond Excel's limits unknown", () => {
    // Longer than Excel stores.
    expect(evaluate(`${"A1+".repeat(2_731)}A1`, { A1: 1 })).toBeUndefined();
    // Excel nests at most 64 levels.
    expect(evaluate(`${"(".repeat(64)}1${")".repeat(64)}`)).toBe(1);
    expect(evaluate(`${"(".repeat(65)}1${")".repeat(65)}`)).toBeUndefined();
    expect(evaluate(`${"ABS(".repeat(65)}-1${")".repeat(65)}`)).toBeUndefined();
    expect(() => parseFormula(`${"(".repeat(4_000)}1${")".repeat(4_000)}`)).toThrow(/nested/);
  });

  it("reads error literals in a long run of them", () => {
    expect(evaluate(`IFERROR(#N/A,1)+${"IFERROR(#n/a,1)+".repeat(400)}0`)).toBe(401);
  });
});

describe("cost", () => {
  it("does nothing for a large sheet without formulas", () => {
    const sheet = new MemorySheet("Sheet1");
    for (let row = 1; row <= 100_000; row++) sheet.setValue(row, 1, row);
    expect(computeMissingResults([sheet])).toBe(0);
    expect(sheet.cell(100_000, 1)).toEqual({ value: 100_000, text: "100000" });
  });

  it("reads whole columns and huge ranges within the used area", () => {
    const cells = { G1: 30, G2: 30, G3: "—", H1: 5 };
    expect(evaluate("SUM(G:G)", cells)).toBe(60);
    expect(evaluate("SUM(G:H)", cells)).toBe(65);
    // Z99, the formula itself, is outside both.
    expect(evaluate("COUNTA(A1:Y1048576)", cells)).toBe(4);
    expect(evaluate("COUNTA(A1:XFD98)", cells)).toBe(4);
  });

  it("computes a long chain of references, each cell once", () => {
    let calls = 0;
    const functions: FormulaFunctions = { "PERF.VALUE": (x) => (calls++, x) };
    const cells: Record<string, StoredValue> = { A1: "=PERF.VALUE(1)" };
    for (let row = 2; row <= 20_000; row++) cells[`A${row}`] = `=A${row - 1}+1`;
    const sheet = sheetOf("Sheet1", cells);
    // Asked for the last cell first, the whole chain is computed on the way, without recursion.
    expect(new Evaluator([sheet], { functions }).valueAt(sheet, 20_000, 1)).toBe(20_000);
    expect(calls).toBe(1);
    calls = 0;
    expect(computeMissingResults([sheet], { functions })).toBe(20_000);
    expect(sheet.cell(20_000, 1)?.value).toBe(20_000);
    expect(calls).toBe(1);
  });
});
