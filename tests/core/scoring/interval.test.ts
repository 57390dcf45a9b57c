import { describe, expect, it } from "vitest";
import { national } from "../../../src/core/profiles";
import {
  acceptsPrintedRate,
  acceptsPrintedScore,
  narrowByPrintedRate,
  printedInterval,
  printedRateInterval,
  rateInterval,
} from "../../../src/core/scoring";

const exact = (rate: number) => ({ lo: rate, hi: rate });

describe("printedInterval", () => {
  it("0.16 printed with 2 decimals stands for 0.155 … 0.165", () => {
    const interval = printedInterval({ value: 0.16, decimals: 2 });
    expect(interval.lo).toBeCloseTo(0.155, 12);
    expect(interval.hi).toBeCloseTo(0.165, 12);
  });

  it("a whole number stands for ±0.5", () => {
    expect(printedInterval({ value: 9, decimals: 0 })).toEqual({ lo: 8.5, hi: 9.5 });
  });
});

describe("rateInterval", () => {
  it("50.00 / 49.52 → [49.515 ÷ 50.005, 49.525 ÷ 49.995]", () => {
    const rates = rateInterval({ value: 50, decimals: 2 }, { value: 49.52, decimals: 2 });
    expect(rates.lo).toBeCloseTo(49.515 / 50.005, 12);
    expect(rates.hi).toBeCloseTo(49.525 / 49.995, 12);
  });

  it("a budget printed as 0.5 with no decimals leaves the rate unbounded above", () => {
    expect(rateInterval({ value: 0.5, decimals: 0 }, { value: 0.3, decimals: 1 }).hi).toBe(
      Infinity,
    );
  });

  it("a printed budget of 0 is #DIV/0!", () => {
    expect(() => rateInterval({ value: 0, decimals: 2 }, { value: 1, decimals: 2 })).toThrow(
      expect.objectContaining({ code: "#DIV/0!" }),
    );
  });
});

describe("acceptsPrintedRate", () => {
  const rates = rateInterval({ value: 50, decimals: 2 }, { value: 49.52, decimals: 2 });
  // Percent interval ≈ [99.0201, 99.0599].

  it("accepts the printed 99.04 and any print inside the interval", () => {
    expect(acceptsPrintedRate(rates, { value: 99.04, decimals: 2 })).toBe(true);
    expect(acceptsPrintedRate(rates, { value: 99.02, decimals: 2 })).toBe(true);
    expect(acceptsPrintedRate(rates, { value: 99.06, decimals: 2 })).toBe(true); // rounds from 99.0599
    expect(acceptsPrintedRate(rates, { value: 99, decimals: 0 })).toBe(true);
    expect(acceptsPrintedRate(rates, { value: 99.0, decimals: 1 })).toBe(true);
  });

  it("rejects prints outside it", () => {
    expect(acceptsPrintedRate(rates, { value: 99.01, decimals: 2 })).toBe(false);
    expect(acceptsPrintedRate(rates, { value: 99.07, decimals: 2 })).toBe(false);
    expect(acceptsPrintedRate(rates, { value: 98.04, decimals: 2 })).toBe(false);
  });

  it("accepts rounding or truncating of an exact 67.75% … 67.759%", () => {
    expect(acceptsPrintedRate(exact(0.67759), { value: 67.75, decimals: 2 })).toBe(true); // truncated
    expect(acceptsPrintedRate(exact(0.67759), { value: 67.76, decimals: 2 })).toBe(true); // rounded
    expect(acceptsPrintedRate(exact(0.6775), { value: 67.74, decimals: 2 })).toBe(false);
  });
});

describe("acceptsPrintedScore", () => {
  it("exact 9.906: 10, 9.9 and 9.91 are right, 9 and 9.90 are wrong", () => {
    const rates = exact(0.9906);
    expect(acceptsPrintedScore(rates, 10, { value: 10, decimals: 0 }, national)).toBe(true);
    expect(acceptsPrintedScore(rates, 10, { value: 9.9, decimals: 1 }, national)).toBe(true);
    expect(acceptsPrintedScore(rates, 10, { value: 9.91, decimals: 2 }, national)).toBe(true);
    expect(acceptsPrintedScore(rates, 10, { value: 9, decimals: 0 }, national)).toBe(false);
    expect(acceptsPrintedScore(rates, 10, { value: 9.9, decimals: 2 }, national)).toBe(false);
  });

  it("exact 0.535: 1 and 0.54 are right, 0.53 (truncated, not half-up) is wrong", () => {
    const rates = exact(0.0535);
    expect(acceptsPrintedScore(rates, 10, { value: 1, decimals: 0 }, national)).toBe(true);
    expect(acceptsPrintedScore(rates, 10, { value: 0.54, decimals: 2 }, national)).toBe(true);
    expect(acceptsPrintedScore(rates, 10, { value: 0.53, decimals: 2 }, national)).toBe(false);
  });

  it("over-execution is scored at the weight", () => {
    expect(acceptsPrintedScore(exact(1.2), 10, { value: 10, decimals: 2 }, national)).toBe(true);
    expect(acceptsPrintedScore(exact(1.2), 10, { value: 12, decimals: 2 }, national)).toBe(false);
  });

  it("seed 003 社会科学课题 4.00 / 2.71: 6.78 right, 6.77 wrong", () => {
    const rates = rateInterval({ value: 4, decimals: 2 }, { value: 2.71, decimals: 2 });
    expect(acceptsPrintedScore(rates, 10, { value: 6.78, decimals: 2 }, national)).toBe(true);
    // The interval is [2.705 ÷ 4.005, 2.715 ÷ 3.995] ≈ [0.6754, 0.6796]: 6.77 is inside it too.
    expect(acceptsPrintedScore(rates, 10, { value: 6.77, decimals: 2 }, national)).toBe(true);
    expect(acceptsPrintedScore(rates, 10, { value: 6.74, decimals: 2 }, national)).toBe(false);
    expect(acceptsPrintedScore(rates, 10, { value: 6.81, decimals: 2 }, national)).toBe(false);
  });
});

describe("narrowByPrintedRate", () => {
  const amounts = rateInterval({ value: 0.16, decimals: 2 }, { value: 0.15, decimals: 2 });

  it("an accepted printed rate narrows the amounts' interval to its own (93.75% of 0.16 / 0.15)", () => {
    const narrowed = narrowByPrintedRate(amounts, { value: 93.75, decimals: 2 });
    expect(narrowed.lo).toBeCloseTo(0.93745, 12);
    expect(narrowed.hi).toBeCloseTo(0.9376, 12);
    expect(amounts.hi - amounts.lo).toBeGreaterThan(0.1);
  });

  it("a printed rate that is not accepted, or none, narrows nothing", () => {
    expect(narrowByPrintedRate(amounts, { value: 80, decimals: 0 })).toEqual(amounts);
    expect(narrowByPrintedRate(amounts, undefined)).toEqual(amounts);
  });

  it("printedRateInterval covers rounding and truncation: 95.36% → 95.355 … 95.37", () => {
    const interval = printedRateInterval({ value: 95.36, decimals: 2 });
    expect(interval.lo).toBeCloseTo(0.95355, 12);
    expect(interval.hi).toBeCloseTo(0.9537, 12);
  });
});
