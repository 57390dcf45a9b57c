import { nationalData } from "./national";
import type { Profile } from "./schema";

/**
 * The caps one 一体化 platform manual applies to the total by execution rate (domain.md §4):
 * 70–80% → at most 89, 60–70% → 79, below 60% → 69, below 50% → 59; whole-number scores as some
 * regions print them (Hebei: 86% → 9). An example of a stricter regional profile.
 */
export const cappedData: Profile = {
  ...nationalData,
  name: "capped",
  label: "一体化平台（按执行率封顶总分，整数得分）",
  scoreDecimals: 0,
  totalCaps: [
    { rateBelow: 0.8, maxTotal: 89 },
    { rateBelow: 0.7, maxTotal: 79 },
    { rateBelow: 0.6, maxTotal: 69 },
    { rateBelow: 0.5, maxTotal: 59 },
  ],
};
