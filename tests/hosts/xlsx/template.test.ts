import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { national } from "../../../src/core/profiles";
import {
  decimalSum,
  executionRate,
  executionScore,
  grade,
  sumScores,
} from "../../../src/core/scoring";
import { departmentLayout, templateSpec } from "../../../src/core/templates";
import { renderTemplate, uniqueSheetName } from "../../../src/hosts/xlsx/template";
import {
  cachedValue,
  convertWithLibreOffice,
  readWorkbook,
  skipLibreOffice,
} from "../../support/libreoffice";

async function roundTrip(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(await workbook.xlsx.writeBuffer());
  return again;
}

describe("uniqueSheetName", () => {
  it("keeps a free name and numbers a taken one, case-insensitively", () => {
    expect(uniqueSheetName([], "绩效自评表2025")).toBe("绩效自评表2025");
    expect(uniqueSheetName(["绩效自评表2025"], "绩效自评表2025")).toBe("绩效自评表2025 (2)");
    expect(uniqueSheetName(["Sheet", "sheet (2)"], "SHEET")).toBe("SHEET (3)");
  });

  it("stays within Excel's 31 characters and drops characters sheet names forbid", () => {
    const long = "部".repeat(40);
    const first = uniqueSheetName([], long);
    expect(first).toHaveLength(31);
    const second = uniqueSheetName([first], long);
    expect(second).toHaveLength(31);
    expect(second.endsWith(" (2)")).toBe(true);
    expect(uniqueSheetName([], "a/b:c?")).toBe("abc");
  });
});

