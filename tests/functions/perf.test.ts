import { describe, expect, it } from "vitest";
import { PerfError } from "../../src/core/errors";
import { PERF } from "../../src/functions/perf";

/** Runs `fn` and returns the PerfError it throws (fails the test if it returns or throws another). */
function perfErrorOf(fn: () => unknown): PerfError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PerfError);
    return error as PerfError;
  }
  throw new Error("expected a PerfError, but the call returned");
}

describe("PERF.RATE", () => {
  // Seed 003, Shanghai forms: 全年预算数, 全年执行数 → printed 执行率 (truncated to 0.01%).
  const shanghai: Array<[string, string, number]> = [
    ["50.00", "49.52", 99.04],
    ["1,663.27", "1,404.77", 84.45],
    ["187.40", "115.43", 61.59],
    ["3.20", "1.46", 45.62],
    ["108.00", "107.35", 99.39],
    ["40.00", "39.55", 98.87],
  ];

  it("gives 0.9904 for 50 and 49.52, with numbers or text", () => {
    expect(PERF.RATE(50, 49.52)).toBeCloseTo(0.9904, 12);
    expect(PERF.RATE(50, "49.52")).toBeCloseTo(0.9904, 12);
    expect(PERF.RATE("50.00", "49.52")).toBeCloseTo(0.9904, 12);
  });

  it.each(shanghai)(
    "reads %s / %s as printed (seed 003 shows %s%%)",
    (budget, executed, printed) => {
      const rate = PERF.RATE(budget, executed);
      const exact = Number(executed.replace(/,/g, "")) / Number(budget.replace(/,/g, ""));
      expect(rate).toBeCloseTo(exact, 12);
      expect(Math.floor(rate * 10000 + 1e-9) / 100).toBe(printed);
    },
  );

  it("uses the full-year budget, so seed 000's 29.837303 / 29.837303 is 100%", () => {
    expect(PERF.RATE("29.837303", "29.837303")).toBe(1);
  });

  it("reads amounts with stray spaces and line breaks (seed 000 style)", () => {
    expect(PERF.RATE("12.142 988", "12.142988")).toBeCloseTo(1, 12);
    expect(PERF.RATE("29.616\n9 万元", "29.6169")).toBeCloseTo(1, 12);
  });

  it("converts 元 and 万元 before dividing", () => {
    expect(PERF.RATE("3.5万", "35000元")).toBeCloseTo(1, 12);
  });

  it("#DIV/0! for a budget of 0, empty or —", () => {
    expect(perfErrorOf(() => PERF.RATE(0, 5)).code).toBe("#DIV/0!");
    expect(perfErrorOf(() => PERF.RATE("0.00", "0.00")).code).toBe("#DIV/0!");
    expect(perfErrorOf(() => PERF.RATE("", 5)).code).toBe("#DIV/0!");
    expect(perfErrorOf(() => PERF.RATE(null, 5)).code).toBe("#DIV/0!");
    expect(perfErrorOf(() => PERF.RATE("—", 5)).code).toBe("#DIV/0!");
  });

  it("#VALUE! for text that is not a number, #NUM! for negatives", () => {
    const text = perfErrorOf(() => PERF.RATE("预算待定", 5));
    expect(text.code).toBe("#VALUE!");
    expect(text.message).toMatch(/全年预算数/);
    expect(perfErrorOf(() => PERF.RATE(50, "已执行")).code).toBe("#VALUE!");
    expect(perfErrorOf(() => PERF.RATE(50, true)).code).toBe("#VALUE!");
    expect(perfErrorOf(() => PERF.RATE(-50, 10)).code).toBe("#NUM!");
    expect(perfErrorOf(() => PERF.RATE(50, -1)).code).toBe("#NUM!");
    expect(perfErrorOf(() => PERF.RATE("50", "-1")).code).toBe("#NUM!");
  });

  it("writes Chinese messages", () => {
    expect(perfErrorOf(() => PERF.RATE(0, 1)).message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("PERF.RATESCORE", () => {
  it("rounds half-up on the decimal value: 67.75% of 10 is 6.78 (seed 003)", () => {
    expect(PERF.RATESCORE(0.6775)).toBe(6.78);
    expect(PERF.RATESCORE("67.75%")).toBe(6.78);
  });

  it("chains with RATE: 2.71 of 4.00 scores 6.78 (seed 003 社会科学课题)", () => {
    expect(PERF.RATESCORE(PERF.RATE("4.00", "2.71"))).toBe(6.78);
  });

  it.each([
    ["50.00", "49.52", 9.9],
    ["1,663.27", "1,404.77", 8.45],
    ["187.40", "115.43", 6.16],
    ["3.20", "1.46", 4.56],
    ["108.00", "107.35", 9.94],
    ["40.00", "39.55", 9.89],
  ])("scores %s / %s as seed 003 prints (%s) under shanghai", (budget, executed, printed) => {
    expect(PERF.RATESCORE(PERF.RATE(budget, executed), 10, "shanghai")).toBe(printed);
  });

  it("accepts a percent text and a weight", () => {
    expect(PERF.RATESCORE("99.04%", 10)).toBe(9.9);
    expect(PERF.RATESCORE(0.5, 20)).toBe(10);
  });

  it("never gives more than the weight for over-execution", () => {
    expect(PERF.RATESCORE(1.2)).toBe(10);
  });

  it("errors: negative rate #NUM!, text #VALUE!, unknown profile #VALUE!", () => {
    expect(perfErrorOf(() => PERF.RATESCORE(-0.1)).code).toBe("#NUM!");
    expect(perfErrorOf(() => PERF.RATESCORE("很高")).code).toBe("#VALUE!");
    expect(perfErrorOf(() => PERF.RATESCORE(0.9, 10, "mars")).code).toBe("#VALUE!");
  });
});

describe("PERF.SCORE", () => {
  it("scores an at-least target missed proportionally (seed 001 招聘岗位人数: 4.82)", () => {
    expect(PERF.SCORE("≥257", 248, 5)).toBe(4.82);
    expect(PERF.SCORE(257, 248, 5)).toBe(4.82);
    expect(PERF.SCORE("257", "248", "5")).toBe(4.82);
  });

  it("scores an at-most target exceeded by the excess (40万元 → 42.82万元: 4.65)", () => {
    expect(PERF.SCORE("≤40万元", "42.82万元", 5)).toBe(4.65);
  });

  it("uses the direction argument when the target has none", () => {
    expect(PERF.SCORE("40万元", "42.82万元", 5, "≤")).toBe(4.65);
    expect(PERF.SCORE(40, 42.82, 5, "<=")).toBe(4.65);
  });

  it("gives the full weight when met (seed 003: =2(篇) → 2(篇), ≥85(%) → 85.00(%))", () => {
    expect(PERF.SCORE("=2(篇)", "2(篇)", 30)).toBe(30);
    expect(PERF.SCORE("≥85(%)", "85.00(%)", 5)).toBe(5);
  });

  it("#N/A for a qualitative target", () => {
    expect(perfErrorOf(() => PERF.SCORE("确保研究质量", "达成指标", 30)).code).toBe("#N/A");
  });

  it("scores by the one standard a sentence states (群众满意率达到95%, 3日内到场), not by a guess", () => {
    expect(PERF.SCORE("群众满意率达到95%", "96%", 10)).toBe(10);
    expect(PERF.SCORE("群众满意率达到95%", "实际满意率为76%", 10)).toBe(8);
    expect(PERF.SCORE("维修及时（3日内到场）", "2日", 6)).toBe(6);
    expect(PERF.SCORE("全部工作11月底前完成", "12月底", 5)).toBeLessThan(5);
    // Two standards: which one the weight is for is not written, so no score.
    const twoStandards = perfErrorOf(() => PERF.SCORE("培训不少于200人次，满意度达到90%", 250, 5));
    expect(twoStandards.code).toBe("#VALUE!");
    expect(perfErrorOf(() => PERF.SCORE("慰问困难职工", "已慰问", 5)).code).toBe("#VALUE!");
  });

  it("errors for empty, not applicable, text weights and negative weights", () => {
    expect(perfErrorOf(() => PERF.SCORE("", 248, 5)).code).toBe("#VALUE!");
    expect(perfErrorOf(() => PERF.SCORE("≥257", "—", 5)).code).toBe("#VALUE!");
    expect(perfErrorOf(() => PERF.SCORE("≥257", 248, "五分")).code).toBe("#VALUE!");
    expect(perfErrorOf(() => PERF.SCORE("≥257", 248, -5)).code).toBe("#NUM!");
    expect(perfErrorOf(() => PERF.SCORE("≥257", 248, 5, "大约")).code).toBe("#VALUE!");
  });
});

describe("PERF.TOTAL", () => {
  it("sums seed 003 社会科学课题's 得分 column as Excel passes it (2-D), skipping —/-/empty/不涉及", () => {
    // 得分 column of the form: funds 6.78, breakdown rows "-", then the indicators; 总分 96.78.
    const column = [["6.78"], ["-"], ["-"], ["-"], [""], [30], ["30.00"], [30]];
    expect(PERF.TOTAL(column)).toBe(96.78);
    expect(PERF.TOTAL(column, [["不涉及", "—", null]])).toBe(96.78);
  });

  it("accepts scalars and several ranges, summing without float noise", () => {
    expect(PERF.TOTAL(0.1, 0.2)).toBe(0.3);
    expect(
      PERF.TOTAL(9.9, [
        [30, 30],
        [29.92, "—"],
      ]),
    ).toBe(99.82);
  });

  it("is 0 when nothing counts", () => {
    expect(PERF.TOTAL([["—", ""]])).toBe(0);
  });

  it("#VALUE! for other text, #NUM! for negative scores", () => {
    const error = perfErrorOf(() => PERF.TOTAL([[10, "优"]]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/优/);
    expect(perfErrorOf(() => PERF.TOTAL(10, -1)).code).toBe("#NUM!");
  });
});

describe("PERF.GRADE", () => {
  it.each([
    [100, "优"],
    [90, "优"],
    [89.99, "良"],
    [80, "良"],
    [79.99, "中"],
    [60, "中"],
    [59.99, "差"],
    [0, "差"],
    ["96.78", "优"],
  ])("grades %s as %s", (total, expected) => {
    expect(PERF.GRADE(total)).toBe(expected);
  });

  it("errors for text and negatives", () => {
    expect(perfErrorOf(() => PERF.GRADE("优")).code).toBe("#VALUE!");
    expect(perfErrorOf(() => PERF.GRADE(-1)).code).toBe("#NUM!");
  });
});

describe("PERF.DEVIATION", () => {
  it("248 against 257 is about -3.5% (seed 001)", () => {
    expect(PERF.DEVIATION(257, 248)).toBeCloseTo(-0.035, 3);
    expect(PERF.DEVIATION("≥257", "248")).toBeCloseTo((248 - 257) / 257, 12);
  });

  it("converts units: ≤40万元 against 42.82万元 is +7.05%", () => {
    expect(PERF.DEVIATION("≤40万元", "42.82万元")).toBeCloseTo(0.0705, 10);
  });

  it("#N/A for a qualitative target, #DIV/0! for a zero target, #VALUE! for empty", () => {
    expect(perfErrorOf(() => PERF.DEVIATION("得到提高", "已完成")).code).toBe("#N/A");
    expect(perfErrorOf(() => PERF.DEVIATION(0, 5)).code).toBe("#DIV/0!");
    expect(perfErrorOf(() => PERF.DEVIATION("", 5)).code).toBe("#VALUE!");
  });
});

describe("PERF.VALUE", () => {
  it.each([
    ["29.616\n9 万元", 29.6169],
    ["29.616 9 万元", 29.6169],
    ["1,663.27", 1663.27],
    ["12.142 988", 12.142988],
    ["3.5万", 3.5],
    ["99.06%", 0.9906],
    ["95.00(%)", 0.95],
    [42, 42],
  ])("reads %j as %s", (text, expected) => {
    expect(PERF.VALUE(text)).toBeCloseTo(expected, 12);
  });

  it("errors: empty and — have no number, text is #VALUE!, qualitative is #N/A", () => {
    expect(perfErrorOf(() => PERF.VALUE("")).code).toBe("#VALUE!");
    expect(perfErrorOf(() => PERF.VALUE("—")).code).toBe("#VALUE!");
    expect(perfErrorOf(() => PERF.VALUE("阅读数量")).code).toMatch(/^#(VALUE!|N\/A)$/);
    expect(perfErrorOf(() => PERF.VALUE("达成指标")).code).toBe("#N/A");
  });
});
