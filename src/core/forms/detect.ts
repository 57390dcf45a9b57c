import { rangeToA1, toA1, type SheetGrid } from "../grid";
import { fieldAt, nextValueRight, toField } from "./cells";
import { classifyLabel, normalizeLabel, type LabelKind } from "./labels";
import {
  FUNDS_COLUMNS,
  type Field,
  type Form,
  type FundsColumn,
  type FundsRow,
  type IndicatorRow,
} from "./model";

/**
 * Finds every 项目支出绩效自评表 on a sheet by its labels (domain.md §2) in one pass over the used
 * rows: each cell's text is normalised and classified once, then a small state machine per form
 * collects header, funds, goals, indicators, 总分 and 评分等级. Columns come from the head rows, so
 * forms may sit anywhere, merged or not, with optional rows and columns.
 */

interface LabelCell {
  col: number;
  kind: LabelKind;
  norm: string;
}

/** A head label's column span (a head merged over C:D reads values from C, else D). */
interface ColumnSpan {
  left: number;
  right: number;
}

const INDICATOR_COLUMNS = [
  "level1",
  "level2",
  "name",
  "target",
  "actual",
  "weight",
  "score",
  "explanation",
] as const;
type IndicatorColumn = (typeof INDICATOR_COLUMNS)[number];

type Phase = "header" | "funds" | "goals" | "indicators" | "after";

interface FormDraft {
  form: Form;
  /** A form found by 项目名称 alone counts only once a funds or indicator head follows. */
  confirmed: boolean;
  phase: Phase;
  top: number;
  bottom: number;
  left: number;
  right: number;
  yearRowsLeft: number;
  fundsCols?: Record<FundsColumn, ColumnSpan>;
  /** Funds columns the head lacks: read only where the implied column is not the row label's. */
  fundsMissing?: ReadonlySet<FundsColumn>;
  /** The funds block's 原因 column, when it has one. */
  fundsReason?: ColumnSpan;
  /** "元" once a `项目资金(元)` head was seen. */
  fundsUnit?: "元";
  indicatorCols?: Record<IndicatorColumn, ColumnSpan>;
  /** 指标性质 / 度量单位 columns of a target split over three columns. */
  natureCol?: ColumnSpan;
  unitCol?: ColumnSpan;
  /** True right after the indicator head: the next row may be its second head row. */
  subHeadAllowed: boolean;
  level1: string;
  level2: string;
}

