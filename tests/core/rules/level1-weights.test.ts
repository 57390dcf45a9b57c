import { describe, expect, it } from "vitest";
import { national } from "../../../src/core/profiles";
import { withOverrides } from "../../../src/core/profiles/overrides";
import { level1Weights } from "../../../src/core/rules/level1-weights";
import { buildForm, DEFAULT_INDICATORS } from "../../support/form-builder";
import { check as findingsOf, SEED_000_WECHAT, SEED_001_RECRUITMENT } from "./seed-forms";

describe("level1-weights", () => {
  it("accepts 产出 50 / 效益 30 / 满意度 10", () => {
    expect(findingsOf(level1Weights, buildForm())).toEqual([]);
  });

  it("reports each group that differs, on its first row's weight cell (seed 001 招聘: 40 / 20 / 10 + 成本 20)", () => {
    const findings = findingsOf(level1Weights, buildForm({ indicators: SEED_001_RECRUITMENT }));
    expect(findings.map((f) => f.cell)).toEqual(["F13", "F16"]);
    expect(findings[0]).toMatchObject({
      rule: "level1-weights",
      severity: "info",
      expected: "50",
      actual: "40",
    });
    expect(findings[0].message).toContain("产出指标");
    expect(findings[0].message).toContain("成本指标");
    expect(findings[0].message).toContain("20");
    expect(findings[1]).toMatchObject({ expected: "30", actual: "20" });
    expect(findings[1].message).toContain("效益指标");
  });

  it("groups rows whose heading is broken across lines and skips groups without numeric weights", () => {
    // Seed 000 公众号: 产出 30+15+10+5 = 60, 效益 20+10 = 30, 满意度 only a 不涉及 row.
    const indicators = SEED_000_WECHAT.map((row) =>
      row.level1 === "产出指标" ? { ...row, level1: "产出指\n标" } : row,
    );
    const findings = findingsOf(level1Weights, buildForm({ indicators }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cell: "F13", expected: "50", actual: "60" });
  });

  it("follows the profile's guidance (seed 003 forms give 满意度 30)", () => {
    const indicators = DEFAULT_INDICATORS.map((row) =>
      row.level1 === "满意度指标"
        ? { ...row, weight: "30", score: "30" }
        : row.level1 === "产出指标" && row.weight === "20"
          ? { ...row, weight: "10", score: "10" }
          : row,
    );
    // 产出 10 + 10 + 10 = 30, 效益 30, 满意度 30.
    const byDefault = findingsOf(level1Weights, buildForm({ indicators }));
    expect(byDefault.map((f) => f.cell)).toEqual(["F13", "F17"]);
    const shanghaiLike = withOverrides(national, {
      level1Weights: { 产出指标: 30, 满意度指标: 30 },
    });
    expect(findingsOf(level1Weights, buildForm({ indicators }), shanghaiLike)).toEqual([]);
  });
});
