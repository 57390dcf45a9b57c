import { describe, expect, it } from "vitest";
import { deviation, indicatorScore } from "../../../src/core/scoring";
import type { ParsedValue } from "../../../src/core/values/types";

// ParsedValue objects are built directly so these tests do not depend on the value parser.
const num = (value: number, unit?: string, decimals = 0): ParsedValue => ({
  kind: "number",
  value,
  unit,
  decimals,
});
const cmp = (op: ">=" | "<=" | ">" | "<" | "=", value: number, unit?: string): ParsedValue => ({
  kind: "comparison",
  op,
  value,
  unit,
  decimals: 0,
});

describe("indicatorScore", () => {
  it("seed 001 招聘岗位人数: ≥257, actual 248, weight 5 → 4.82 (printed 4.8), missed", () => {
    const result = indicatorScore({ target: cmp(">=", 257), actual: num(248), weight: 5 });
    expect(result).toMatchObject({
      kind: "quantitative",
      score: 4.82,
      met: false,
      direction: ">=",
    });
    if (result.kind === "quantitative") expect(result.ratio).toBeCloseTo(248 / 257, 10);
  });

  it("a bare target means at least: 257 → 248 gives 4.82 too", () => {
    expect(indicatorScore({ target: num(257), actual: num(248), weight: 5 })).toMatchObject({
      score: 4.82,
      direction: ">=",
    });
  });

  it("a met target earns the full weight (seed 003 ≥95(%) → 95(%), weight 10)", () => {
    expect(
      indicatorScore({ target: cmp(">=", 95, "%"), actual: num(95, "%"), weight: 10 }),
    ).toMatchObject({ kind: "quantitative", score: 10, met: true });
  });

  it("at most exceeded: ≤40万元 → 42.82万元, weight 5 → 4.65", () => {
    const result = indicatorScore({
      target: cmp("<=", 40, "万元"),
      actual: num(42.82, "万元", 2),
      weight: 5,
    });
    expect(result).toMatchObject({
      kind: "quantitative",
      score: 4.65,
      met: false,
      direction: "<=",
    });
  });

  it("a bare target under a 成本 heading means at most (40万元 → 42.82万元 → 4.65)", () => {
    const result = indicatorScore({
      target: num(40, "万元"),
      actual: num(42.82, "万元", 2),
      weight: 5,
      cost: true,
    });
    expect(result).toMatchObject({ score: 4.65, direction: "<=" });
  });

  it("the direction argument applies to a bare target only", () => {
    expect(
      indicatorScore({ target: num(40), actual: num(42.82), weight: 5, direction: "<=" }),
    ).toMatchObject({ score: 4.65, direction: "<=" });
    // A written comparator wins over the argument.
    expect(
      indicatorScore({ target: cmp(">=", 40), actual: num(42.82), weight: 5, direction: "<=" }),
    ).toMatchObject({ score: 5, met: true, direction: ">=" });
  });

  it("at most: 0 from twice the target up, full weight when under", () => {
    expect(indicatorScore({ target: cmp("<=", 40), actual: num(80), weight: 5 })).toMatchObject({
      score: 0,
    });
    expect(indicatorScore({ target: cmp("<=", 40), actual: num(95), weight: 5 })).toMatchObject({
      score: 0,
    });
    expect(indicatorScore({ target: cmp("<=", 40), actual: num(30), weight: 5 })).toMatchObject({
      score: 5,
      met: true,
    });
  });

  it("equal targets: met only when equal, otherwise scored like a shortfall or an excess", () => {
    expect(
      indicatorScore({ target: cmp("=", 8, "个"), actual: num(8, "个"), weight: 10 }),
    ).toMatchObject({ score: 10, met: true, direction: "=" });
    // 6 of 8: 10 × 6 ÷ 8 = 7.5; 10 of 8: 10 × (1 − 2 ÷ 8) = 7.5.
    expect(
      indicatorScore({ target: cmp("=", 8, "个"), actual: num(6, "个"), weight: 10 }),
    ).toMatchObject({ score: 7.5, met: false, direction: "=" });
    expect(
      indicatorScore({ target: cmp("=", 8, "个"), actual: num(10, "个"), weight: 10 }),
    ).toMatchObject({ score: 7.5, met: false, direction: "=" });
  });

  it("compares 元 with 万元: ≤4200元 vs 0.45万元 is 4500元, 300元 over → 5 × (1 − 300 ÷ 4200) = 4.64", () => {
    expect(
      indicatorScore({ target: cmp("<=", 4200, "元"), actual: num(0.45, "万元", 2), weight: 5 }),
    ).toMatchObject({ kind: "quantitative", score: 4.64, met: false });
    expect(
      indicatorScore({ target: cmp("<=", 4200, "元"), actual: num(0.4, "万元", 1), weight: 5 }),
    ).toMatchObject({ score: 5, met: true });
  });

  it("units that cannot be compared are unscorable #VALUE!", () => {
    expect(
      indicatorScore({ target: cmp(">=", 90, "%"), actual: num(30, "人"), weight: 5 }),
    ).toMatchObject({ kind: "unscorable", code: "#VALUE!" });
  });

  it("time targets: met when the actual month is not later", () => {
    const by11: ParsedValue = { kind: "time", op: "<=", month: 11, yearEnd: false };
    const in10: ParsedValue = { kind: "time", op: "=", month: 10, yearEnd: false };
    const in12: ParsedValue = { kind: "time", op: "=", month: 12, yearEnd: true };
    expect(indicatorScore({ target: by11, actual: in10, weight: 10 })).toMatchObject({
      kind: "quantitative",
      met: true,
      score: 10,
    });
    expect(indicatorScore({ target: by11, actual: in12, weight: 10 })).toMatchObject({
      kind: "quantitative",
      met: false,
    });
    expect(
      indicatorScore({ target: by11, actual: { kind: "met", text: "按时完成" }, weight: 10 }),
    ).toEqual({ kind: "qualitative", met: true });
  });

  it("qualitative target with a stated achievement is qualitative", () => {
    const target: ParsedValue = { kind: "qualitative", text: "有效" };
    expect(
      indicatorScore({ target, actual: { kind: "met", text: "达成指标" }, weight: 10 }),
    ).toEqual({
      kind: "qualitative",
      met: true,
    });
    expect(
      indicatorScore({ target, actual: { kind: "qualitative", text: "未达成" }, weight: 10 }),
    ).toEqual({ kind: "qualitative", met: false });
  });

  it("a numeric target with a 'met' actual (seed 003: 25 篇 → 达成指标) is qualitatively met", () => {
    expect(
      indicatorScore({
        target: num(25, "篇"),
        actual: { kind: "met", text: "达成指标" },
        weight: 20,
      }),
    ).toEqual({ kind: "qualitative", met: true });
  });

  it("a qualitative target with a numeric actual is unscorable #N/A", () => {
    expect(
      indicatorScore({
        target: { kind: "qualitative", text: "得到提高" },
        actual: num(95),
        weight: 5,
      }),
    ).toMatchObject({ kind: "unscorable", code: "#N/A" });
  });

  it("empty or invalid sides are unscorable", () => {
    expect(
      indicatorScore({ target: cmp(">=", 5), actual: { kind: "empty" }, weight: 5 }),
    ).toMatchObject({ kind: "unscorable", code: "#N/A" });
    expect(
      indicatorScore({
        target: { kind: "invalid", text: "宣传工作需要", reason: "无法识别" },
        actual: num(3),
        weight: 5,
      }),
    ).toMatchObject({ kind: "unscorable", code: "#VALUE!" });
  });

  it("a range target is met inside, scored against the nearer end outside", () => {
    const target: ParsedValue = { kind: "range", min: 1, max: 2, unit: "批次" };
    expect(indicatorScore({ target, actual: num(2, "批次"), weight: 4 })).toMatchObject({
      score: 4,
      met: true,
    });
    expect(indicatorScore({ target, actual: num(3, "批次"), weight: 4 })).toMatchObject({
      score: 2,
      met: false,
    });
  });
});

describe("deviation", () => {
  it("248 vs 257 → −0.035 (unrounded)", () => {
    expect(deviation(cmp(">=", 257), num(248))).toBeCloseTo(-0.035, 3);
    expect(deviation(cmp(">=", 257), num(248))).toBeCloseTo((248 - 257) / 257, 12);
  });

  it("42.82 vs 40 → +0.0705", () => {
    expect(deviation(cmp("<=", 40, "万元"), num(42.82, "万元"))).toBeCloseTo(0.0705, 10);
  });

  it("throws #N/A for a qualitative side and #DIV/0! for a 0 target", () => {
    expect(() => deviation({ kind: "qualitative", text: "有效" }, num(1))).toThrow(
      expect.objectContaining({ code: "#N/A" }),
    );
    expect(() => deviation(num(0), num(1))).toThrow(expect.objectContaining({ code: "#DIV/0!" }));
  });
});
