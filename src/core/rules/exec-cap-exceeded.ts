import { totalCap } from "../scoring";
import { formatRate } from "../scoring";
import { computedTotal, readExecution } from "./execution";
import { formatNumber, printedNumber } from "./fields";
import type { Rule } from "./types";

/** Profiles that cap the total by execution rate (an 一体化 platform's rule; none in national). */
export const execCapExceeded: Rule = {
  meta: {
    id: "exec-cap-exceeded",
    severity: "error",
    description: "评分方案按预算执行率限定总分上限时，总分不应超过上限",
  },
  check({ form, profile, report }) {
    if (form.total === undefined) return;
    const execution = readExecution(form, profile);
    if (execution === undefined) return;
    const cap = totalCap(execution.rate, profile);
    if (cap === undefined) return;
    const total = printedNumber(form.total.score)?.value ?? computedTotal(form, execution)?.total;
    if (total === undefined || !(total > cap)) return;
    report({
      cell: form.total.score?.address ?? form.total.label.address,
      message: `预算执行率 ${formatRate(execution.rate, profile)} 时，按“${profile.label}”总分最高为 ${formatNumber(cap)}，表中总分为 ${formatNumber(total)}：请按上限调整总分`,
      expected: `≤ ${formatNumber(cap)}`,
      actual: formatNumber(total),
    });
  },
};