export function detectForms(sheet: SheetGrid): Form[] {
  const forms: Form[] = [];
  let draft: FormDraft | undefined;

  const finish = () => {
    if (draft && draft.confirmed) {
      draft.form.range = rangeToA1({
        top: draft.top,
        left: draft.left,
        bottom: draft.bottom,
        right: draft.right,
      });
      forms.push(draft.form);
    }
    draft = undefined;
  };

  for (const row of sheet.usedRows()) {
    const cols = sheet.usedCols(row);
    const labels = labelsOf(sheet, row, cols);

    const title = labels.find((l) => l.kind === "title");
    if (title) {
      finish();
      // A bare title (a caption, a table of contents line) is not a form until a section follows.
      draft = openDraft(sheet, row, title.col, false);
      draft.form.title = fieldAt(sheet, row, title.col);
      draft.form.year = yearIn(title.norm);
      take(draft, row, cols);
      continue;
    }
    if (!draft && labels.length === 0) continue;

    if (draft && draft.form.year === undefined && draft.yearRowsLeft > 0) {
      draft.yearRowsLeft--;
      for (const col of cols) {
        const year = yearIn(normalizeLabel(sheet.text(row, col)));
        if (year) {
          draft.form.year = year;
          take(draft, row, cols);
          break;
        }
      }
    }
    if (labels.length === 0) {
      if (draft && (draft.phase === "indicators" || draft.phase === "goals")) {
        readUnlabelledRow(sheet, draft, row, cols);
      }
      continue;
    }

    const kinds = new Set(labels.map((l) => l.kind));
    const projectLabel = labels.find((l) => l.kind === "projectName");
    if (projectLabel) {
      const current: FormDraft | undefined = draft;
      if (!current || current.phase !== "header" || current.form.projectName !== undefined) {
        finish();
        draft = openDraft(sheet, row, projectLabel.col, false);
        // No title: the form's first cell stands in for it (missing-section points here).
        draft.form.title = { address: toA1(row, projectLabel.col), text: "" };
      }
    }
    if (!draft) continue;
    const d: FormDraft = draft;

    if (d.phase !== "after") {
      if (readHeaderLabels(sheet, d, row, labels)) take(d, row, cols);
      // A titled form is real once its 项目名称 shows; an untitled one needs a head row too.
      if (projectLabel && d.form.title.text !== "") d.confirmed = true;
    }

    const block = labels.find((l) => l.kind === "fundsBlock");
    if (block && isYuanBlock(block.norm)) d.fundsUnit = "元";

    if (d.phase === "indicators" && d.subHeadAllowed && isIndicatorSubHead(labels)) {
      readIndicatorSubHead(sheet, d, row, labels);
      take(d, row, cols);
      continue;
    }
    d.subHeadAllowed = false;

    if (isFundsHead(kinds)) {
      d.fundsCols = columnsOf(sheet, row, labels, FUNDS_COLUMNS);
      const missing = FUNDS_COLUMNS.filter((k) => !labels.some((l) => l.kind === k));
      d.form.funds = { headerRow: row };
      if (missing.length > 0) d.form.funds.missingColumns = missing;
      if (d.fundsUnit) d.form.funds.unit = d.fundsUnit;
      d.fundsMissing = new Set(missing);
      const reason = labels.find((l) => l.kind === "reason");
      d.fundsReason = reason ? spanOf(sheet, row, reason.col) : undefined;
      d.phase = "funds";
      d.confirmed = true;
      take(d, row, cols);
      continue;
    }

    if (d.phase === "funds" && d.fundsCols && d.form.funds) {
      const fundsLabel = labels.find((l) => FUNDS_ROW_KINDS.has(l.kind));
      if (fundsLabel) {
        const fundsRow = readFundsRow(sheet, row, fundsLabel.col, d);
        if (fundsLabel.kind === "fundsExtra") {
          d.form.funds.extra = [...(d.form.funds.extra ?? []), fundsRow];
        } else {
          const key = FUNDS_ROW_KEY[fundsLabel.kind as FundsRowKind];
          if (d.form.funds[key] === undefined) d.form.funds[key] = fundsRow;
          else d.form.funds.extra = [...(d.form.funds.extra ?? []), fundsRow];
        }
        take(d, row, cols);
        continue;
      }
    }

    if ((kinds.has("expected") || kinds.has("actualDone")) && !kinds.has("level1")) {
      d.form.goals = d.form.goals ?? {};
      for (const label of labels) {
        if (label.kind !== "expected" && label.kind !== "actualDone") continue;
        const below = (sheet.mergeAt(row, label.col)?.bottom ?? row) + 1;
        const value = fieldAt(sheet, below, label.col, true);
        if (label.kind === "expected") d.form.goals.expected = value;
        else d.form.goals.actual = value;
      }
      d.phase = "goals";
      take(d, row, cols);
      continue;
    }

    if (kinds.has("level1") && (kinds.has("level2") || kinds.has("name"))) {
      const level1 = labels.find((l) => l.kind === "level1") as LabelCell;
      d.indicatorCols = columnsOf(sheet, row, labels, INDICATOR_COLUMNS);
      const missing = (
        ["name", "target", "actual", "weight", "score", "explanation"] as const
      ).filter((k) => !labels.some((l) => l.kind === k));
      d.form.indicators = { headerRow: row, header: fieldAt(sheet, row, level1.col), rows: [] };
      if (missing.length > 0) d.form.indicators.missingColumns = [...missing];
      const nature = labels.find((l) => l.kind === "targetNature");
      const unit = labels.find((l) => l.kind === "unit");
      d.natureCol = nature ? spanOf(sheet, row, nature.col) : undefined;
      d.unitCol = unit ? spanOf(sheet, row, unit.col) : undefined;
      d.subHeadAllowed = true;
      d.phase = "indicators";
      d.confirmed = true;
      d.level1 = "";
      d.level2 = "";
      take(d, row, cols);
      continue;
    }

    // 合计 / 总计 may head other rows (a funds sum): only below the indicator table do they mean 总分.
    const totalLabel = labels.find(
      (l) => l.kind === "total" && (d.phase === "indicators" || !SOFT_TOTALS.has(l.norm)),
    );
    if (totalLabel && d.phase !== "after") {
      const spans = d.indicatorCols;
      d.form.total = {
        label: fieldAt(sheet, row, totalLabel.col),
        weight: spans
          ? valueIn(sheet, row, spans.weight)
          : nextValueRight(sheet, row, totalLabel.col),
        score: spans ? valueIn(sheet, row, spans.score) : undefined,
      };
      d.phase = "after";
      take(d, row, cols);
      continue;
    }

    const gradeLabel = labels.find((l) => l.kind === "grade");
    if (gradeLabel) {
      d.form.grade = {
        label: fieldAt(sheet, row, gradeLabel.col),
        value: valueRightOf(sheet, row, gradeLabel.col, labels),
      };
      d.phase = "after";
      take(d, row, cols);
      finish();
      continue;
    }

    if (d.phase === "indicators" || d.phase === "goals") readUnlabelledRow(sheet, d, row, cols);
  }
  finish();
  return forms;
}

