import { describe, expect, it } from "vitest";
import { weightSum } from "../../../src/core/rules/weight-sum";
import { buildForm, withIndicator } from "../../support/form-builder";
import {
  SEED_000_CADRE_TRAINING,
  SEED_000_SECONDED,
  SEED_003_CIVIL_SERVICE,
  check,
} from "./seed-forms";

describe("weight-sum", () => {
  it("passes seed forms whose weights add to 100 (不涉及 rows empty)", () => {
    expect(check(weightSum, buildForm(SEED_003_CIVIL_SERVICE))).toEqual([]);
    expect(check(weightSum, buildForm(SEED_000_SECONDED))).toEqual([]);
  });

  it("reports seed 000 干部教育培训 (10 + 20+10+10+10+10+20+100 = 190) on the 总分 分值", () => {
    const findings = check(weightSum, buildForm(SEED_000_CADRE_TRAINING));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "weight-sum",
      severity: "error",
      cell: "F22",
      expected: "100",
      actual: "190",
    });
    expect(findings[0].message).toContain("分值合计 190");
    expect(findings[0].message).toContain("应为 100");
    expect(findings[0].message).toContain("请检查各指标分值");
  });

  it("counts a weight filled in on a 不涉及 row", () => {
    const form = buildForm({
      indicators: withIndicator(1, { name: "不涉及", weight: "20", score: "" }),
    });
    expect(check(weightSum, form)).toEqual([]);
    const zeroed = buildForm({
      indicators: withIndicator(1, { name: "不涉及", weight: "", score: "" }),
    });
    expect(check(weightSum, zeroed).map((f) => f.actual)).toEqual(["80"]);
  });

  it("compares with 100 even when the 总分 分值 was computed as the (wrong) sum", () => {
    // Indicators worth 85 (satisfaction 10 → 5): a formula in the 总分 分值 cell shows 95 too.
    const form = buildForm({
      indicators: withIndicator(4, { weight: "5", score: "5" }),
      totalWeight: "95",
    });
    const findings = check(weightSum, form);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cell: "F18", expected: "100", actual: "95" });
  });

  it("reports a 总分 分值 other than 100 when the weights themselves add up", () => {
    const findings = check(weightSum, buildForm({ totalWeight: "90" }));
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain("写为 90");
  });

  it("gives an execution line without a 分值 the profile's 10", () => {
    const form = buildForm({
      funds: {
        initial: "50",
        budget: "50",
        executed: "49.52",
        weight: "",
        rate: "99.04%",
        score: "9.9",
      },
    });
    expect(check(weightSum, form)).toEqual([]);
  });

  it("stays silent when a weight is not a number (invalid-number reports it)", () => {
    const form = buildForm({ indicators: withIndicator(0, { weight: "二十" }) });
    expect(check(weightSum, form)).toEqual([]);
  });

  it("stays silent on a blank template (every indicator weight empty), not on a half-filled one", () => {
    const blank = (weight: string) => ({
      level1: "产出指标",
      level2: "数量指标",
      name: "",
      target: "",
      actual: "",
      weight,
      score: "",
    });
    const template = buildForm({ indicators: [blank(""), blank(""), blank("")] });
    expect(check(weightSum, template)).toEqual([]);
    const started = buildForm({ indicators: [blank("20"), blank(""), blank("")] });
    expect(check(weightSum, started).map((f) => f.actual)).toEqual(["30"]);
  });
});
