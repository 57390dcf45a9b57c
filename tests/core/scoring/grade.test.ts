import { describe, expect, it } from "vitest";
import { capped, national, shanghai } from "../../../src/core/profiles";
import { grade, qualitativeBand, totalCap } from "../../../src/core/scoring";

describe("grade", () => {
  it("≥ 90 优, 80–<90 良, 60–<80 中, < 60 差", () => {
    expect(grade(99.9)).toBe("优"); // seed 003 创新创业大赛 总分 99.90, 评分等级 优
    expect(grade(90)).toBe("优");
    expect(grade(89.99)).toBe("良");
    expect(grade(80)).toBe("良");
    expect(grade(79.99)).toBe("中");
    expect(grade(60)).toBe("中");
    expect(grade(59.99)).toBe("差");
  });

  it("a total with float noise just under a line counts as the line", () => {
    expect(grade(0.1 + 0.2 + 89.7)).toBe("优");
  });

  it("rejects a non-number with #VALUE!", () => {
    expect(() => grade(Number.NaN)).toThrow(expect.objectContaining({ code: "#VALUE!" }));
  });
});

describe("qualitativeBand", () => {
  it("达成 [0.8w, w], 部分达成 [0.6w, 0.8w), 未达成 [0, 0.6w) for weight 5", () => {
    expect(qualitativeBand("met", 5, national)).toEqual({
      min: 4,
      max: 5,
      minInclusive: true,
      maxInclusive: true,
    });
    expect(qualitativeBand("partial", 5, national)).toEqual({
      min: 3,
      max: 4,
      minInclusive: true,
      maxInclusive: false,
    });
    expect(qualitativeBand("missed", 5, national)).toEqual({
      min: 0,
      max: 3,
      minInclusive: true,
      maxInclusive: false,
    });
  });

  it("has decimal-exact lines (0.6 × 3 is 1.8, not 1.7999999999999998)", () => {
    expect(qualitativeBand("partial", 3, national).min).toBe(1.8);
  });
});

describe("totalCap", () => {
  it("national and shanghai have no caps", () => {
    expect(totalCap(0.3, national)).toBeUndefined();
    expect(totalCap(0.3, shanghai)).toBeUndefined();
  });

  it("capped: 70–80% → 89, 60–70% → 79, <60% → 69, <50% → 59, ≥80% none", () => {
    expect(totalCap(0.85, capped)).toBeUndefined();
    expect(totalCap(0.8, capped)).toBeUndefined();
    expect(totalCap(0.75, capped)).toBe(89);
    expect(totalCap(0.6775, capped)).toBe(79); // seed 003 社会科学课题
    expect(totalCap(0.6159, capped)).toBe(79); // seed 003 公务员管理
    expect(totalCap(0.55, capped)).toBe(69);
    expect(totalCap(0.4562, capped)).toBe(59); // seed 003 外省市挂职干部工作
  });
});
