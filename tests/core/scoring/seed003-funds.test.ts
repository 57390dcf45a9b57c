import { describe, expect, it } from "vitest";
import seed from "../../fixtures/seed003-funds.json";
import { shanghai, national } from "../../../src/core/profiles";
import {
  acceptsPrintedRate,
  acceptsPrintedScore,
  displayRatePercent,
  executionRate,
  executionScore,
  rateInterval,
  type PrintedNumber,
} from "../../../src/core/scoring";

/** The printed text as a number with its printed precision ("1,663.27" → 1663.27, 2 decimals). */
function printed(text: string): PrintedNumber {
  const plain = text.replace(/,/g, "");
  const dot = plain.indexOf(".");
  return { value: Number(plain), decimals: dot < 0 ? 0 : plain.length - dot - 1 };
}

describe("seed 003 funds rows (Shanghai, ~30 forms)", () => {
  it("has all 30 年度资金总额 rows", () => {
    expect(seed.rows).toHaveLength(30);
  });

  describe.each(seed.rows)("$project", (row) => {
    const budget = printed(row.budget);
    const executed = printed(row.executed);
    const weight = printed(row.weight).value;
    const rate = executionRate(budget.value, executed.value);

    it("shanghai reproduces the printed 执行率 and 得分 exactly", () => {
      expect(displayRatePercent(rate, shanghai)).toBe(printed(row.ratePercent).value);
      expect(executionScore(rate, weight, shanghai)).toBe(printed(row.score).value);
    });

    it("the interval checks accept the printed 执行率 and 得分", () => {
      const rates = rateInterval(budget, executed);
      expect(acceptsPrintedRate(rates, printed(row.ratePercent))).toBe(true);
      expect(acceptsPrintedScore(rates, weight, printed(row.score), shanghai)).toBe(true);
      expect(acceptsPrintedScore(rates, weight, printed(row.score), national)).toBe(true);
    });

    it("the interval checks reject a rate or score just outside the interval", () => {
      const rates = rateInterval(budget, executed);
      // The interval recomputed here by hand from the printed amounts (±0.005 万元).
      const lo = (executed.value - 0.005) / (budget.value + 0.005);
      const hi = (executed.value + 0.005) / (budget.value - 0.005);
      const twoDecimals = (x: number) => Number(x.toFixed(2));
      const below = twoDecimals(Math.floor(lo * 10000) / 100 - 0.01);
      const above = twoDecimals(Math.ceil(hi * 10000) / 100 + 0.01);
      expect(acceptsPrintedRate(rates, { value: below, decimals: 2 })).toBe(false);
      expect(acceptsPrintedRate(rates, { value: above, decimals: 2 })).toBe(false);
      const scoreLo = weight * Math.min(lo, 1);
      const scoreHi = weight * Math.min(hi, 1);
      const scoreBelow = twoDecimals(Math.floor(scoreLo * 100) / 100 - 0.01);
      const scoreAbove = twoDecimals(Math.ceil(scoreHi * 100) / 100 + 0.01);
      expect(acceptsPrintedScore(rates, weight, { value: scoreBelow, decimals: 2 }, shanghai)).toBe(
        false,
      );
      expect(acceptsPrintedScore(rates, weight, { value: scoreAbove, decimals: 2 }, shanghai)).toBe(
        false,
      );
    });
  });

  it("national rounding of the rate differs from the printed truncation on 99.93% (29.98/30)", () => {
    // 29.98 / 30 = 99.9333…%: both give 99.93; 49.52 / 50 = 99.04 exactly. A rate where they
    // differ: 1,404.77 / 1,663.27 = 84.4589…% → truncated 84.45 (printed), rounded 84.46.
    const rate = executionRate(1663.27, 1404.77);
    expect(displayRatePercent(rate, shanghai)).toBe(84.45);
    expect(displayRatePercent(rate, national)).toBe(84.46);
  });
});
