import ExcelJS from "exceljs";
import {
  goldenEntries,
  layoutForm,
  layoutProvince,
  parseA1,
  type FormData,
  type GoldenEntry,
  type PlacedForm,
  type ProvinceStyle,
} from "../../scripts/fixture-layouts.mjs";

/**
 * Lays seed forms out the way unseen workbooks vary (robustness.test.ts): how numbers and rates
 * are stored, how labels are retyped, merges, gaps between stacked forms, missing title or 评分等级,
 * offsets, sheet names. Cell perturbations keep every field at the address layoutForm gave it, so
 * the findings of a variant can be compared cell by cell with the plain layout of the same data.
 */

export type Layout = "beijing" | "shanghai";

export interface Variation {
  name: string;
  /** Top-left of the first form on each sheet. Default A1. */
  origin?: string;
  /** Stack all forms in one sheet with this many blank rows between them (Shanghai style). */
  stackGap?: number;
  /** Numbers in numeric cells: typed as text ("30", "1,663.27") or stored as numbers with a format. */
  numbers?: "text" | "number";
  /** Amounts of 1,000 or more shown with thousands separators. */
  grouped?: boolean;
  /** How the printed 执行率 is stored. */
  rate?: "fraction-pct-format" | "text-pct" | "number-2dp" | "fraction-general";
  /**
   * Labels retyped: "retyped" adds spaces, line breaks, full-width/half-width colons and brackets;
   * "annotated" uses the national template's heads (全年预算数（A）, 执行率（B/A）, 年度指标值（A）).
   */
  relabel?: "retyped" | "annotated";
  /** Empty columns inserted (Excel's insert: merges across them widen), by offset from the form's left. */
  insertColumns?: number[];
  /** Data: amounts of the funds block typed with a unit ("30万"), which number-as-text reports. */
  amountUnits?: boolean;
  /** Every merge undone (values stay in the top-left cell, the rest blank). */
  unmerge?: boolean;
  /** 一级 / 二级 merged vertically over their group (Beijing does, Shanghai leaves blanks). */
  mergeGroups?: boolean;
  /** Title and year rows blank: the form starts at 项目名称. */
  noTitle?: boolean;
  /** 评分等级 value merged across the rest of its row. */
  gradeMerged?: boolean;
  /** 评分等级 row removed. */
  gradeAbsent?: boolean;
  /** 评分等级 written in words (优秀 / 良好). */
  gradeWords?: boolean;
  /** Sheet names with spaces, and a hidden sheet in front. */
  sheetNames?: boolean;
  /** Data: the funds block loses its 得分 column (reported as required-field). */
  dropFundsScore?: boolean;
  /** Data: 不涉及 rows filled with 不涉及 / 0 instead of blanks. */
  notApplicableFilled?: boolean;
}

export interface BuiltVariation {
  workbook: ExcelJS.Workbook;
  golden: GoldenEntry[];
  placed: Array<{ form: FormData; placed: PlacedForm }>;
}

const NUMERIC_PATH = /^(funds\.\w+\.(initial|budget|executed|weight|score)|total\.(weight|score))$/;
const INDICATOR_NUMERIC = /^indicators\[\d+\]\.(weight|score|target|actual)$/;
const AMOUNT_PATH = /^funds\.\w+\.(initial|budget|executed)$/;
const RATE_PATH = /^funds\.\w+\.rate$/;
const PLAIN = /^-?\d+(\.\d+)?$/;
const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** Label text as seeds print it → as people retype it (one variant each). */
const RELABEL: Record<string, string> = {
  项目名称: "项目名称：",
  主管部门: "主管部门:",
  实施单位: "实施 单位",
  项目负责人: "项目\n负责人",
  联系电话: "联系电话：",
  "项目资金（万元）": "项目资金\n(万元)",
  年初预算数: "年初预\n算数",
  全年预算数: "全年预\n算数",
  全年执行数: "全年\n执行数",
  分值: "分\n值",
  分数: "分 数",
  执行率: "执行率（%）",
  "执行率(%)": "执行率\n（%）",
  得分: "得\n分",
  年度资金总额: "年度资金总额：",
  "年度资金总额:": "年度资金总额",
  "其中：当年财政拨款": "其中: 当年财政\n拨款",
  上年结转资金: "上年结转\n资金",
  其他资金: "其他 资金",
  年度总体目标: "年\n度\n总\n体\n目\n标",
  预期目标: "预期 目标",
  实际完成情况: "实际完成\n情况",
  绩效指标: "绩\n效\n指\n标",
  一级指标: "一级指\n标",
  二级指标: "二级 指标",
  三级指标: "三级\n指标",
  年度指标值: "年度\n指标值",
  实际完成值: "实际\n完成值",
  偏差原因分析及改进措施: "偏差原因分\n析及改进\n措施",
  总分: "总  分",
  评分等级: "评分等级：",
  产出指标: "产出指\n标",
  效益指标: "效益 指标",
  满意度指标: "满意度\n指标",
};

