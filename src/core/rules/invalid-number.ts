import {
  FUNDS_COLUMN_HEADS,
  FundsColumnSchema,
  type Field,
  type FundsColumn,
  type FundsRow,
} from "../forms/model";
import { excerpt, readNumber } from "./fields";
import type { Rule } from "./types";

type Kind = "amount" | "plain" | "rate";

/** How each funds column's text is judged: amounts may not carry a unit, rates may carry %. */
const FUNDS_COLUMN_KIND: Readonly<Record<FundsColumn, Kind>> = {
  initial: "amount",
  budget: "amount",
  executed: "amount",
  weight: "plain",
  rate: "rate",
  score: "plain",
};

/** Digits separated by white space inside one number: "12.142 988", "29.616\n9". */
const SPACE_INSIDE_NUMBER = /\d[.,]?\s+[.,]?\d/;

/**
 * Why the text cannot stand in this cell, or undefined when it is the number it should be.
 * Text that the engine can still read but a spreadsheet cannot compute with — a stray space inside
 * the digits, a unit typed into an amount cell — is reported too (domain.md §5): SUM and the
 * template formulas treat such a cell as text. Other rules still use the value read.
 */
function problem(field: Field, kind: Kind): string | undefined {
  const parsed = readNumber(field);
  if (!parsed.ok) return parsed.empty ? undefined : parsed.reason;
  const typedAsText = field.numeric === undefined;
  if (typedAsText && kind !== "rate" && SPACE_INSIDE_NUMBER.test(field.text)) {
    return `数字中间有空格，公式无法计算，应为 ${parsed.value}`;
  }
  if (parsed.unit === undefined) return undefined;
  if (kind === "rate") return parsed.unit === "%" ? undefined : `执行率不能带单位“${parsed.unit}”`;
  if (kind === "amount") {
    if (parsed.unit === "%") return "金额不能是百分数";
    return typedAsText
      ? `金额单元格带了单位“${parsed.unit}”，公式无法计算；本栏单位为万元`
      : undefined;
  }
  return `此处不能带单位“${parsed.unit}”`;
}

/** Numeric cells (amounts, weights, scores, printed rate) holding text that is not a number. */
export const invalidNumber: Rule = {
  meta: {
    id: "invalid-number",
    severity: "error",
    description: "金额、分值、得分、执行率等单元格应填写数字",
  },
  check({ form, report }) {
    const check = (field: Field | undefined, what: string, kind: Kind) => {
      if (field === undefined) return;
      const why = problem(field, kind);
      if (why === undefined) return;
      report({
        cell: field.address,
        message: `${what}应为数字，表中为“${excerpt(field.text.trim())}”（${why}）：请只填写数字，如 29.84`,
        actual: field.text,
      });
    };

    const funds = form.funds;
    const fundsRows: [FundsRow | undefined, string][] = [
      [funds?.total, "年度资金总额"],
      [funds?.appropriation, "当年财政拨款"],
      [funds?.carryover, "上年结转资金"],
      [funds?.other, "其他资金"],
    ];
    for (const [row, label] of fundsRows) {
      if (row === undefined) continue;
      for (const key of FundsColumnSchema.options) {
        check(row[key], `${label}的${FUNDS_COLUMN_HEADS[key]}`, FUNDS_COLUMN_KIND[key]);
      }
    }

    for (const row of form.indicators?.rows ?? []) {
      const name = excerpt(row.name.text.trim()) || `第 ${row.row} 行指标`;
      check(row.weight, `指标“${name}”的分值`, "plain");
      check(row.score, `指标“${name}”的得分`, "plain");
    }

    check(form.total?.weight, "总分的分值", "plain");
    check(form.total?.score, "总分的得分", "plain");
  },
};
