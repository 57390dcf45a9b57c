import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { capped, national, shanghai } from "../../../src/core/profiles";
import {
  decimalMultiply,
  displayRatePercent,
  executionRate,
  executionScore,
  roundHalfUp,
  sumScores,
  truncateDecimals,
} from "../../../src/core/scoring";
import { PerfError } from "../../../src/core/errors";

describe("roundHalfUp / truncateDecimals on decimal values", () => {
  it("rounds 10 × 0.6775 up to 6.78", () => {
    expect(roundHalfUp(10 * 0.6775, 2)).toBe(6.78);
  });

  it("rounds the half cases up: 0.535 → 0.54, 9.906 → 9.91 / 9.9 / 10", () => {
    expect(roundHalfUp(0.535, 2)).toBe(0.54);
    // 1.005 × 100 is 100.49999999999999 in binary: naive rounding gives 1.00.
    expect(Math.round(1.005 * 100) / 100).toBe(1);
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(9.906, 2)).toBe(9.91);
    expect(roundHalfUp(9.906, 1)).toBe(9.9);
    expect(roundHalfUp(9.906, 0)).toBe(10);
    expect(roundHalfUp(8.6, 0)).toBe(9); // Hebei prints 86% → 9
  });

  it("rounds negatives half away from zero, like the spreadsheet ROUND", () => {
    expect(roundHalfUp(-0.535, 2)).toBe(-0.54);
    expect(roundHalfUp(-2.5, 0)).toBe(-3);
  });

  it("truncates 49.52 / 50 in percent to 99.04, not 99.03", () => {
    expect(truncateDecimals((49.52 / 50) * 100, 2)).toBe(99.04);
    expect(truncateDecimals(84.4589, 2)).toBe(84.45);
    expect(truncateDecimals(99.999, 0)).toBe(99);
  });

  it("property: roundHalfUp(x, 2) is within 0.005 of x and has at most 2 decimals", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        const r = roundHalfUp(x, 2);
        expect(Math.abs(r - x)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(Math.abs(Math.round(r * 100) - r * 100)).toBeLessThan(1e-6);
        expect(Number(r.toFixed(2))).toBe(r);
      }),
    );
  });

  it("property: truncateDecimals(x, 2) never moves away from zero and stays within 0.01", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (x) => {
        const t = truncateDecimals(x, 2);
        expect(t).toBeLessThanOrEqual(x + 1e-9);
        expect(x - t).toBeLessThan(0.01 + 1e-9);
      }),
    );
  });
});

describe("execution rate and score", () => {
  it("seed 003 社会科学课题: 2.71 / 4.00 → 67.75% → 6.78 (national and shanghai)", () => {
    const rate = executionRate(4, 2.71);
    expect(rate).toBeCloseTo(0.6775, 12);
    expect(executionScore(rate, 10, national)).toBe(6.78);
    expect(executionScore(rate, 10, shanghai)).toBe(6.78);
    expect(displayRatePercent(rate, national)).toBe(67.75);
  });

  it("seed 000: 29.837303 / 29.837303 → 100% → 10", () => {
    const rate = executionRate(29.837303, 29.837303);
    expect(rate).toBe(1);
    expect(executionScore(rate, 10, national)).toBe(10);
  });

  it("over-execution earns no more than the weight", () => {
    expect(executionScore(executionRate(100, 120), 10, national)).toBe(10);
  });

  it("exact 0.9906 and 0.0535 scores under national rounding", () => {
    expect(executionScore(0.9906, 10, national)).toBe(9.91);
    expect(executionScore(0.0535, 10, national)).toBe(0.54);
  });

  it("the capped profile scores in whole numbers (86% → 9)", () => {
    expect(executionScore(0.86, 10, capped)).toBe(9);
    expect(executionScore(0.845, 10, capped)).toBe(8);
  });

  it("a 0 budget is #DIV/0!, a negative amount #NUM!, with Chinese messages", () => {
    const divZero = (() => {
      try {
        executionRate(0, 5);
      } catch (error) {
        return error;
      }
    })();
    expect(divZero).toBeInstanceOf(PerfError);
    expect((divZero as PerfError).code).toBe("#DIV/0!");
    expect((divZero as PerfError).message).toMatch(/全年预算数/);
    expect(() => executionRate(-1, 5)).toThrow(expect.objectContaining({ code: "#NUM!" }));
    expect(() => executionRate(10, -5)).toThrow(expect.objectContaining({ code: "#NUM!" }));
    expect(() => executionRate(Number.NaN, 5)).toThrow(
      expect.objectContaining({ code: "#VALUE!" }),
    );
  });
});

