/**
 * Quick fixes on real forms: a workbook grid with one wrong printed figure is validated, the fix is
 * computed from the report, written into the grid in the cell's own style, and validated again: the
 * finding must be gone (and nothing new must appear in its place).
 */
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/core/findings";
import { MemorySheet, fromA1, type WorkbookGrid } from "../../src/core/grid";
import { formatValue } from "../../src/core/grid/format";
import { capped, national, shanghai, type Profile } from "../../src/core/profiles";
import { validateWorkbook, type FormReport } from "../../src/core/validate";
import { quickFixFor, sheetOf, type QuickFix } from "../../src/ui/quick-fix";
import { placeTsv } from "../core/forms/sheet-helpers";
import { shanghaiCivilService } from "../core/forms/shanghai-data";

const SHEET = "组织部";
/** 年度资金总额 row of the civil-service form: G6 is 执行率(%), H6 is 得分. */
const RATE_CELL = "G6";
const SCORE_CELL = "H6";

function workbookOf(tsv: string): { grid: WorkbookGrid; sheet: MemorySheet } {
  const sheet = new MemorySheet(SHEET);
  placeTsv(sheet, tsv, { numbers: true });
  return { grid: { sheets: [sheet] }, sheet };
}

function setCell(sheet: MemorySheet, address: string, value: number | string, numFmt?: string) {
  const { row, col } = fromA1(address)!;
  const text = typeof value === "number" ? formatValue(value, numFmt) : value;
  sheet.set(row, col, { value, text, numFmt });
}

function cellOf(sheet: MemorySheet, address: string) {
  const { row, col } = fromA1(address)!;
  return sheet.cell(row, col);
}

function findingsOf(grid: WorkbookGrid, profile: Profile): Array<[Finding, FormReport]> {
  return validateWorkbook(grid, profile).forms.flatMap((form) =>
    form.findings.map((finding): [Finding, FormReport] => [finding, form]),
  );
}

function only(grid: WorkbookGrid, profile: Profile, rule: string): [Finding, FormReport] {
  const matches = findingsOf(grid, profile).filter(([finding]) => finding.rule === rule);
  expect(matches).toHaveLength(1);
  return matches[0];
}

/** Computes the fix of `rule`'s finding, writes it into the grid keeping the cell's format. */
function applyFix(
  grid: WorkbookGrid,
  sheet: MemorySheet,
  profile: Profile,
  rule: string,
): QuickFix {
  const [finding, form] = only(grid, profile, rule);
  const fix = quickFixFor(finding, form, profile, sheetOf(grid, finding.sheet));
  expect(fix).toBeDefined();
  // A fix that names a number format writes it with the value (number-as-text).
  setCell(sheet, fix!.cell, fix!.value, fix!.numFmt ?? cellOf(sheet, fix!.cell)?.numFmt);
  // What the cell shows after the write is what the button promised.
  expect(cellOf(sheet, fix!.cell)?.text).toBe(fix!.shown);
  return fix!;
}

function rulesOf(grid: WorkbookGrid, profile: Profile): string[] {
  return findingsOf(grid, profile)
    .filter(([finding]) => finding.severity === "error")
    .map(([finding]) => finding.rule);
}

