import { FUNDS_COLUMN_HEADS } from "../forms/model";
import type { PrintedNumber } from "../scoring";
import { sumScores } from "../scoring";
import { formatNumber, isEmptyNumber, readAmount } from "./fields";
import type { Rule } from "./types";

const AMOUNT_COLUMNS = ["initial", "budget", "executed"] as const;

function halfUnit(printed: PrintedNumber): number {
  return 0.5 * 10 ** -printed.decimals;
}

/** 年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金, column by column. */
export const fundsSumMismatch: Rule = {
  meta: {
    id: "funds-sum-mismatch",
    severity: "warning",
    description: "年度资金总额应等于当年财政拨款、上年结转资金、其他资金之和",
  },
  check({ form, report }) {
    const funds = form.funds;
    const total = funds?.total;
    if (funds === undefined || total === undefined) return;
    // Rows beyond the national three (Sichuan's 财政专户管理资金, 单位资金) are part of the total too.
    const breakdown = [funds.appropriation, funds.carryover, funds.other, ...(funds.extra ?? [])];
    const named = funds.extra?.length ? "各项资金" : "当年财政拨款 + 上年结转资金 + 其他资金";

    for (const key of AMOUNT_COLUMNS) {
      const column = FUNDS_COLUMN_HEADS[key];
      const totalField = total[key];
      const printedTotal = readAmount(totalField, funds.unit);
      if (totalField === undefined || printedTotal === undefined) continue;
      const parts: PrintedNumber[] = [];
      let unreadable = false;
      for (const row of breakdown) {
        const field = row?.[key];
        const amount = readAmount(field, funds.unit);
        if (amount !== undefined) parts.push(amount);
        else if (!isEmptyNumber(field)) unreadable = true;
      }
      // Only a filled breakdown can disagree; text that is not a number is invalid-number's.
      if (unreadable || parts.length === 0) continue;
      const sum = sumScores(parts.map((part) => part.value));
      // Each printed amount may be off by half a unit of its own precision.
      const tolerance =
        [printedTotal, ...parts].reduce((acc, part) => acc + halfUnit(part), 0) + 1e-9;
      if (Math.abs(sum - printedTotal.value) <= tolerance) continue;
      const shown = breakdown
        .map((row) => {
          const amount = readAmount(row?.[key], funds.unit);
          return amount === undefined ? "0" : formatNumber(amount.value);
        })
        .join(" + ");
      report({
        cell: totalField.address,
        message: `年度资金总额的${column}为 ${formatNumber(printedTotal.value)}，但${named} = ${formatNumber(sum)}（${shown}）：请核对资金构成`,
        expected: formatNumber(sum),
        actual: formatNumber(printedTotal.value),
      });
    }
  },
};
