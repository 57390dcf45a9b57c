import type { DepartmentRow } from "../../forms/department";
import { formatNumber, readNumber } from "../fields";
import { valueOf } from "./cells";
import type { DepartmentRule } from "./types";

/**
 * Where seed 002's 参考评分标准 is a formula or a set of tiers and the table gives the figure (the
 * template's 评分辅助计算 rows), the 自评得分 must be what the standard gives:
 * - 政府采购执行情况: 执行率 × 1分 (0 above the plan) plus up to 1 分 judged for the policy part;
 * - 固定资产利用率: ≥90% → 1, ≥75% → 0.7, ≥60% → 0.4, else 0;
 * - 编外人员控制率: <5% → 1, 5%–10% → 0.5, >10% → 0;
 * - 公众或服务对象满意度: ≥95% → 6, ≥90% → 4, ≥80% → 2, else 1.
 */
interface Standard {
  indicator: string;
  helper: string;
  /** The range of scores the standard allows for a ratio. */
  allowed(ratio: number): { min: number; max: number; says: string };
}

const round2 = (value: number) => Math.round(value * 100 + 1e-9) / 100;
const tier = (score: number, says: string) => ({ min: score, max: score, says });

const STANDARDS: readonly Standard[] = [
  {
    indicator: "政府采购执行情况",
    helper: "政府采购执行率",
    allowed(ratio) {
      const part = ratio > 1 ? 0 : round2(ratio);
      return {
        min: part,
        max: part + 1,
        says: `执行率得分 ${formatNumber(part)} 分${ratio > 1 ? "（实际采购大于计划，得 0 分）" : ""}，加政策落实最多 1 分`,
      };
    },
  },
  {
    indicator: "固定资产利用率",
    helper: "固定资产利用率",
    allowed: (r) =>
      r >= 0.9
        ? tier(1, "≥90% 得 1 分")
        : r >= 0.75
          ? tier(0.7, "75%–90% 得 0.7 分")
          : r >= 0.6
            ? tier(0.4, "60%–75% 得 0.4 分")
            : tier(0, "<60% 得 0 分"),
  },
  {
    indicator: "编外人员控制率",
    helper: "编外人员控制率",
    allowed: (r) =>
      r < 0.05
        ? tier(1, "<5% 得 1 分")
        : r <= 0.1
          ? tier(0.5, "5%–10% 得 0.5 分")
          : tier(0, ">10% 得 0 分"),
  },
  {
    indicator: "公众或服务对象满意度",
    helper: "公众或服务对象满意度",
    allowed: (r) =>
      r >= 0.95
        ? tier(6, "≥95% 得 6 分")
        : r >= 0.9
          ? tier(4, "90%–95% 得 4 分")
          : r >= 0.8
            ? tier(2, "80%–90% 得 2 分")
            : tier(1, "<80% 得 1 分"),
  },
];

/** A ratio as a fraction: a stored 0.95 (shown 95.00%), or text "95%". */
function ratioOf(field: { text: string; numeric?: number } | undefined): number | undefined {
  if (field === undefined || field.text.trim() === "") return undefined;
  const parsed = readNumber(field as { address: string; text: string; numeric?: number });
  if (parsed.ok && parsed.unit === "%") return round6(parsed.value / 100);
  if (field.numeric !== undefined) return round6(field.numeric);
  return undefined;
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

export const departmentScoreInconsistent: DepartmentRule = {
  meta: {
    id: "score-inconsistent",
    severity: "warning",
    description:
      "参考评分标准可计算的指标（政府采购执行率、固定资产利用率、编外人员控制率、满意度），自评得分应与标准相符",
  },
  check({ form, report }) {
    for (const standard of STANDARDS) {
      const ratio = ratioOf(form.ratios[standard.helper]);
      if (ratio === undefined) continue;
      const row: DepartmentRow | undefined = form.rows.find(
        (r) => r.name.text.replace(/\s+/g, "") === standard.indicator,
      );
      const score = valueOf(row?.score);
      if (row === undefined || score === undefined) continue;
      const { min, max, says } = standard.allowed(ratio);
      if (score >= min - 1e-9 && score <= max + 1e-9) continue;
      const shown = `${formatNumber(round6(ratio * 100))}%`;
      report({
        cell: row.score.address,
        message: `指标“${standard.indicator}”的比率为 ${shown}，按参考评分标准${says}，但自评得分为 ${formatNumber(score)}：请核对自评得分`,
        expected: min === max ? formatNumber(min) : `${formatNumber(min)}–${formatNumber(max)}`,
        actual: formatNumber(score),
      });
    }
  },
};