const SOFT_TOTALS = new Set(["合计", "总计"]);

type FundsRowKind = "fundsTotal" | "appropriation" | "carryover" | "other";
const FUNDS_ROW_KINDS = new Set<LabelKind>([
  "fundsTotal",
  "appropriation",
  "carryover",
  "other",
  "fundsExtra",
]);
const FUNDS_ROW_KEY: Record<FundsRowKind, "total" | "appropriation" | "carryover" | "other"> = {
  fundsTotal: "total",
  appropriation: "appropriation",
  carryover: "carryover",
  other: "other",
};

function isFundsHead(kinds: Set<LabelKind>): boolean {
  let count = 0;
  if (kinds.has("initial")) count++;
  if (kinds.has("budget")) count++;
  if (kinds.has("executed")) count++;
  return count >= 2;
}

function openDraft(sheet: SheetGrid, row: number, col: number, confirmed: boolean): FormDraft {
  return {
    form: { sheet: sheet.name, range: "", title: { address: toA1(row, col), text: "" } },
    confirmed,
    phase: "header",
    top: row,
    bottom: row,
    left: col,
    right: col,
    yearRowsLeft: 3,
    subHeadAllowed: false,
    level1: "",
    level2: "",
  };
}

/** Extends the form's range over a row it used. */
function take(draft: FormDraft, row: number, cols: readonly number[]): void {
  if (row > draft.bottom) draft.bottom = row;
  if (cols.length > 0) {
    if (cols[0] < draft.left) draft.left = cols[0];
    if (cols[cols.length - 1] > draft.right) draft.right = cols[cols.length - 1];
  }
}

function labelsOf(sheet: SheetGrid, row: number, cols: readonly number[]): LabelCell[] {
  const labels: LabelCell[] = [];
  for (const col of cols) {
    const cell = sheet.cell(row, col);
    if (!cell || typeof cell.value !== "string") continue;
    const norm = normalizeLabel(cell.text);
    const kind = classifyLabel(norm);
    if (kind !== undefined) labels.push({ col, kind, norm });
  }
  return labels;
}

/** "(2023年度)" or "2023年度项目支出绩效自评表" → "2023". */
function yearIn(norm: string): string | undefined {
  const at = norm.indexOf("年度");
  if (at < 4) return undefined;
  const digits = norm.slice(at - 4, at);
  return /^(19|20)\d\d$/.test(digits) ? digits : undefined;
}

/** 项目名称 / 主管部门 / 实施单位 / 项目负责人 / 联系电话; true when the row had any. */
function readHeaderLabels(
  sheet: SheetGrid,
  draft: FormDraft,
  row: number,
  labels: readonly LabelCell[],
): boolean {
  let found = false;
  for (const label of labels) {
    const key = HEADER_KEYS[label.kind];
    if (key === undefined || draft.form[key] !== undefined) continue;
    draft.form[key] = valueRightOf(sheet, row, label.col, labels);
    found = true;
  }
  return found;
}