describe("quick fix of the printed 执行率", () => {
  it("writes the percent number into a 执行率(%) column, truncated as Shanghai prints it", () => {
    const { grid, sheet } = workbookOf(
      shanghaiCivilService("96.16", "优").replace("61.59", "65.00"),
    );
    const fix = applyFix(grid, sheet, shanghai, "exec-rate-mismatch");
    expect(fix).toMatchObject({ sheet: SHEET, cell: RATE_CELL, value: 61.59, shown: "61.59" });
    expect(rulesOf(grid, shanghai)).not.toContain("exec-rate-mismatch");
  });

  it("rounds under the national profile (115.43 ÷ 187.40 = 61.595…% → 61.60)", () => {
    const { grid, sheet } = workbookOf(
      shanghaiCivilService("96.16", "优").replace("61.59", "65.00"),
    );
    const fix = applyFix(grid, sheet, national, "exec-rate-mismatch");
    expect(fix).toMatchObject({ value: 61.6, shown: "61.60" });
    expect(rulesOf(grid, national)).not.toContain("exec-rate-mismatch");
  });

  it("writes the fraction into a percent-formatted cell", () => {
    const { grid, sheet } = workbookOf(shanghaiCivilService("96.16", "优"));
    setCell(sheet, RATE_CELL, 0.65, "0.00%");
    const fix = applyFix(grid, sheet, shanghai, "exec-rate-mismatch");
    expect(fix).toMatchObject({ value: 0.6159, shown: "61.59%" });
    expect(rulesOf(grid, shanghai)).not.toContain("exec-rate-mismatch");
  });

  it("writes the rate at the precision a percent format prints", () => {
    const { grid, sheet } = workbookOf(shanghaiCivilService("96.16", "优"));
    setCell(sheet, RATE_CELL, 0.65, "0.0%");
    const fix = applyFix(grid, sheet, national, "exec-rate-mismatch");
    expect(fix).toMatchObject({ value: 0.616, shown: "61.6%" });
    expect(rulesOf(grid, national)).not.toContain("exec-rate-mismatch");
  });

  it("keeps a bare fraction a fraction", () => {
    const { grid, sheet } = workbookOf(shanghaiCivilService("96.16", "优"));
    setCell(sheet, RATE_CELL, 0.65);
    const fix = applyFix(grid, sheet, shanghai, "exec-rate-mismatch");
    expect(fix.value).toBe(0.6159);
    expect(rulesOf(grid, shanghai)).not.toContain("exec-rate-mismatch");
  });

  it("writes text in the same style when the cell holds text", () => {
    const { grid, sheet } = workbookOf(shanghaiCivilService("96.16", "优"));
    setCell(sheet, RATE_CELL, "65.0％");
    const fix = applyFix(grid, sheet, shanghai, "exec-rate-mismatch");
    expect(fix).toMatchObject({ value: "61.59％", shown: "61.59％" });
    expect(rulesOf(grid, shanghai)).not.toContain("exec-rate-mismatch");
  });
});

describe("quick fix of the printed 执行得分", () => {
  it("writes the profile's score, and the total it broke is right again", () => {
    const { grid, sheet } = workbookOf(shanghaiCivilService("96.16", "优").replace("6.16", "7.16"));
    // The wrong score also makes the printed total disagree with the scores it adds up.
    expect(rulesOf(grid, shanghai)).toEqual(
      expect.arrayContaining(["exec-score-mismatch", "total-mismatch"]),
    );
    const fix = applyFix(grid, sheet, shanghai, "exec-score-mismatch");
    expect(fix).toMatchObject({ cell: SCORE_CELL, value: 6.16, shown: "6.16" });
    expect(rulesOf(grid, shanghai)).toEqual([]);
  });

  it("writes a whole-number score under the capped profile into a General cell", () => {
    const { grid, sheet } = workbookOf(shanghaiCivilService("96.16", "优"));
    setCell(sheet, SCORE_CELL, 4);
    // 一体化平台 scores in whole numbers: 10 × 61.595…% → 6.
    const fix = applyFix(grid, sheet, capped, "exec-score-mismatch");
    expect(fix).toMatchObject({ value: 6, shown: "6" });
    expect(rulesOf(grid, capped)).not.toContain("exec-score-mismatch");
  });

  it("writes the score at the precision a formatted cell prints, whatever the profile rounds to", () => {
    // "0.00" prints two decimals, so 6.00 would claim a precision the score does not have.
    const { grid, sheet } = workbookOf(shanghaiCivilService("96.16", "优").replace("6.16", "4.00"));
    const fix = applyFix(grid, sheet, capped, "exec-score-mismatch");
    expect(fix).toMatchObject({ value: 6.16, shown: "6.16" });
    expect(rulesOf(grid, capped)).not.toContain("exec-score-mismatch");
  });
});

describe("quick fix of the printed 总分", () => {
  it("writes the sum of the printed scores (a number cell)", () => {
    const { grid, sheet } = workbookOf(shanghaiCivilService("96.61", "优"));
    const fix = applyFix(grid, sheet, shanghai, "total-mismatch");
    expect(fix).toMatchObject({ value: 96.16, shown: "96.16" });
    expect(rulesOf(grid, shanghai)).toEqual([]);
  });

  it("keeps a text total text, with the decimals it printed", () => {
    const { grid, sheet } = workbookOf(shanghaiCivilService("96.61", "优"));
    const [finding] = only(grid, shanghai, "total-mismatch");
    setCell(sheet, finding.cell, "90.00");
    const fix = applyFix(grid, sheet, shanghai, "total-mismatch");
    expect(fix).toMatchObject({ value: "96.16", shown: "96.16" });
    expect(rulesOf(grid, shanghai)).toEqual([]);
  });
});

describe("quick fix of the printed 评分等级", () => {
  it("writes the grade of the total", () => {
    const { grid, sheet } = workbookOf(shanghaiCivilService("96.16", "良"));
    const fix = applyFix(grid, sheet, shanghai, "grade-mismatch");
    expect(fix).toMatchObject({ value: "优", shown: "优" });
    expect(rulesOf(grid, shanghai)).toEqual([]);
  });

  it("answers a long grade word with a long one", () => {
    const { grid, sheet } = workbookOf(shanghaiCivilService("96.16", "良好"));
    const fix = applyFix(grid, sheet, shanghai, "grade-mismatch");
    expect(fix.value).toBe("优秀");
    expect(rulesOf(grid, shanghai)).toEqual([]);
  });
});

