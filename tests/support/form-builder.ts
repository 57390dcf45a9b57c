import { toA1 } from "../../src/core/grid";
import type { Field, Form, IndicatorRow } from "../../src/core/forms/model";
import type { FixtureField, FormData } from "../../scripts/fixture-layouts.mjs";

/**
 * Builds a Form model directly (no grid, no detection) for rule tests. The default is a correct
 * national form: 50 / 49.52 万元 → 99.04% → 9.9, indicators worth 90, all met, total 99.9, 优.
 * Every value is the text as printed; plain numbers are also stored as numbers, as in a workbook.
 *
 * Layout (fixed, so tests can name cells): funds total on row 6 (B initial, C budget, D executed,
 * E weight, F rate, G score), breakdown rows 7–9, indicator head row 12, indicators from row 13
 * (A 一级, B 二级, C 三级, D target, E actual, F weight, G score, H explanation), then 总分 and 评分等级.
 */
export interface IndicatorSpec {
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string;
  weight: string;
  score: string;
  explanation?: string;
}

export interface FundsSpec {
  initial: string;
  budget: string;
  executed: string;
  weight: string;
  rate: string;
  score: string;
}

export interface BreakdownSpec {
  initial: string;
  budget: string;
  executed: string;
}

export interface FormSpec {
  sheet: string;
  projectName: string;
  department: string;
  funds: FundsSpec | null;
  appropriation: BreakdownSpec | null;
  carryover: BreakdownSpec | null;
  other: BreakdownSpec | null;
  indicators: IndicatorSpec[] | null;
  totalWeight: string;
  totalScore: string;
  /** null = no 总分 row at all. */
  hasTotal: boolean;
  /** null = no 评分等级 row. */
  grade: string | null;
  /** Text of the 年度总体目标 实际完成情况 cell (default: the label text). */
  goalsActual?: string;
}

export const DEFAULT_INDICATORS: IndicatorSpec[] = [
  {
    level1: "产出指标",
    level2: "数量指标",
    name: "发布信息条数",
    target: "≥500",
    actual: "524",
    weight: "20",
    score: "20",
  },
  {
    level1: "产出指标",
    level2: "质量指标",
    name: "错字数量",
    target: "≤5",
    actual: "0",
    weight: "20",
    score: "20",
  },
  {
    level1: "产出指标",
    level2: "时效指标",
    name: "完成时限",
    target: "12月底",
    actual: "12月底",
    weight: "10",
    score: "10",
  },
  {
    level1: "效益指标",
    level2: "社会效益指标",
    name: "关注度",
    target: "得到提高",
    actual: "得到提高",
    weight: "30",
    score: "30",
  },
  {
    level1: "满意度指标",
    level2: "服务对象满意度指标",
    name: "满意度",
    target: "≥90%",
    actual: "95%",
    weight: "10",
    score: "10",
  },
];

export const DEFAULT_SPEC: FormSpec = {
  sheet: "Sheet1",
  projectName: "测试项目",
  department: "测试部门",
  funds: {
    initial: "50",
    budget: "50",
    executed: "49.52",
    weight: "10",
    rate: "99.04%",
    score: "9.9",
  },
  appropriation: { initial: "50", budget: "50", executed: "49.52" },
  carryover: { initial: "0", budget: "0", executed: "0" },
  other: { initial: "0", budget: "0", executed: "0" },
  indicators: DEFAULT_INDICATORS,
  totalWeight: "100",
  totalScore: "99.9",
  hasTotal: true,
  grade: "优",
};

function field(row: number, col: number, text: string): Field {
  const trimmed = text.trim();
  const isPlainNumber = /^-?\d+(\.\d+)?$/.test(trimmed);
  return isPlainNumber
    ? { address: toA1(row, col), text, numeric: Number(trimmed) }
    : { address: toA1(row, col), text };
}

