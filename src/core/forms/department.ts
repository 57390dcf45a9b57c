import { rangeToA1, type SheetGrid } from "../grid";
import { fieldAt, nextValueRight } from "./cells";
import { normalizeLabel } from "./labels";
import type { Field } from "./model";

/**
 * The department-level 部门整体支出绩效评价指标体系评分表 (domain.md §6, seed 002) as read from a
 * grid: three levels of indicators, each with its 参考分值, the 参考评分标准 and the 自评得分 of each
 * third-level indicator, optional subtotals, the total (合计 / 总计) and the grade. Our own template
 * also has helper rows (评分辅助计算) whose ratios make some standards computable.
 */

/** A first- or second-level group: its name and 参考分值, and the indicator rows under it. */
export interface DepartmentGroup {
  name: Field;
  weight: Field;
  /** Indexes into DepartmentForm.rows. */
  rows: number[];
}

export interface DepartmentRow {
  row: number;
  /** Indexes into DepartmentForm.level1 / level2. */
  level1: number;
  level2: number;
  name: Field;
  weight: Field;
  standard: Field;
  score: Field;
}

/** A 小计 row: the printed sum of one first-level group. */
export interface DepartmentSubtotal {
  label: Field;
  level1: number;
  weight?: Field;
  score?: Field;
}

export interface DepartmentForm {
  kind: "department";
  sheet: string;
  range: string;
  title: Field;
  year?: string;
  /** 部门（单位）名称. */
  unitName?: Field;
  headerRow: number;
  level1: DepartmentGroup[];
  level2: DepartmentGroup[];
  rows: DepartmentRow[];
  subtotals: DepartmentSubtotal[];
  total?: { label: Field; weight?: Field; score?: Field };
  grade?: { label: Field; value?: Field };
  /** The template's 评分辅助计算 ratios by helper label (政府采购执行率, 固定资产利用率, …). */
  ratios: Record<string, Field>;
}

const TITLE = "部门整体支出绩效评价指标体系评分表";
const UNIT_LABELS = new Set(["部门(单位)名称", "部门名称", "单位名称", "部门名称(公章)"]);
const TOTAL_LABELS = new Set(["合计", "总计", "总分", "自评总分"]);
const GRADE_LABELS = new Set(["评分等级", "自评等级", "评价等级"]);
/** Heads of the helper rows' block and the ratio column in it. */
const HELPER_HEAD = "评分辅助计算";
const RATIO_HEAD = "比率";
export const HELPER_LABELS = [
  "政府采购执行率",
  "固定资产利用率",
  "编外人员控制率",
  "公众或服务对象满意度",
] as const;

interface Columns {
  level1Name: number;
  level1Weight: number;
  level2Name: number;
  level2Weight: number;
  name: number;
  weight: number;
  standard: number;
  score: number;
}