/** The heads of the 财预〔2020〕10号 national template. */
const ANNOTATED: Record<string, string> = {
  全年预算数: "全年预算数（A）",
  全年执行数: "全年执行数（B）",
  执行率: "执行率（B/A）",
  "执行率(%)": "执行率(B/A)",
  年度指标值: "年度指标值（A）",
  实际完成值: "实际完成值（B）",
  "项目资金（万元）": "项目资金（万元）",
};

const GRADE_WORDS: Record<string, string> = { 优: "优秀", 良: "良好", 中: "中等", 差: "较差" };

function decimalsOf(text: string): number {
  return (text.split(".")[1] ?? "").length;
}

function fixedFormat(decimals: number, grouped: boolean): string {
  const body = decimals > 0 ? `0.${"0".repeat(decimals)}` : "0";
  return grouped ? `#,##${body === "0" ? "0" : "0" + body.slice(1)}` : body;
}

function groupDigits(text: string): string {
  const [int, frac] = text.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = int.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return sign + digits + (frac !== undefined ? `.${frac}` : "");
}

/** The form data a variation lays out, with `expected` adjusted to what it must then report. */
export function transformForm(form: FormData, v: Variation): FormData {
  const f = structuredClone(form);
  if (v.dropFundsScore && f.funds.hasScoreColumn !== false) {
    const touchesScore = f.expected.some((e) =>
      ["exec-score-mismatch", "exec-rate-mismatch", "total-mismatch"].includes(e.rule),
    );
    if (!touchesScore) {
      f.funds.hasScoreColumn = false;
      f.expected = f.expected.filter((e) => e.at !== "funds.total.score");
      f.expected.push({
        rule: "required-field",
        severity: "error",
        at: "funds.total.score",
        why: "variation: no 得分 column in the funds block",
      });
    }
  }
  if (v.notApplicableFilled) {
    for (const ind of f.indicators) {
      if (
        ind.name.replace(/\s/g, "").startsWith("不涉及") &&
        ind.weight === "" &&
        ind.score === ""
      ) {
        ind.target = "不涉及";
        ind.actual = "不涉及";
        ind.weight = "0";
        ind.score = "0";
      }
    }
  }
  if (v.rate !== undefined && v.rate !== "text-pct") {
    // The printed rate is stored as a number: no longer a number held as text.
    f.expected = f.expected.filter(
      (e) => !(e.rule === "number-as-text" && /^funds\.\w+\.rate$/.test(e.at)),
    );
  }
  if (v.amountUnits) {
    for (const key of ["total", "appropriation"] as const) {
      const row = f.funds[key];
      if (!row) continue;
      for (const field of ["initial", "budget", "executed"] as const) {
        const text = row[field] ?? "";
        if (!PLAIN.test(text)) continue;
        row[field] = `${text}万`;
        const at = `funds.${key}.${field}`;
        // Readable, so a warning (issue 9): the amount is used, formulas cannot add it.
        f.expected = f.expected.filter((e) => !(e.rule === "number-as-text" && e.at === at));
        f.expected.push({ rule: "number-as-text", severity: "warning", at, why: "unit in amount" });
      }
    }
  }
  if (v.gradeAbsent) {
    f.grade = null;
    f.expected = f.expected.filter((e) => e.at !== "grade");
  }
  if (v.gradeWords && f.grade) f.grade = GRADE_WORDS[f.grade] ?? f.grade;
  return f;
}

