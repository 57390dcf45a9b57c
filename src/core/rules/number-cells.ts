import {
  FUNDS_COLUMN_HEADS,
  FUNDS_COLUMNS,
  type Field,
  type Form,
  type FundsColumn,
  type FundsRow,
} from "../forms/model";
import {
  excerpt,
  formatNumber,
  readAmount,
  readNumber,
  withoutSpaces,
  type BlockUnit,
} from "./fields";

/**
 * The cells of a form that must hold a number, and how their text reads: shared by invalid-number
 * (text that is no number) and number-as-text (text that is a number, but text), so the two rules
 * never disagree about a cell and never both report it.
 */

/** Amounts may carry a money unit, rates a %, weights and scores 分 ("10分"). */
export type NumberCellKind = "amount" | "plain" | "rate";

export interface NumberCell {
  field: Field;
  /** The cell in words for a message: "年度资金总额的全年预算数", "指标“…”的分值". */
  what: string;
  kind: NumberCellKind;
  /** The funds block's unit, for amounts. */
  blockUnit: BlockUnit;
}

/** How each funds column's text is judged. */
const FUNDS_COLUMN_KIND: Readonly<Record<FundsColumn, NumberCellKind>> = {
  initial: "amount",
  budget: "amount",
  executed: "amount",
  weight: "plain",
  rate: "rate",
  score: "plain",
};

/** Every cell of the form that must hold a number, in reading order. */
export function numberCells(form: Form): NumberCell[] {
  const cells: NumberCell[] = [];
  const funds = form.funds;
  const blockUnit = funds?.unit ?? "万元";
  const add = (field: Field | undefined, what: string, kind: NumberCellKind): void => {
    if (field !== undefined) cells.push({ field, what, kind, blockUnit });
  };
  const fundsRows: [FundsRow | undefined, string][] = [
    [funds?.total, "年度资金总额"],
    [funds?.appropriation, "当年财政拨款"],
    [funds?.carryover, "上年结转资金"],
    [funds?.other, "其他资金"],
    // Other provinces' rows (财政专户管理资金, 单位资金), named as printed.
    ...(funds?.extra ?? []).map((row): [FundsRow, string] => [
      row,
      excerpt(withoutSpaces(row.label.text)) || `第 ${row.row} 行`,
    ]),
  ];
  for (const [row, label] of fundsRows) {
    if (row === undefined) continue;
    for (const key of FUNDS_COLUMNS) {
      add(row[key], `${label}的${FUNDS_COLUMN_HEADS[key]}`, FUNDS_COLUMN_KIND[key]);
    }
  }
  for (const row of form.indicators?.rows ?? []) {
    const name = excerpt(row.name.text.trim()) || `第 ${row.row} 行指标`;
    add(row.weight, `指标“${name}”的分值`, "plain");
    add(row.score, `指标“${name}”的得分`, "plain");
  }
  add(form.total?.weight, "总分的分值", "plain");
  add(form.total?.score, "总分的得分", "plain");
  return cells;
}

/** What a number cell's content is. */
export type NumberCellReading =
  /** A stored number, empty, "—" or 不涉及: nothing to say. */
  | { status: "ok" }
  /**
   * Text the engine reads as a number: `why` it is text, `read` the value used as shown, `fix`
   * what to type instead.
   */
  | { status: "text"; why: string; read: string; fix: string }
  /** Text that cannot stand in this cell. */
  | { status: "invalid"; reason: string };

/** Digits separated by white space inside one number: "12.142 988", "29.616\n9". */
const SPACE_INSIDE_NUMBER = /\d[.,]?\s+[.,]?\d/;

/** A money unit an amount may be written with ("3.5万", "35000元"). */
const MONEY_UNIT = /^(?:元|千元|万元|万|亿元|亿)$/;

/** Reads one number cell: ok, a number held as text (with why), or not a number (with why). */
export function readNumberCell(
  field: Field,
  kind: NumberCellKind,
  blockUnit: BlockUnit = "万元",
): NumberCellReading {
  const parsed = readNumber(field);
  if (!parsed.ok)
    return parsed.empty ? { status: "ok" } : { status: "invalid", reason: parsed.reason };
  const unit = parsed.unit;
  // A unit that does not belong in the column is not a reading of the cell at all.
  if (kind === "amount" && unit !== undefined && !MONEY_UNIT.test(unit)) {
    return {
      status: "invalid",
      reason: unit === "%" ? "金额不能是百分数" : `金额不能带单位“${unit}”`,
    };
  }
  if (kind === "rate" && unit !== undefined && unit !== "%") {
    return { status: "invalid", reason: `执行率不能带单位“${unit}”` };
  }
  if (kind === "plain" && unit !== undefined && unit !== "分") {
    return { status: "invalid", reason: `此处不能带单位“${unit}”` };
  }
  // A stored number displayed through a format ("3.50万元", "99.04%") is a number already.
  if (field.numeric !== undefined) return { status: "ok" };
  return {
    status: "text",
    why: whyText(field.text, unit),
    read: shownValue(field, kind, blockUnit),
    fix: fixText(field, kind, blockUnit),
  };
}

function whyText(text: string, unit: string | undefined): string {
  if (SPACE_INSIDE_NUMBER.test(text)) return "数字中间有空格";
  if (unit === "%") return "百分数存为文本";
  if (unit !== undefined) return `带了单位“${unit}”`;
  return "数字存为文本";
}

/** The value the other rules use, as a message shows it: "3.5" (万元), "10", "99.04%". */
function shownValue(field: Field, kind: NumberCellKind, blockUnit: BlockUnit): string {
  const parsed = readNumber(field);
  if (!parsed.ok) return "";
  if (kind === "amount") {
    const amount = readAmount(field, blockUnit);
    return amount === undefined
      ? formatNumber(parsed.value)
      : `${formatNumber(amount.value)} ${blockUnit}`;
  }
  if (parsed.unit === "%") return `${formatNumber(parsed.value)}%`;
  return formatNumber(parsed.value);
}

/** What to type instead, as the cell's own unit has it: "12.142988", "1（设为百分比格式）". */
function fixText(field: Field, kind: NumberCellKind, blockUnit: BlockUnit): string {
  const parsed = readNumber(field);
  if (!parsed.ok) return "";
  if (parsed.unit === "%") {
    return `请改为数字 ${formatNumber(parsed.value / 100, 8)} 并设为百分比格式`;
  }
  if (kind === "amount") {
    const amount = readAmount(field, blockUnit);
    if (amount !== undefined) {
      const inBlockUnit =
        parsed.unit === undefined ||
        parsed.unit === blockUnit ||
        (blockUnit === "万元" && parsed.unit === "万");
      return `请改为数字 ${formatNumber(amount.value, 8)}${inBlockUnit ? "" : `（本栏单位为${blockUnit}）`}`;
    }
  }
  return `请改为数字 ${formatNumber(parsed.value, 8)}`;
}