export function buildForm(overrides: Partial<FormSpec> = {}): Form {
  const spec: FormSpec = { ...DEFAULT_SPEC, ...overrides };
  const indicatorRows: IndicatorRow[] = (spec.indicators ?? []).map((ind, i) => {
    const row = 13 + i;
    return {
      row,
      level1: ind.level1,
      level2: ind.level2,
      name: field(row, 3, ind.name),
      target: field(row, 4, ind.target),
      actual: field(row, 5, ind.actual),
      weight: field(row, 6, ind.weight),
      score: field(row, 7, ind.score),
      explanation: field(row, 8, ind.explanation ?? ""),
    };
  });
  const totalRow = 13 + indicatorRows.length;
  const lastRow = totalRow + (spec.grade === null ? 0 : 1);
  const breakdown = (row: number, label: string, values: BreakdownSpec | null) =>
    values === null
      ? undefined
      : {
          row,
          label: field(row, 1, label),
          initial: field(row, 2, values.initial),
          budget: field(row, 3, values.budget),
          executed: field(row, 4, values.executed),
          weight: field(row, 5, "—"),
          rate: field(row, 6, ""),
          score: field(row, 7, "—"),
        };
  const form: Form = {
    sheet: spec.sheet,
    range: `A1:H${lastRow}`,
    title: field(1, 1, "项目支出绩效自评表"),
    year: "2023",
    projectName: field(3, 2, spec.projectName),
    department: field(4, 2, spec.department),
    implementer: field(4, 6, spec.department),
    funds:
      spec.funds === null
        ? undefined
        : {
            headerRow: 5,
            total: {
              row: 6,
              label: field(6, 1, "年度资金总额"),
              initial: field(6, 2, spec.funds.initial),
              budget: field(6, 3, spec.funds.budget),
              executed: field(6, 4, spec.funds.executed),
              weight: field(6, 5, spec.funds.weight),
              rate: field(6, 6, spec.funds.rate),
              score: field(6, 7, spec.funds.score),
            },
            appropriation: breakdown(7, "其中：当年财政拨款", spec.appropriation),
            carryover: breakdown(8, "上年结转资金", spec.carryover),
            other: breakdown(9, "其他资金", spec.other),
          },
    goals: {
      expected: field(11, 1, "预期目标"),
      actual: field(11, 5, spec.goalsActual ?? "实际完成情况"),
    },
    indicators:
      spec.indicators === null
        ? undefined
        : { headerRow: 12, header: field(12, 1, "一级指标"), rows: indicatorRows },
    total: spec.hasTotal
      ? {
          label: field(totalRow, 1, "总分"),
          weight: field(totalRow, 6, spec.totalWeight),
          score: field(totalRow, 7, spec.totalScore),
        }
      : undefined,
    grade:
      spec.grade === null
        ? undefined
        : { label: field(lastRow, 1, "评分等级"), value: field(lastRow, 2, spec.grade) },
  };
  return form;
}

/** Replaces one indicator of the default list (by index) with changed fields. */
export function withIndicator(index: number, changes: Partial<IndicatorSpec>): IndicatorSpec[] {
  return DEFAULT_INDICATORS.map((ind, i) => (i === index ? { ...ind, ...changes } : ind));
}

function breakdownOf(values: FixtureField | undefined): BreakdownSpec | null {
  if (values === undefined) return null;
  return {
    initial: values.initial ?? "",
    budget: values.budget ?? "",
    executed: values.executed ?? "",
  };
}

/** The spec that lays out one transcribed seed form (tests/fixtures/forms/*.json) with `buildForm`. */
export function specOfFixture(data: FormData): Partial<FormSpec> {
  const total = data.funds.total;
  return {
    projectName: data.projectName,
    department: data.department,
    funds: {
      initial: total.initial ?? "",
      budget: total.budget ?? "",
      executed: total.executed ?? "",
      weight: total.weight ?? "",
      rate: total.rate ?? "",
      score: total.score ?? "",
    },
    appropriation: breakdownOf(data.funds.appropriation),
    carryover: breakdownOf(data.funds.carryover),
    other: breakdownOf(data.funds.other),
    indicators: data.indicators,
    totalWeight: data.total.weight,
    totalScore: data.total.score,
    grade: data.grade,
    goalsActual: data.goals.actual,
  };
}