/** Lays out `forms` (already transformed) with the variation's layout and cell perturbations. */
export function buildVariation(forms: FormData[], layout: Layout, v: Variation): BuiltVariation {
  const workbook = new ExcelJS.Workbook();
  const golden: GoldenEntry[] = [];
  const placedForms: BuiltVariation["placed"] = [];
  if (v.sheetNames) {
    const hidden = workbook.addWorksheet("说明 (隐藏)");
    hidden.state = "hidden";
    hidden.getCell("A1").value = "填表说明：金额单位为万元";
  }
  const origin = parseA1(v.origin ?? "A1");
  let stacked: ExcelJS.Worksheet | undefined;
  let nextRow = origin.row;
  forms.forEach((form, i) => {
    let ws: ExcelJS.Worksheet;
    let at: string;
    if (v.stackGap !== undefined) {
      stacked = stacked ?? workbook.addWorksheet(v.sheetNames ? "项目 自评 汇总" : "Sheet1");
      ws = stacked;
      at = `${colLetters(origin.col)}${nextRow}`;
    } else {
      ws = workbook.addWorksheet(v.sheetNames ? `表 ${i + 1} 自评` : `F${i + 1}`);
      at = v.origin ?? "A1";
    }
    let placed: PlacedForm;
    if (v.insertColumns?.length) {
      const scratch = new ExcelJS.Workbook().addWorksheet(ws.name);
      const raw = layoutForm(scratch, form, { layout, origin: at });
      perturb(scratch, form, raw, layout, v);
      const { col: left } = parseA1(raw.cells.title);
      placed = copyWithColumns(
        scratch,
        ws,
        raw,
        v.insertColumns.map((k) => left + k),
      );
    } else {
      placed = layoutForm(ws, form, { layout, origin: at });
      perturb(ws, form, placed, layout, v);
    }
    golden.push(...goldenEntries(form, adjustedCells(placed, v)));
    placedForms.push({ form, placed });
    nextRow = placed.lastRow + 1 + (v.stackGap ?? 0);
  });
  return { workbook, golden, placed: placedForms };
}

function colLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** With no title, a finding about the title sits on the form's first cell (its 项目名称 label). */
function adjustedCells(placed: PlacedForm, v: Variation): PlacedForm {
  if (!v.noTitle) return placed;
  const { row, col } = parseA1(placed.cells.title);
  return { ...placed, cells: { ...placed.cells, title: `${colLetters(col)}${row + 2}` } };
}

function perturb(
  ws: ExcelJS.Worksheet,
  form: FormData,
  placed: PlacedForm,
  layout: Layout,
  v: Variation,
): void {
  const printed = printedTexts(form);
  for (const [path, address] of Object.entries(placed.cells)) {
    const text = printed.get(path);
    if (text === undefined || text === "") continue;
    const cell = ws.getCell(address);
    if (v.rate && RATE_PATH.test(path)) storeRate(cell, text, v.rate);
    else if ((v.numbers || v.grouped) && (NUMERIC_PATH.test(path) || INDICATOR_NUMERIC.test(path)))
      storeNumber(cell, text, v, AMOUNT_PATH.test(path), layout);
  }

  const top = placed.firstRow;
  const { col: left } = parseA1(placed.cells.title);
  const width = layout === "beijing" ? 9 : 8;
  const merges = mergesIn(ws, top, placed.lastRow, left, left + width - 1);

  if (v.mergeGroups && layout === "shanghai") mergeIndicatorGroups(ws, form, placed);
  if (v.gradeMerged && placed.cells.grade) {
    const { row, col } = parseA1(placed.cells.grade);
    ws.mergeCells(row, col, row, left + width - 1);
  }
  if (v.unmerge) for (const range of merges) ws.unMergeCells(range);
  if (v.noTitle) {
    for (const row of [top, top + 1]) {
      for (const range of mergesIn(ws, row, row, left, left + width - 1)) ws.unMergeCells(range);
      for (let c = left; c < left + width; c++) ws.getCell(row, c).value = null;
    }
  }
  if (v.relabel) {
    for (let r = top; r <= placed.lastRow; r++) {
      for (let c = left; c < left + width; c++) {
        const cell = ws.getCell(r, c);
        if (cell.isMerged && cell.master !== cell) continue;
        if (typeof cell.value !== "string") continue;
        const replaced =
          v.relabel === "annotated" ? (ANNOTATED[cell.value] ?? cell.value) : relabel(cell.value);
        if (replaced !== cell.value) cell.value = replaced;
      }
    }
  }
}

