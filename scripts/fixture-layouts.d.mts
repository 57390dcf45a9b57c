// Types for scripts/fixture-layouts.mjs, so TypeScript tests and the benchmark can reuse the layouts.
import type { Workbook, Worksheet } from "exceljs";

export interface FixtureField {
  initial?: string;
  budget?: string;
  executed?: string;
  weight?: string;
  rate?: string;
  score?: string;
}

/** One form of tests/fixtures/forms/*.json (values are the text as printed). */
export interface FormData {
  id: string;
  title: string;
  year: string;
  projectName: string;
  department: string;
  implementer: string;
  leader?: string;
  phone?: string;
  funds: {
    total: FixtureField;
    appropriation?: FixtureField;
    carryover?: FixtureField;
    other?: FixtureField;
    hasScoreColumn?: boolean;
  };
  goals: { expected: string; actual: string };
  indicators: Array<{
    level1: string;
    level2: string;
    name: string;
    target: string;
    actual: string;
    weight: string;
    score: string;
    explanation: string;
  }>;
  total: { weight: string; score: string };
  grade: string | null;
  expected: Array<{
    rule: string;
    severity: "error" | "warning" | "info";
    at: string;
    why?: string;
  }>;
  note?: string;
}

export interface LayoutOptions {
  layout?: "beijing" | "shanghai";
  /** Top-left cell of the form, e.g. "C4". Default "A1". */
  origin?: string;
  labels?: "standard" | "messy";
}

export interface PlacedForm {
  sheet: string;
  range: string;
  firstRow: number;
  lastRow: number;
  /** Fixture `at` path (projectName, funds.total.rate, indicators[2].score, …) → A1 address. */
  cells: Record<string, string>;
}

export interface GoldenEntry {
  rule: string;
  severity: string;
  sheet: string;
  cell: string;
  projectName: string;
}

export interface BuiltWorkbook {
  workbook: Workbook;
  golden: GoldenEntry[];
}

export function columnLetters(col: number): string;
export function parseA1(a1: string): { row: number; col: number };
export function layoutForm(ws: Worksheet, form: FormData, options?: LayoutOptions): PlacedForm;
export function goldenEntries(form: FormData, placed: PlacedForm): GoldenEntry[];
export function loadSeedForms(formsDir: string): Record<string, FormData[]>;
export function sheetNameFor(projectName: string, taken: Set<string>): string;
export function buildBeijing(seeds: Record<string, FormData[]>): BuiltWorkbook;
export function buildShanghai(seeds: Record<string, FormData[]>): BuiltWorkbook;
export function buildOffset(seeds: Record<string, FormData[]>): BuiltWorkbook;
export function buildAll(
  formsDir: string,
): Record<"beijing" | "shanghai" | "offset" | "sichuan" | "yuan" | "department", BuiltWorkbook>;

/** Other provinces' layouts (domain.md §2), see layoutProvince in fixture-layouts.mjs. */
export type ProvinceStyle = "sichuan" | "yuan";

export function layoutProvince(
  ws: Worksheet,
  form: FormData,
  options?: { style?: ProvinceStyle; origin?: string },
): PlacedForm;
export function provinceForm(form: FormData, style: ProvinceStyle): FormData;
export function buildProvince(
  seeds: Record<string, FormData[]>,
  style: ProvinceStyle,
): BuiltWorkbook;
export function toYuan(text: string): string;
export function splitTarget(
  text: string,
  nth: number,
): { nature: string; value: string; unit: string };

/** tests/fixtures/forms/seed002.json: the department 评分表 of seed 002. */
export interface DepartmentTable {
  source: string;
  title: string;
  unit: string;
  pageBreaksBefore?: number[];
  rows: Array<{
    level1: string;
    level1Weight: string;
    level2: string;
    level2Weight: string;
    name: string;
    weight: string;
    description: string;
    standard: string;
    score: string;
  }>;
  total: { weights: string[]; score: string };
  expected: Array<{ rule: string; severity: "error" | "warning" | "info"; at: string }>;
}
export function loadDepartmentTable(formsDir: string): DepartmentTable | undefined;
export function layoutDepartment(
  ws: Worksheet,
  table: DepartmentTable,
  options?: { origin?: string },
): PlacedForm;
export function buildDepartment(formsDir: string): BuiltWorkbook;
