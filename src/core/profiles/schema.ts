import { z } from "zod";

/**
 * A scoring profile: the regional options of domain.md §4 as data the user can see and change.
 * Nothing regional is guessed silently; every option lives here.
 */
export const ProfileSchema = z.object({
  /** Stable name used on the command line (`--profile shanghai`). */
  name: z.string().regex(/^[a-z][a-z0-9-]*$/),
  /** Chinese label shown to users. */
  label: z.string(),
  /** Execution score: 分值 × min(rate, 1), rounded half-up to this many decimals (Hebei: 0). */
  scoreDecimals: z.number().int().min(0).max(6),
  /** How the 执行率 is displayed: rounded or truncated to `rateDecimals` decimals of a percent. */
  rateDisplay: z.enum(["round", "truncate"]),
  /** Decimals of a percent in a displayed 执行率 (2 → 99.04%). */
  rateDecimals: z.number().int().min(0).max(6),
  /** Weight of the 预算执行率 line (10). */
  fundsWeight: z.number().positive(),
  /** 总分 分值 (100). */
  totalWeight: z.number().positive(),
  /** Below this execution rate a reason must be given (0.9 = 90%). */
  lowExecutionThreshold: z.number().min(0).max(1),
  /** An actual beyond the target by more than this fraction must be explained (0.3 = 130%). */
  overachievementMargin: z.number().min(0),
  /** 全年预算数 differing from 年初预算数 by more than this fraction is reported (0.1). */
  budgetAdjustmentMargin: z.number().min(0),
  /**
   * Caps on the total by execution rate: with a rate below `rateBelow`, the total may be at most
   * `maxTotal`. The lowest matching cap applies. Empty = no caps (national).
   */
  totalCaps: z.array(z.object({ rateBelow: z.number().min(0).max(1), maxTotal: z.number() })),
  /** First-level weight guidance (a hint, not an error). */
  level1Weights: z.object({ 产出指标: z.number(), 效益指标: z.number(), 满意度指标: z.number() }),
  /** Qualitative bands as fractions of the weight: 达成 ≥ met, 部分达成 ≥ partial. */
  qualitativeBands: z.object({ met: z.number(), partial: z.number() }),
});
export type Profile = z.infer<typeof ProfileSchema>;