function relabel(text: string): string {
  if (RELABEL[text] !== undefined) return RELABEL[text];
  const year = /^[（(]\s*(\d{4})\s*年度\s*[)）]$/.exec(text);
  if (year) return text.startsWith("（") ? `(${year[1]} 年度)` : `（${year[1]}年度）`;
  if (text === "项目支出绩效自评表") return "项目支出绩效自评表 ";
  if (text === "财政项目支出绩效自评表") return "财政项目支出绩效\n自评表";
  return text;
}

/** Paths whose printed text the variation may restore differently. */
function printedTexts(form: FormData): Map<string, string> {
  const out = new Map<string, string>();
  for (const key of ["total", "appropriation", "carryover", "other"] as const) {
    const row = form.funds[key];
    if (!row) continue;
    for (const [field, text] of Object.entries(row)) out.set(`funds.${key}.${field}`, text ?? "");
  }
  form.indicators.forEach((ind, i) => {
    for (const field of ["target", "actual", "weight", "score"] as const)
      out.set(`indicators[${i}].${field}`, ind[field]);
  });
  out.set("total.weight", form.total.weight);
  out.set("total.score", form.total.score);
  return out;
}

function storeNumber(
  cell: ExcelJS.Cell,
  text: string,
  v: Variation,
  isAmount: boolean,
  layout: Layout,
): void {
  const grouped = GROUPED.test(text);
  if (!grouped && !PLAIN.test(text)) return;
  const value = Number(text.replace(/,/g, ""));
  const group = grouped || (v.grouped === true && isAmount && Math.abs(value) >= 1000);
  const mode = v.numbers ?? (layout === "beijing" ? "text" : "number");
  if (mode === "text") {
    cell.value = group ? groupDigits(text.replace(/,/g, "")) : text;
    cell.numFmt = "@";
  } else {
    cell.value = value;
    cell.numFmt = fixedFormat(decimalsOf(text), group);
  }
}

function storeRate(cell: ExcelJS.Cell, text: string, mode: NonNullable<Variation["rate"]>): void {
  const body = text.trim().replace(/[%％]$/, "");
  if (!PLAIN.test(body)) return;
  const percent = Number(body);
  const d = decimalsOf(body);
  const fraction = Number((percent / 100).toPrecision(12));
  switch (mode) {
    case "fraction-pct-format":
      cell.value = fraction;
      cell.numFmt = d > 0 ? `0.${"0".repeat(d)}%` : "0%";
      break;
    case "text-pct":
      cell.value = `${body}%`;
      cell.numFmt = "@";
      break;
    case "number-2dp":
      cell.value = percent;
      cell.numFmt = fixedFormat(d, false);
      break;
    case "fraction-general":
      cell.value = fraction;
      cell.numFmt = "General";
      break;
  }
}

function mergesIn(
  ws: ExcelJS.Worksheet,
  top: number,
  bottom: number,
  left: number,
  right: number,
): string[] {
  const model = ws.model as unknown as { merges?: string[] };
  return (model.merges ?? []).filter((range) => {
    const [a, b] = range.split(":");
    const p = parseA1(a);
    const q = parseA1(b ?? a);
    return p.row >= top && q.row <= bottom && p.col >= left && q.col <= right;
  });
}

/** Beijing-style vertical merges of 一级 / 二级 groups, on a layout that printed them once. */
function mergeIndicatorGroups(ws: ExcelJS.Worksheet, form: FormData, placed: PlacedForm): void {
  const rows = form.indicators.map((_, i) => parseA1(placed.cells[`indicators[${i}].name`]));
  const mergeRuns = (key: (i: number) => string, col: number) => {
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      if (i === rows.length || key(i) !== key(start)) {
        if (i - 1 > start) ws.mergeCells(rows[start].row, col, rows[i - 1].row, col);
        start = i;
      }
    }
  };
  if (rows.length === 0) return;
  const nameCol = rows[0].col;
  mergeRuns((i) => form.indicators[i].level1, nameCol - 2);
  mergeRuns((i) => `${form.indicators[i].level1}\u0000${form.indicators[i].level2}`, nameCol - 1);
}

