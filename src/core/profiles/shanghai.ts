import { nationalData } from "./national";
import type { Profile } from "./schema";

/**
 * Shanghai practice as seed 003 prints it (~30 forms, all consistent): the 执行率 is the exact rate
 * truncated to 2 decimals of a percent, while the score is still rounded half-up (49.52 / 50.00 →
 * 99.04%, 9.90). Everything else follows the national defaults.
 */
export const shanghaiData: Profile = {
  ...nationalData,
  name: "shanghai",
  label: "上海（执行率截断显示）",
  rateDisplay: "truncate",
};