/**
 * Every finding as rule@cell, to compare a workbook's findings before and after a fix (messages
 * may quote the cell's text, which a fix normalises: "12.142 988" → "12.142988").
 */
function findingKeys(grid: WorkbookGrid, profile: Profile): string[] {
  return findingsOf(grid, profile).map(([f]) => `${f.rule}@${f.cell}`);
}

describe("quick fix of a number held as text", () => {
  /**
   * Puts `text` into `cell` as text (formatted "@", as cells typed as text are), fixes the one
   * number-as-text finding, and checks the cell now stores a number, shows what the fix promised,
   * and every other finding is exactly as before: the engine reads the same value.
   */
  function fixNumberText(cell: string, text: string, tsv = shanghaiCivilService("96.16", "优")) {
    const { grid, sheet } = workbookOf(tsv);
    setCell(sheet, cell, text, "@");
    const before = findingKeys(grid, shanghai).filter((key) => !key.startsWith("number-as-text@"));
    const fix = applyFix(grid, sheet, shanghai, "number-as-text");
    expect(fix.cell).toBe(cell);
    expect(typeof cellOf(sheet, cell)?.value).toBe("number");
    expect(findingKeys(grid, shanghai)).toEqual(before);
    return fix;
  }

  it.each([
    ["grouped text as a grouped number", "C6", "1,663.27", 1663.27, "#,##0.00", "1,663.27"],
    ["a percent typed as text as its fraction", "G6", "61.59%", 0.6159, "0.00%", "61.59%"],
    ["digits split by a space, shown without it", "C6", "187.4 0", 187.4, "0.00", "187.40"],
    ["a number a PDF copy split", "F13", "12.142 988", 12.142988, "0.000000", "12.142988"],
    ["a weight with its 分 kept in the format", "F13", "10分", 10, '0"分"', "10分"],
    ["a 万 amount in a 万元 block, 万 kept in the format", "C6", "3.5万", 3.5, '0.0"万"', "3.5万"],
  ])("writes %s (%s: %s)", (_what, cell, text, value, numFmt, shown) => {
    expect(fixNumberText(cell, text)).toMatchObject({ value, numFmt, shown });
  });

  it("writes a 万 amount in a 元 block in 元, shown as General since no format shows 3.5万", () => {
    const inYuan = shanghaiCivilService("96.16", "优").replace("项目资金 (万元)", "项目资金 (元)");
    const fix = fixNumberText("C6", "3.5万", inYuan);
    expect(fix).toMatchObject({ value: 35000, numFmt: "General", shown: "35000" });
  });

  it("offers nothing once the cell holds the number, or without the form the finding is on", () => {
    const { grid, sheet } = workbookOf(shanghaiCivilService("96.16", "优"));
    setCell(sheet, "C6", "1,663.27", "@");
    const [finding, form] = only(grid, shanghai, "number-as-text");
    expect(quickFixFor(finding, form, shanghai, sheet)).toBeDefined();
    expect(quickFixFor(finding, undefined, shanghai, sheet)).toBeUndefined();
    // The finding is stale: the clerk typed the number meanwhile.
    setCell(sheet, "C6", 1663.27, "#,##0.00");
    expect(quickFixFor(finding, form, shanghai, sheet)).toBeUndefined();
  });
});

describe("no quick fix", () => {
  it("is offered for rules whose right value the engine does not know", () => {
    const { grid, sheet } = workbookOf(shanghaiCivilService("96.16", "优"));
    const [finding, form] = only(grid, shanghai, "exec-rate-low");
    expect(cellOf(sheet, finding.cell)).toBeDefined();
    expect(quickFixFor(finding, form, shanghai, sheet)).toBeUndefined();
  });

  it("is offered for a fixable rule only when its cell is there", () => {
    const { grid, sheet } = workbookOf(shanghaiCivilService("96.61", "优"));
    const [finding, form] = only(grid, shanghai, "total-mismatch");
    expect(quickFixFor(finding, form, shanghai, sheet)).toBeDefined();
    expect(quickFixFor(finding, form, shanghai, undefined)).toBeUndefined();
    expect(quickFixFor({ ...finding, cell: "" }, form, shanghai, sheet)).toBeUndefined();
    expect(quickFixFor({ ...finding, cell: "Z99" }, form, shanghai, sheet)).toBeUndefined();
  });
});