describe("renderTemplate", () => {
  it("adds a new sheet and never touches an existing one of the same name", async () => {
    const workbook = new ExcelJS.Workbook();
    const existing = workbook.addWorksheet("绩效自评表2025");
    existing.getCell("A1").value = "已有内容";
    const sheet = await renderTemplate(workbook, templateSpec("project", { year: 2025 }));
    expect(sheet.name).toBe("绩效自评表2025 (2)");
    expect(existing.getCell("A1").value).toBe("已有内容");
    expect(existing.getCell("A2").value).toBeNull();
    const third = await renderTemplate(workbook, templateSpec("project", { year: 2025 }));
    expect(third.name).toBe("绩效自评表2025 (3)");
    expect(workbook.worksheets.map((ws) => ws.name)).toHaveLength(3);
  });

  it("writes styles, formulas, dropdowns, protection and A4 page setup that survive saving", async () => {
    const workbook = new ExcelJS.Workbook();
    await renderTemplate(
      workbook,
      templateSpec("project-2021", { year: 2025, unit: "某区财政局" }),
    );
    const sheet = (await roundTrip(workbook)).worksheets[0]!;

    expect(sheet.getCell("A1").value).toBe("项目支出绩效自评表");
    expect(sheet.getCell("B4").value).toBe("某区财政局");
    // Input: pale yellow and unlocked; computed: grey, locked, a formula with no cached result.
    const input = sheet.getCell("D8");
    expect(input.protection?.locked).toBe(false);
    expect((input.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFF2CC");
    const rate = sheet.getCell("G7");
    expect(rate.protection?.locked ?? true).toBe(true);
    expect((rate.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFEDEDED");
    const formula = rate.value as ExcelJS.CellFormulaValue;
    expect(formula.formula).toBe('IF(N(D7)=0,"",N(E7)/D7)');
    expect(formula.result).toBeUndefined();
    expect(rate.numFmt).toBe("0.00%");
    expect(sheet.getCell("A13").font?.name).toBe("宋体");
    expect(sheet.getCell("A1").font?.name).toBe("黑体");
    expect(sheet.getCell("A13").border?.top?.style).toBe("thin");

    // Merged cells keep their border on every covered cell so the outline prints.
    expect(sheet.getCell("H3").isMerged).toBe(true);
    expect(sheet.getCell("H3").border?.right?.style).toBe("thin");

    const level1 = sheet.getCell("A14").dataValidation;
    expect(level1?.type).toBe("list");
    expect(level1?.formulae?.[0]).toBe('"产出指标,效益指标,成本指标,满意度指标"');
    expect(sheet.getCell("B20").dataValidation?.formulae?.[0]).toContain("生态环境成本指标");

    const setup = sheet.pageSetup;
    expect(setup.paperSize).toBe(9);
    expect(setup.fitToPage).toBe(true);
    expect(setup.fitToWidth).toBe(1);
    expect(setup.fitToHeight).toBe(0);
    expect(sheet.getColumn(8).width).toBe(26);
  });

  it("protects the sheet without a password", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = await renderTemplate(workbook, templateSpec("department", { year: 2025 }));
    const protection = (sheet as unknown as { sheetProtection: Record<string, unknown> })
      .sheetProtection;
    expect(protection.sheet).toBe(true);
    expect(protection.hashValue).toBeUndefined();
    expect(protection.selectUnlockedCells).toBe(true);
    expect(protection.insertRows).toBe(true);
    expect(protection.deleteRows).toBeUndefined();
    const xml = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(xml.length).toBeGreaterThan(1000);
    expect(workbook.calcProperties.fullCalcOnLoad).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// A real spreadsheet engine: LibreOffice recalculates filled templates; the cached results must
// agree with the engine's own scoring of the same inputs.

interface ProjectCase {
  name: string;
  /** 全年预算数 and 全年执行数 per breakdown row (当年财政拨款, 上年结转资金, 其他资金). */
  budgets: Array<number | null>;
  executed: Array<number | null>;
  /** Indicator 分值 / 得分, one pair per indicator row from the top. */
  indicators: Array<[number, number]>;
}

const PROJECT_CASES: ProjectCase[] = [
  // Seed 003 (Shanghai) 50.00 / 49.52 → 99.04% → 9.90.
  {
    name: "normal",
    budgets: [50],
    executed: [49.52],
    indicators: [
      [30, 30],
      [30, 28.5],
      [30, 30],
    ],
  },
  // A zero budget shows a blank rate and score, never #DIV/0!.
  { name: "zero", budgets: [0], executed: [0], indicators: [[90, 90]] },
  { name: "blank", budgets: [], executed: [], indicators: [] },
  // Overspend: rate above 100%, score capped at the weight.
  {
    name: "overspend",
    budgets: [40],
    executed: [42.82],
    indicators: [
      [45, 45],
      [45, 40],
    ],
  },
  // Seed 003 社会科学课题 4.00 / 2.71 → 67.75% → 6.78 (half-up), the amounts split over two rows.
  {
    name: "halfup",
    budgets: [3, 1],
    executed: [2, 0.71],
    indicators: [
      [30, 30],
      [30, 30],
      [30, 30],
    ],
  },
  // 9.91 + 28.68 + 20.56 + 7.66 + 23.19 is 89.99999999999999 in binary floating point: still 优.
  {
    name: "boundary",
    budgets: [100],
    executed: [99.1],
    indicators: [
      [30, 28.68],
      [25, 20.56],
      [10, 7.66],
      [25, 23.19],
    ],
  },
  // 10 + 79.995 = 89.995: below 90, so 良 (a total is not rounded before grading).
  {
    name: "justbelow",
    budgets: [20],
    executed: [20],
    indicators: [
      [50, 49.995],
      [40, 30],
    ],
  },
];

function fillProject(sheet: ExcelJS.Worksheet, c: ProjectCase): void {
  c.budgets.forEach((value, i) => (sheet.getCell(`D${8 + i}`).value = value));
  c.executed.forEach((value, i) => (sheet.getCell(`E${8 + i}`).value = value));
  c.indicators.forEach(([weight, score], i) => {
    sheet.getCell(`F${14 + i}`).value = weight;
    sheet.getCell(`G${14 + i}`).value = score;
  });
}

/** What the engine says for the same inputs: rate, score, total and grade (null = blank). */
function expectedProject(c: ProjectCase) {
  const budget = c.budgets.length ? decimalSum(c.budgets.map((v) => v ?? 0)) : null;
  const executed = c.executed.length ? decimalSum(c.executed.map((v) => v ?? 0)) : null;
  const rate = budget ? executionRate(budget, executed ?? 0) : null;
  const score = rate === null ? null : executionScore(rate, 10, national);
  const parts = [...(score === null ? [] : [score]), ...c.indicators.map(([, s]) => s)];
  const total = parts.length ? sumScores(parts) : null;
  return {
    rate,
    score,
    total,
    weights: 10 + c.indicators.reduce((sum, [w]) => sum + w, 0),
    grade: total === null ? null : grade(total),
  };
}

/** The row of a label in a blank template of `kind`. */
function rowOf(kind: "project" | "project-2021", label: string): number {
  const cell = templateSpec(kind, { year: 2025 }).cells.find((c) => c.value === label);
  return Number(cell!.address.replace(/^[A-Z]+/, ""));
}

/** Seed 002's 自评得分 per third-level indicator, in table order: total 97.85. */
const SEED_002_SCORES = [5, 5, 8, 6, 2, 3, 3, 2, 2, 2, 1, 1, 0, 3, 6, 5.85, 8, 6, 20, 3, 6];

interface HelperCase {
  name: string;
  indicator: string;
  denominator?: number;
  numerator?: number;
  ratio?: number;
  /** The score seed 002's 参考评分标准 gives. */
  expected: number;
}

const HELPER_CASES: HelperCase[][] = [
  [
    // 政府采购执行率得分 = 执行率 × 1分.
    {
      name: "采购95%",
      indicator: "政府采购执行情况",
      denominator: 100,
      numerator: 95,
      expected: 0.95,
    },
    // 固定资产利用率 27 ÷ 30 = 90% exactly: ≥90% → 1.
    { name: "资产90%", indicator: "固定资产利用率", denominator: 30, numerator: 27, expected: 1 },
    {
      name: "编外4.99%",
      indicator: "编外人员控制率",
      denominator: 1000,
      numerator: 49.9,
      expected: 1,
    },
    { name: "满意度95%", indicator: "公众或服务对象满意度", ratio: 0.95, expected: 6 },
  ],
  [
    // Actual purchases above the plan → 0.
    {
      name: "采购超计划",
      indicator: "政府采购执行情况",
      denominator: 80,
      numerator: 81,
      expected: 0,
    },
    { name: "资产75%", indicator: "固定资产利用率", denominator: 4, numerator: 3, expected: 0.7 },
    { name: "编外5%", indicator: "编外人员控制率", denominator: 100, numerator: 5, expected: 0.5 },
    { name: "满意度94.99%", indicator: "公众或服务对象满意度", ratio: 0.9499, expected: 4 },
  ],
  [
    { name: "采购0", indicator: "政府采购执行情况", denominator: 0, numerator: 0, expected: NaN },
    { name: "资产59%", indicator: "固定资产利用率", denominator: 100, numerator: 59, expected: 0 },
    {
      name: "编外10.01%",
      indicator: "编外人员控制率",
      denominator: 10000,
      numerator: 1001,
      expected: 0,
    },
    { name: "满意度80%", indicator: "公众或服务对象满意度", ratio: 0.8, expected: 2 },
  ],
  [
    { name: "资产60%", indicator: "固定资产利用率", denominator: 5, numerator: 3, expected: 0.4 },
    { name: "编外10%", indicator: "编外人员控制率", denominator: 10, numerator: 1, expected: 0.5 },
    { name: "满意度79%", indicator: "公众或服务对象满意度", ratio: 0.79, expected: 1 },
  ],
];

describe.skipIf(skipLibreOffice)("templates recalculated by LibreOffice", () => {
  let dir: string;
  let project: ExcelJS.Workbook;
  let project2021: ExcelJS.Workbook;
  let department: ExcelJS.Workbook;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "perf-eval-template-"));
    const projectBook = new ExcelJS.Workbook();
    const project2021Book = new ExcelJS.Workbook();
    for (const c of PROJECT_CASES) {
      fillProject(await renderTemplate(projectBook, templateSpec("project", { year: 2025 })), c);
      fillProject(
        await renderTemplate(project2021Book, templateSpec("project-2021", { year: 2025 })),
        c,
      );
    }
    const layout = departmentLayout();
    const departmentBook = new ExcelJS.Workbook();
    const seedSheet = await renderTemplate(
      departmentBook,
      templateSpec("department", { year: 2020 }),
    );
    SEED_002_SCORES.forEach(
      (score, i) => (seedSheet.getCell(`I${layout.firstRow + i}`).value = score),
    );
    await renderTemplate(departmentBook, templateSpec("department", { year: 2020 })); // blank
    for (const cases of HELPER_CASES) {
      const sheet = await renderTemplate(
        departmentBook,
        templateSpec("department", { year: 2020 }),
      );
      for (const c of cases) {
        const row = layout.helperRows[c.indicator]!;
        if (c.ratio !== undefined) sheet.getCell(`F${row}`).value = c.ratio;
        else {
          sheet.getCell(`D${row}`).value = c.denominator!;
          sheet.getCell(`E${row}`).value = c.numerator!;
        }
      }
    }
    const files = [
      join(dir, "project.xlsx"),
      join(dir, "project2021.xlsx"),
      join(dir, "department.xlsx"),
    ];
    await projectBook.xlsx.writeFile(files[0]!);
    await project2021Book.xlsx.writeFile(files[1]!);
    await departmentBook.xlsx.writeFile(files[2]!);
    const [p, p21, d] = await convertWithLibreOffice(files, "xlsx", join(dir, "out"));
    project = await readWorkbook(p!);
    project2021 = await readWorkbook(p21!);
    department = await readWorkbook(d!);
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Blank results come back as "" or nothing, depending on the engine. */
  const blankOrValue = (value: unknown) =>
    value === "" || value === undefined || value === null ? null : value;

  for (const [kind, book] of [
    ["project", () => project],
    ["project-2021", () => project2021],
  ] as const) {
    describe(kind, () => {
      PROJECT_CASES.forEach((c, index) => {
        it(`computes the ${c.name} case as the engine scores it`, () => {
          const sheet = book().worksheets[index]!;
          const expected = expectedProject(c);
          const sumRow = rowOf(kind, "总分");
          const at = (address: string) => blankOrValue(cachedValue(sheet.getCell(address)));
          for (const address of ["C7", "D7", "E7", "G7", "H7", `G${sumRow}`, `F${sumRow + 1}`]) {
            const value = at(address);
            if (typeof value === "object" && value !== null) {
              throw new Error(`${address} shows an error: ${JSON.stringify(value)}`);
            }
          }
          if (expected.rate === null) expect(at("G7")).toBeNull();
          else expect(at("G7") as number).toBeCloseTo(expected.rate, 12);
          expect(at("H7")).toBe(expected.score);
          expect(at(`F${sumRow}`)).toBe(expected.weights);
          expect(at(`G${sumRow}`)).toBe(expected.total);
          expect(at(`F${sumRow + 1}`)).toBe(expected.grade);
        });
      });
    });
  }

  it("gives the seed's own numbers where the seed has them", () => {
    const at = (index: number, address: string) =>
      cachedValue(project.worksheets[index]!.getCell(address));
    expect(at(0, "H7")).toBe(9.9);
    expect(at(4, "D7")).toBe(4);
    expect(at(4, "E7")).toBe(2.71);
    expect(at(4, "H7")).toBe(6.78);
    expect(at(3, "H7")).toBe(10);
    expect(at(3, "G7") as number).toBeGreaterThan(1);
    const gradeRow = rowOf("project", "评分等级");
    expect(at(5, `F${gradeRow}`)).toBe("优");
    expect(at(6, `F${gradeRow}`)).toBe("良");
  });

  it("sums the seed 002 自评得分 to its printed 97.85 (优), with subtotals per first level", () => {
    const layout = departmentLayout();
    const sheet = department.worksheets[0]!;
    const totalRow = Number(layout.totalCell.slice(1));
    expect(cachedValue(sheet.getCell(layout.totalCell))).toBe(97.85);
    expect(cachedValue(sheet.getCell(`F${totalRow}`))).toBe(100);
    expect(cachedValue(sheet.getCell(layout.gradeCell))).toBe("优");
    // 部门决策 5+5+8+6, 部门管理 2+3+3+2+2+2+1+1+0+3, 部门绩效 6+5.85+8+6+20+3+6.
    expect([1, 2, 3].map((n) => cachedValue(sheet.getCell(`I${totalRow - 4 + n}`)))).toEqual([
      24, 19, 54.85,
    ]);
    expect([1, 2, 3].map((n) => cachedValue(sheet.getCell(`F${totalRow - 4 + n}`)))).toEqual([
      25, 20, 55,
    ]);
  });

  it("leaves a blank department table blank, not 0 or an error", () => {
    const layout = departmentLayout();
    const sheet = department.worksheets[1]!;
    expect(blankOrValue(cachedValue(sheet.getCell(layout.totalCell)))).toBeNull();
    expect(blankOrValue(cachedValue(sheet.getCell(layout.gradeCell)))).toBeNull();
    for (const row of Object.values(layout.helperRows)) {
      expect(blankOrValue(cachedValue(sheet.getCell(`I${row}`)))).toBeNull();
    }
  });

  HELPER_CASES.forEach((cases, index) => {
    for (const c of cases) {
      it(`suggests the seed 002 tier score: ${c.name}`, () => {
        const sheet = department.worksheets[2 + index]!;
        const row = departmentLayout().helperRows[c.indicator]!;
        const suggested = blankOrValue(cachedValue(sheet.getCell(`I${row}`)));
        if (Number.isNaN(c.expected)) expect(suggested).toBeNull();
        else expect(suggested).toBe(c.expected);
      });
    }
  });
});