const HEADER_KEYS: Partial<
  Record<LabelKind, "projectName" | "department" | "implementer" | "leader" | "phone">
> = {
  projectName: "projectName",
  department: "department",
  implementer: "implementer",
  leader: "leader",
  phone: "phone",
};

/** Each head kind's column span; a kind the head lacks gets the column next to its neighbour. */
function columnsOf<K extends string>(
  sheet: SheetGrid,
  row: number,
  labels: readonly LabelCell[],
  keys: readonly K[],
): Record<K, ColumnSpan> {
  const spans = {} as Record<K, ColumnSpan>;
  const present: boolean[] = keys.map(() => false);
  keys.forEach((key, i) => {
    const label = labels.find((l) => l.kind === key);
    if (!label) return;
    const merge = sheet.mergeAt(row, label.col);
    spans[key] = { left: label.col, right: merge ? merge.right : label.col };
    present[i] = true;
  });
  const first = present.indexOf(true);
  if (first < 0) {
    keys.forEach((key, i) => (spans[key] = { left: i + 1, right: i + 1 }));
    return spans;
  }
  for (let i = first - 1; i >= 0; i--) {
    const col = Math.max(1, spans[keys[i + 1]].left - 1);
    spans[keys[i]] = { left: col, right: col };
  }
  for (let i = first + 1; i < keys.length; i++) {
    if (present[i]) continue;
    const col = spans[keys[i - 1]].right + 1;
    spans[keys[i]] = { left: col, right: col };
  }
  return spans;
}

/** The value under a head whose label may span several columns. */
function valueIn(sheet: SheetGrid, row: number, span: ColumnSpan, anyMerge = false): Field {
  const first = fieldAt(sheet, row, span.left, anyMerge);
  if (first.text !== "" || span.right === span.left) return first;
  for (let col = span.left + 1; col <= span.right; col++) {
    const cell = sheet.cell(row, col);
    if (cell && cell.text !== "") return toField(row, col, cell);
  }
  return first;
}

/** nextValueRight, stopping at the next label (主管部门 [empty] 实施单位 …). */
function valueRightOf(
  sheet: SheetGrid,
  row: number,
  col: number,
  labels: readonly LabelCell[],
): Field {
  return nextValueRight(sheet, row, col, (c) => labels.some((l) => l.col === c));
}

function readFundsRow(sheet: SheetGrid, row: number, labelCol: number, draft: FormDraft): FundsRow {
  const spans = draft.fundsCols as Record<FundsColumn, ColumnSpan>;
  const labelRight = sheet.mergeAt(row, labelCol)?.right ?? labelCol;
  /*
   * A column the head lacks is implied next to its neighbour; with no 年初 column that is the row
   * label itself, which must not be read as an amount, and in Sichuan's order (执行率 before 权重)
   * a missing 得分 would land on 权重. Such a column is an empty Field on the row label (the row
   * lacks it), so required-field still has a cell to point at.
   */
  const present = FUNDS_COLUMNS.filter((k) => !draft.fundsMissing?.has(k)).map((k) => spans[k]);
  if (draft.fundsReason) present.push(draft.fundsReason);
  const collides = (span: ColumnSpan) =>
    span.left <= labelRight ||
    present.some((other) => span.left <= other.right && other.left <= span.right);
  const value = (key: FundsColumn): Field => {
    const span = spans[key];
    if (draft.fundsMissing?.has(key) && collides(span)) {
      return { address: toA1(row, labelCol), text: "" };
    }
    return valueIn(sheet, row, span);
  };
  const fundsRow: FundsRow = {
    row,
    label: fieldAt(sheet, row, labelCol),
    initial: value("initial"),
    budget: value("budget"),
    executed: value("executed"),
    weight: value("weight"),
    rate: value("rate"),
    score: value("score"),
  };
  if (draft.fundsReason) fundsRow.reason = valueIn(sheet, row, draft.fundsReason, true);
  return fundsRow;
}