describe("sumScores", () => {
  it("removes float noise: 0.1 + 0.2 is 0.3", () => {
    expect(sumScores([0.1, 0.2])).toBe(0.3);
  });

  it("adds seed 003 创新创业大赛: 9.90 + 20 + 20 + 20 + 30 = 99.90", () => {
    expect(sumScores([9.9, 20, 20, 20, 30])).toBe(99.9);
  });

  it("adds seed 003 党建引领: 9.99 + 10 × 5 + 20 + 10 + 10 = 99.99", () => {
    expect(sumScores([9.99, 10, 10, 10, 10, 20, 10, 10, 10])).toBe(99.99);
  });

  it("sums to 0 when empty and rejects non-numbers", () => {
    expect(sumScores([])).toBe(0);
    expect(() => sumScores([1, Number.NaN])).toThrow(expect.objectContaining({ code: "#VALUE!" }));
  });
});

describe("the fast rounding path agrees with exact decimal arithmetic", () => {
  // The reference: the double read as its 15-digit decimal, rounded with BigInt (the exact path).
  function exact(x: number, decimals: number, mode: "half-up" | "truncate"): number {
    if (x === 0) return 0;
    const [mantissa, exponentText] = Math.abs(x).toExponential(14).split("e");
    const digits = BigInt(mantissa.replace(".", ""));
    const scale = 14 - Number(exponentText);
    if (scale <= decimals) return Number(`${x < 0 ? "-" : ""}${digits}e${-scale}`);
    const divisor = 10n ** BigInt(scale - decimals);
    let kept = digits / divisor;
    if (mode === "half-up" && (digits % divisor) * 2n >= divisor) kept += 1n;
    const magnitude = Number(`${kept}e${-decimals}`);
    return x < 0 && magnitude !== 0 ? -magnitude : magnitude;
  }

  const amounts = fc.oneof(
    fc.double({ min: -1e9, max: 1e9, noNaN: true }),
    fc.integer({ min: -1e8, max: 1e8 }).map((n) => n / 1000),
    fc.integer({ min: 0, max: 1e6 }).map((n) => (n / 10000) * 10),
    fc.constantFrom(
      6.775,
      0.6775 * 10,
      99.03999999999999,
      1.005,
      2.5,
      -2.5,
      0.125,
      1e15,
      123456.785,
    ),
  );

  it("roundHalfUp", () => {
    fc.assert(
      fc.property(amounts, fc.integer({ min: 0, max: 8 }), (x, d) => {
        expect(roundHalfUp(x, d)).toBe(exact(x, d, "half-up"));
      }),
      { numRuns: 20_000 },
    );
  });

  it("truncateDecimals", () => {
    fc.assert(
      fc.property(amounts, fc.integer({ min: 0, max: 8 }), (x, d) => {
        expect(truncateDecimals(x, d)).toBe(exact(x, d, "truncate"));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe("the fast sum and product agree with exact decimal arithmetic", () => {
  // The reference: each double read as its 15-digit decimal, added or multiplied with BigInt.
  function decimalOf(x: number): { digits: bigint; scale: number } {
    const [mantissa, exponentText] = x.toExponential(14).split("e");
    return { digits: BigInt(mantissa.replace(".", "")), scale: 14 - Number(exponentText) };
  }
  const toNumber = (digits: bigint, scale: number) => {
    const value = Number(`${digits}e${-scale}`);
    return value === 0 ? 0 : value;
  };
  function exactSum(values: number[]): number {
    const terms = values.filter((x) => x !== 0).map(decimalOf);
    if (terms.length === 0) return 0;
    const scale = Math.max(...terms.map((t) => t.scale));
    const total = terms.reduce((sum, t) => sum + t.digits * 10n ** BigInt(scale - t.scale), 0n);
    return toNumber(total, scale);
  }
  function exactProduct(a: number, b: number): number {
    if (a === 0 || b === 0) return 0;
    const x = decimalOf(a);
    const y = decimalOf(b);
    return toNumber(x.digits * y.digits, x.scale + y.scale);
  }
  const amount = fc.oneof(
    fc.double({ min: -1e7, max: 1e7, noNaN: true }),
    fc.integer({ min: -1e7, max: 1e7 }).map((n) => n / 100),
    fc.integer({ min: 0, max: 1e5 }).map((n) => n / 10000),
    fc.constantFrom(
      0.1,
      0.2,
      0.6775,
      10,
      4.82,
      1e-7,
      123456.789,
      1.00000000000001,
      9.99999999999999,
    ),
    // Full 15-significant-digit decimals: a real last digit must never be taken for float noise.
    fc
      .tuple(fc.integer({ min: 1e14, max: 999_999_999_999_999 }), fc.integer({ min: 0, max: 16 }))
      .map(([digits, scale]) => digits / 10 ** scale),
  );

  it("sumScores / decimalSum", () => {
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 30 }), (values) => {
        expect(sumScores(values)).toBe(exactSum(values));
      }),
      { numRuns: 5_000 },
    );
  });

  it("decimalMultiply", () => {
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        expect(decimalMultiply(a, b)).toBe(exactProduct(a, b));
      }),
      { numRuns: 20_000 },
    );
  });
});
