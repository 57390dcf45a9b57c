import type { Profile } from "./schema";

/**
 * 财预〔2020〕10号 defaults as the national budget platform applies them (domain.md §4): scores
 * half-up to 2 decimals, 执行率 displayed rounded, no caps on the total.
 */
export const nationalData: Profile = {
  name: "national",
  label: "全国通用（财预〔2020〕10号）",
  scoreDecimals: 2,
  rateDisplay: "round",
  rateDecimals: 2,
  fundsWeight: 10,
  totalWeight: 100,
  lowExecutionThreshold: 0.9,
  overachievementMargin: 0.3,
  budgetAdjustmentMargin: 0.1,
  totalCaps: [],
  level1Weights: { 产出指标: 50, 效益指标: 30, 满意度指标: 10 },
  qualitativeBands: { met: 0.8, partial: 0.6 },
};