/** A row without labels: an indicator row inside the table, or the goals' text row. */
function readUnlabelledRow(
  sheet: SheetGrid,
  draft: FormDraft,
  row: number,
  cols: readonly number[],
): void {
  if (draft.phase === "goals") {
    take(draft, row, cols);
    return;
  }
  const spans = draft.indicatorCols;
  const indicators = draft.form.indicators;
  if (!spans || !indicators) return;
  draft.subHeadAllowed = false;
  const first = spans.level1.left;
  const last = Math.max(spans.explanation.right, spans.score.right);
  if (!cols.some((c) => c >= first && c <= last)) return;
  // A 小计 row inside the table sums a group: reading it as an indicator would count its weight twice.
  if (isSubtotalRow(sheet, row, spans)) {
    take(draft, row, cols);
    return;
  }

  if (isPlaceholderRow(sheet, row, spans)) {
    take(draft, row, cols);
    return;
  }

  const level1 = groupText(sheet, row, spans.level1.left);
  if (level1 !== "" && level1 !== draft.level1) {
    draft.level1 = level1;
    draft.level2 = "";
  }
  const level2 = groupText(sheet, row, spans.level2.left);
  if (level2 !== "") draft.level2 = level2;

  const indicator: IndicatorRow = {
    row,
    level1: draft.level1,
    level2: draft.level2,
    name: withoutNumbering(valueIn(sheet, row, spans.name)),
    target: composeTarget(
      draft.natureCol ? valueIn(sheet, row, draft.natureCol) : undefined,
      valueIn(sheet, row, spans.target),
      draft.unitCol ? valueIn(sheet, row, draft.unitCol) : undefined,
    ),
    actual: withUnit(
      valueIn(sheet, row, spans.actual),
      draft.unitCol ? valueIn(sheet, row, draft.unitCol) : undefined,
    ),
    weight: valueIn(sheet, row, spans.weight),
    score: valueIn(sheet, row, spans.score),
    explanation: valueIn(sheet, row, spans.explanation, true),
  };
  indicators.rows.push(indicator);
  take(draft, row, cols);
}

const SUBTOTAL_LABEL = /^(小计|合计|.{1,8}小计)$/;

function isSubtotalRow(
  sheet: SheetGrid,
  row: number,
  spans: Record<IndicatorColumn, ColumnSpan>,
): boolean {
  return [spans.level1, spans.level2, spans.name].some((span) =>
    SUBTOTAL_LABEL.test(normalizeLabel(sheet.text(row, span.left))),
  );
}

/** 一级 / 二级 text of a row: its own cell, or the top-left of the merge covering it. */
function groupText(sheet: SheetGrid, row: number, col: number): string {
  let text = sheet.text(row, col);
  if (text === "") {
    const merge = sheet.mergeAt(row, col);
    if (merge) text = sheet.text(merge.top, merge.left);
  }
  if (text === "") return "";
  return withoutPoints(normalizeLabel(text) || text.trim());
}

/** `项目资金(元)`, `资金情况(元)`: a funds block whose amounts are in 元. */
function isYuanBlock(norm: string): boolean {
  return norm.endsWith("(元)");
}

/** A head label's column span: its own column, or its merge's columns. */
function spanOf(sheet: SheetGrid, row: number, col: number): ColumnSpan {
  const merge = sheet.mergeAt(row, col);
  return { left: col, right: merge ? merge.right : col };
}

/** Kinds a second indicator head row carries (under 年度指标值: 指标性质 | 指标值 | 度量单位). */
const SUB_HEAD_KINDS = new Set<LabelKind>([
  "targetNature",
  "target",
  "unit",
  "actual",
  "weight",
  "score",
  "explanation",
  "name",
]);

function isIndicatorSubHead(labels: readonly LabelCell[]): boolean {
  return labels.length >= 2 && labels.every((l) => SUB_HEAD_KINDS.has(l.kind));
}