/**
 * Copies a laid-out form into `dst` with empty columns inserted before the given source columns,
 * as Excel's "insert column" does: cells right of an insertion move right, merges across it widen.
 */
function copyWithColumns(
  src: ExcelJS.Worksheet,
  dst: ExcelJS.Worksheet,
  placed: PlacedForm,
  insertBefore: number[],
): PlacedForm {
  const shift = (col: number) => col + insertBefore.filter((k) => k <= col).length;
  const model = src.model as unknown as { merges?: string[] };
  const merges = [...(model.merges ?? [])];
  for (const range of merges) src.unMergeCells(range);
  src.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const target = dst.getCell(r, shift(c));
      target.value = cell.value;
      if (cell.numFmt) target.numFmt = cell.numFmt;
    });
  });
  for (const range of merges) {
    const [a, b] = range.split(":");
    const p = parseA1(a);
    const q = parseA1(b ?? a);
    // A merge widens when an insertion falls strictly inside it.
    const right = q.col + insertBefore.filter((k) => k > p.col && k <= q.col).length;
    dst.mergeCells(p.row, shift(p.col), q.row, shift(p.col) + (right - p.col));
  }
  const cells: Record<string, string> = {};
  for (const [path, address] of Object.entries(placed.cells)) {
    const { row, col } = parseA1(address);
    cells[path] = `${colLetters(shift(col))}${row}`;
  }
  return { ...placed, sheet: dst.name, cells };
}

/** One of the other provinces' layouts (domain.md §2), plain or stacked on one sheet. */
export interface ProvinceVariation {
  name: string;
  style: ProvinceStyle;
  /** Every form on one sheet from this cell down, one blank row between forms. */
  stackedAt?: string;
}

/**
 * Lays `forms` out in a province's layout (layoutProvince) or, with style "beijing", in the plain
 * Beijing layout: the reference a province layout's findings are compared with field by field.
 */
export function buildProvinceVariation(
  forms: FormData[],
  v: ProvinceVariation | { name: string; style: "beijing"; stackedAt?: string },
): BuiltVariation {
  const workbook = new ExcelJS.Workbook();
  const golden: GoldenEntry[] = [];
  const placedForms: BuiltVariation["placed"] = [];
  let stacked: ExcelJS.Worksheet | undefined;
  let nextRow = v.stackedAt ? parseA1(v.stackedAt).row : 1;
  const col = v.stackedAt ? colLetters(parseA1(v.stackedAt).col) : "A";
  forms.forEach((form, i) => {
    const ws = v.stackedAt
      ? (stacked = stacked ?? workbook.addWorksheet("汇总"))
      : workbook.addWorksheet(`F${i + 1}`);
    const origin = v.stackedAt ? `${col}${nextRow}` : "A1";
    const placed =
      v.style === "beijing"
        ? layoutForm(ws, form, { layout: "beijing", origin })
        : layoutProvince(ws, form, { style: v.style, origin });
    golden.push(...goldenEntries(form, placed));
    placedForms.push({ form, placed });
    nextRow = placed.lastRow + 2;
  });
  return { workbook, golden, placed: placedForms };
}

/**
 * A finding as "<form id> <rule> <field path>": the same on every layout of the same data, so a
 * province layout can be compared with the Beijing one. A cell no field path names keeps its
 * address (and then shows up as a difference).
 */
export function fieldKey(
  finding: { rule: string; sheet: string; cell: string },
  placed: BuiltVariation["placed"],
): string {
  const { row } = parseA1(finding.cell);
  const owner = placed.find(
    (p) => p.placed.sheet === finding.sheet && row >= p.placed.firstRow && row <= p.placed.lastRow,
  );
  if (!owner) return `? ${finding.rule} ${finding.sheet}!${finding.cell}`;
  // A row label may stand for a column the layout lacks (its cell is both): the column is meant.
  const paths = Object.entries(owner.placed.cells)
    .filter(([, at]) => at === finding.cell)
    .map(([p]) => p);
  const path = paths.find((p) => !p.endsWith(".label")) ?? paths[0];
  return `${owner.form.id} ${finding.rule} ${path ?? `?${finding.cell}`}`;
}
