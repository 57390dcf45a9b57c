import { formatRate } from "../scoring";
import { readExecution, readPrintedRate } from "./execution";
import { explanationGap } from "./explanation";
import { formatPercent } from "./fields";
import type { Rule } from "./types";

/**
 * Words in the overall 实际完成情况 that suggest the low rate was already explained. They only
 * change the wording: the finding is always reported, because the form has no cell of its own for
 * the reason and a reviewer must confirm it (domain.md §4).
 */
const REASON_GIVEN = /执行率|结余|未支付|未执行|未使用|尚未|延期|原因/;

/** A rate below the profile's line needs a reason; the form has no cell for it but the goals text. */
export const execRateLow: Rule = {
  meta: {
    id: "exec-rate-low",
    severity: "warning",
    description: "预算执行率低于评分方案的要求时，应说明原因",
  },
  check({ form, profile, report }) {
    const total = form.funds?.total;
    if (total === undefined) return;
    const execution = readExecution(form, profile);
    // Without amounts the printed rate is the best knowledge of the rate.
    const rate = execution?.rate ?? percentToRate(readPrintedRate(total.rate)?.value);
    if (rate === undefined || !(rate < profile.lowExecutionThreshold)) return;
    // "暂无" or a template's "请说明执行率偏低的原因" left in place mentions no reason.
    const goalsText = form.goals?.actual;
    const reasonLikely =
      explanationGap(goalsText) === undefined && REASON_GIVEN.test(goalsText?.text ?? "");
    const cell = total.rate?.address ?? total.executed?.address ?? total.label.address;
    const threshold = formatPercent(profile.lowExecutionThreshold);
    report({
      cell,
      message: reasonLikely
        ? `预算执行率 ${formatRate(rate, profile)}，低于 ${threshold}：“实际完成情况”中似有说明，请确认已写明执行率偏低的原因及改进措施`
        : `预算执行率 ${formatRate(rate, profile)}，低于 ${threshold}：请在“年度总体目标 实际完成情况”或备注中说明执行率偏低的原因及改进措施`,
      expected: `≥ ${threshold}`,
      actual: formatRate(rate, profile),
    });
  },
};

function percentToRate(percent: number | undefined): number | undefined {
  return percent === undefined ? undefined : percent / 100;
}