/** A second head row refines the columns the first one spanned (a 年度指标值 merged over three). */
function readIndicatorSubHead(
  sheet: SheetGrid,
  draft: FormDraft,
  row: number,
  labels: readonly LabelCell[],
): void {
  const spans = draft.indicatorCols;
  if (!spans) return;
  for (const label of labels) {
    const span = spanOf(sheet, row, label.col);
    if (label.kind === "targetNature") draft.natureCol = span;
    else if (label.kind === "unit") draft.unitCol = span;
    else spans[label.kind as IndicatorColumn] = span;
  }
  const indicators = draft.form.indicators;
  if (indicators?.missingColumns) {
    const missing = indicators.missingColumns.filter((k) => !labels.some((l) => l.kind === k));
    if (missing.length > 0) indicators.missingColumns = missing;
    else delete indicators.missingColumns;
  }
  draft.subHeadAllowed = false;
}

/** Text of a placeholder cell: `/`, `……` (a row left for more indicators), a dash. */
const PLACEHOLDER = /^(?:[/／\\]|…+|\.{3,}|[—–-]+)$/;

function isPlaceholderText(text: string): boolean {
  return PLACEHOLDER.test(text.replace(/\s+/g, ""));
}

/**
 * A placeholder row (三级指标 `/` or `……`) without a weight or score: not an indicator, so no rule
 * asks it for values. A placeholder name with a weight above 0 stays a row (and is checked).
 */
function isPlaceholderRow(
  sheet: SheetGrid,
  row: number,
  spans: Record<IndicatorColumn, ColumnSpan>,
): boolean {
  const name = valueIn(sheet, row, spans.name).text;
  if (!isPlaceholderText(name)) return false;
  const unweighted = (text: string) => {
    const compact = text.replace(/\s+/g, "");
    return compact === "" || compact === "0" || isPlaceholderText(compact);
  };
  return (
    unweighted(valueIn(sheet, row, spans.weight).text) &&
    unweighted(valueIn(sheet, row, spans.score).text)
  );
}

/** "指标1:" / "指标 2：" numbering in front of a 三级指标 name. */
const NUMBERING = /^\s*指标\s*\d+\s*[:：.、]\s*/;

function withoutNumbering(field: Field): Field {
  if (!NUMBERING.test(field.text)) return field;
  return { address: field.address, text: field.text.replace(NUMBERING, "") };
}

/** "产出指标(70分)" → "产出指标": group names carry their points in some layouts. */
function withoutPoints(name: string): string {
  return name.replace(/\((?:\d+(?:\.\d+)?)分?\)$/, "");
}

/** 指标性质 as typed → the comparator it writes in front of the value ("" for 定性 or none). */
const NATURE_SYMBOL: Record<string, string> = {
  "=": "=",
  "＝": "=",
  "﹦": "=",
  "≥": "≥",
  "≧": "≥",
  ">=": "≥",
  "＞＝": "≥",
  "≤": "≤",
  "≦": "≤",
  "<=": "≤",
  "＜＝": "≤",
  ">": ">",
  "＞": ">",
  "<": "<",
  "＜": "<",
};

/**
 * A target split over 指标性质 / 指标值 / 度量单位 as one Field at the 指标值 cell, so the value
 * grammar reads "≥" "95" "%" as "≥95%". An empty 指标值 stays empty (required-field asks there).
 */
function composeTarget(nature: Field | undefined, value: Field, unit: Field | undefined): Field {
  if (nature === undefined && unit === undefined) return value;
  if (value.text.trim() === "") return value;
  const symbol = NATURE_SYMBOL[(nature?.text ?? "").replace(/\s+/g, "")] ?? "";
  const withUnitText = withUnit(value, unit).text;
  if (symbol === "" && withUnitText === value.text) return value;
  return { address: value.address, text: symbol + withUnitText };
}

/** A bare number followed by the row's 度量单位 ("98" "%" → "98%"); other text as it is. */
function withUnit(field: Field, unit: Field | undefined): Field {
  const unitText = unit?.text.trim() ?? "";
  if (unitText === "" || isPlaceholderText(unitText)) return field;
  const text = field.text.trim();
  if (!/^[+-]?\d+(?:[.,]\d+)*$/.test(text)) return field;
  return { address: field.address, text: text + unitText };
}