/** Every department 评分表 on a sheet, top to bottom. */
export function detectDepartmentForms(sheet: SheetGrid): DepartmentForm[] {
  const forms: DepartmentForm[] = [];
  let form: DepartmentForm | undefined;
  let cols: Columns | undefined;
  let topHeadRow = 0;
  let bottom = 0;
  let left = Number.POSITIVE_INFINITY;
  let right = 0;
  let ratioCol: number | undefined;
  let inHelpers = false;

  const finish = () => {
    if (form && cols) {
      form.range = rangeToA1({ top: Number(rowOf(form.title.address)), left, bottom, right });
      forms.push(form);
    }
    form = undefined;
    cols = undefined;
    ratioCol = undefined;
    inHelpers = false;
  };
  const take = (row: number, used: readonly number[]) => {
    bottom = Math.max(bottom, row);
    if (used.length > 0) {
      left = Math.min(left, used[0]);
      right = Math.max(right, used[used.length - 1]);
    }
  };

  const isTitle = (norm: string) => norm.includes(TITLE) && !norm.startsWith("附件");
  for (const row of sheet.usedRows()) {
    const used = sheet.usedCols(row);
    // Outside a department form only its title matters, and most sheets hold project forms only:
    // look for it without building the row's labels.
    if (!form && !used.some((col) => isTitle(normalizeLabel(sheet.text(row, col))))) continue;
    const norms = used.map((col) => ({ col, norm: normalizeLabel(sheet.text(row, col)) }));
    const titleCell = norms.find((n) => isTitle(n.norm));
    if (titleCell && !(form && !cols)) {
      finish();
      form = {
        kind: "department",
        sheet: sheet.name,
        range: "",
        title: fieldAt(sheet, row, titleCell.col),
        headerRow: row,
        level1: [],
        level2: [],
        rows: [],
        subtotals: [],
        ratios: {},
      };
      const year = /((?:19|20)\d\d)年度/.exec(titleCell.norm);
      if (year) form.year = year[1];
      left = used[0] ?? titleCell.col;
      right = used[used.length - 1] ?? titleCell.col;
      bottom = row;
      topHeadRow = 0;
      continue;
    }
    if (!form) continue;
    const has = (text: string) => norms.some((n) => n.norm === text);

    const unitLabel = norms.find((n) => UNIT_LABELS.has(n.norm));
    if (unitLabel && form.unitName === undefined && !cols) {
      form.unitName = nextValueRight(sheet, row, unitLabel.col);
      take(row, used);
      continue;
    }
    // Head rows, repeated on every printed page in seed 002: 评价指标 | 指标说明 | 参考评分标准 | 自评得分,
    // 一级指标 | 二级指标 | 三级指标, then 名称 | 参考分值 three times.
    if (has("评价指标") || has("自评得分") || (has("一级指标") && has("三级指标"))) {
      if (topHeadRow === 0) topHeadRow = row;
      const standard = norms.find((n) => n.norm === "参考评分标准")?.col;
      const score = norms.find((n) => n.norm === "自评得分")?.col;
      if (standard !== undefined && score !== undefined) {
        cols = { ...(cols ?? emptyColumns()), standard, score };
      }
      take(row, used);
      continue;
    }
    const names = norms.filter((n) => n.norm === "名称" || n.norm === "参考名称");
    const weights = norms.filter((n) => n.norm === "参考分值");
    if (names.length === 3 && weights.length === 3) {
      cols = {
        ...(cols ?? emptyColumns()),
        level1Name: names[0].col,
        level1Weight: weights[0].col,
        level2Name: names[1].col,
        level2Weight: weights[1].col,
        name: names[2].col,
        weight: weights[2].col,
      };
      if (cols.score === 0) cols.score = Math.max(...weights.map((w) => w.col)) + 3;
      if (cols.standard === 0) cols.standard = cols.score - 1;
      if (form.rows.length === 0) form.headerRow = row;
      take(row, used);
      continue;
    }
    if (!cols || cols.name === 0) continue;

    const first = normalizeLabel(sheet.text(row, cols.level1Name));
    if (inHelpers) {
      if (ratioCol !== undefined) {
        const label = normalizeLabel(textOf(sheet, row, cols.level1Name).split("\n")[0]);
        const helper = HELPER_LABELS.find((h) => label.startsWith(h));
        if (helper) {
          form.ratios[helper] = fieldAt(sheet, row, ratioCol);
          take(row, used);
        }
      }
      continue;
    }
    if (first.startsWith(HELPER_HEAD)) {
      inHelpers = true;
      ratioCol = norms.find((n) => n.norm === RATIO_HEAD)?.col;
      take(row, used);
      continue;
    }
    if (TOTAL_LABELS.has(first)) {
      const weight = [cols.weight, cols.level2Weight, cols.level1Weight]
        .map((col) => fieldAt(sheet, row, col))
        .find((f) => /\d/.test(f.text));
      form.total = {
        label: fieldAt(sheet, row, cols.level1Name),
        weight: weight ?? fieldAt(sheet, row, cols.weight),
        score: fieldAt(sheet, row, cols.score),
      };
      take(row, used);
      continue;
    }
    if (GRADE_LABELS.has(first)) {
      form.grade = {
        label: fieldAt(sheet, row, cols.level1Name),
        value: nextValueRight(sheet, row, cols.level1Name),
      };
      take(row, used);
      continue;
    }
    if (first.endsWith("小计") && form.level1.length > 0) {
      // "部门决策小计" sums 部门决策; a bare 小计 sums the groups in order (the template lists all
      // subtotals after the table).
      const named = form.level1.findIndex(
        (g) => normalizeLabel(g.name.text) === first.slice(0, -2),
      );
      form.subtotals.push({
        label: fieldAt(sheet, row, cols.level1Name),
        level1: named >= 0 ? named : Math.min(form.subtotals.length, form.level1.length - 1),
        weight: fieldAt(sheet, row, cols.weight),
        score: fieldAt(sheet, row, cols.score),
      });
      take(row, used);
      continue;
    }
    if (form.total) continue;

    const name = fieldAt(sheet, row, cols.name);
    const level1Text = ownText(sheet, row, cols.level1Name);
    const level2Text = ownText(sheet, row, cols.level2Name);
    if (level1Text !== "") {
      form.level1.push({
        name: fieldAt(sheet, row, cols.level1Name),
        weight: fieldAt(sheet, row, cols.level1Weight),
        rows: [],
      });
    }
    if (level2Text !== "") {
      form.level2.push({
        name: fieldAt(sheet, row, cols.level2Name),
        weight: fieldAt(sheet, row, cols.level2Weight),
        rows: [],
      });
    }
    if (name.text.trim() === "" || form.level1.length === 0 || form.level2.length === 0) {
      // A line continuing the row above (a long 指标说明 broken over a page) holds no indicator.
      if (level1Text !== "" || level2Text !== "") take(row, used);
      continue;
    }
    const index = form.rows.length;
    form.rows.push({
      row,
      level1: form.level1.length - 1,
      level2: form.level2.length - 1,
      name,
      weight: fieldAt(sheet, row, cols.weight),
      standard: fieldAt(sheet, row, cols.standard, true),
      score: fieldAt(sheet, row, cols.score),
    });
    form.level1[form.level1.length - 1].rows.push(index);
    form.level2[form.level2.length - 1].rows.push(index);
    take(row, used);
  }
  finish();
  // A title with no table under it (a caption, a contents line) is no form.
  return forms.filter((f) => f.rows.length > 0);
}

function emptyColumns(): Columns {
  return {
    level1Name: 0,
    level1Weight: 0,
    level2Name: 0,
    level2Weight: 0,
    name: 0,
    weight: 0,
    standard: 0,
    score: 0,
  };
}

function rowOf(address: string): number {
  return Number(/\d+$/.exec(address)?.[0] ?? 0);
}

function textOf(sheet: SheetGrid, row: number, col: number): string {
  return sheet.text(row, col);
}

/** The cell's own text: a cell covered by a merge from above is not a new group. */
function ownText(sheet: SheetGrid, row: number, col: number): string {
  const merge = sheet.mergeAt(row, col);
  if (merge && merge.top !== row) return "";
  return sheet.text(row, col).trim();
}
