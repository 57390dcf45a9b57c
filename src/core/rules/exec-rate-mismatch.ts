import { acceptsPrintedRate } from "../scoring";
import { formatRate } from "../scoring";
import { readExecution, readPrintedRate } from "./execution";
import { formatNumber } from "./fields";
import type { Rule } from "./types";

/** The printed 执行率 must be 全年执行数 ÷ 全年预算数, rounded or truncated at its precision. */
export const execRateMismatch: Rule = {
  meta: {
    id: "exec-rate-mismatch",
    severity: "error",
    description: "执行率应等于全年执行数 ÷ 全年预算数",
  },
  check({ form, profile, report }) {
    const rateField = form.funds?.total?.rate;
    const execution = readExecution(form, profile);
    if (rateField === undefined || execution === undefined) return;
    const printed = readPrintedRate(rateField, execution.rate);
    if (printed === undefined) return;
    if (acceptsPrintedRate(execution.rates, printed)) return;
    // Many forms print an overspent rate capped at 100% (the score is capped there too); the
    // overspend itself is exec-overspend's warning, not a miscalculated rate.
    if (printed.value === 100 && execution.rates.hi > 1) return;
    const expected = formatRate(execution.rate, profile);
    const actual = `${printed.value.toFixed(printed.decimals)}%`;
    report({
      cell: rateField.address,
      message: `执行率应为 ${expected}（${formatNumber(execution.executed.value)} ÷ ${formatNumber(execution.budget.value)}），表中为 ${actual}：请按 全年执行数 ÷ 全年预算数 重新计算`,
      expected,
      actual,
    });
  },
};
