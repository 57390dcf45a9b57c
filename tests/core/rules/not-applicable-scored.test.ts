import { describe, expect, it } from "vitest";
import { notApplicableScored } from "../../../src/core/rules/not-applicable-scored";
import { buildForm, withIndicator } from "../../support/form-builder";
import { check as findingsOf, SEED_000_CADRE_REVIEW, SEED_000_WECHAT } from "./seed-forms";

describe("not-applicable-scored", () => {
  it("accepts 不涉及 placeholders with empty or zero weight and score (seed 000)", () => {
    expect(
      findingsOf(notApplicableScored, buildForm({ indicators: SEED_000_CADRE_REVIEW })),
    ).toEqual([]);
    expect(findingsOf(notApplicableScored, buildForm({ indicators: SEED_000_WECHAT }))).toEqual([]);
    const zero = buildForm({
      indicators: withIndicator(0, {
        name: "不涉及",
        target: "",
        actual: "",
        weight: "0",
        score: "0",
      }),
    });
    expect(findingsOf(notApplicableScored, zero)).toEqual([]);
  });

  it("reports a 不涉及 row with a weight on the weight cell", () => {
    const form = buildForm({
      indicators: withIndicator(1, {
        name: "不涉及",
        target: "",
        actual: "",
        weight: "10",
        score: "10",
      }),
    });
    const findings = findingsOf(notApplicableScored, form);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "not-applicable-scored",
      severity: "warning",
      cell: "F14",
    });
    expect(findings[0].message).toContain("不涉及");
    expect(findings[0].message).toContain("10");
  });

  it("reports a score without a weight on the score cell", () => {
    const form = buildForm({
      indicators: withIndicator(1, {
        name: "不涉及",
        target: "",
        actual: "",
        weight: "",
        score: "5",
      }),
    });
    const findings = findingsOf(notApplicableScored, form);
    expect(findings).toHaveLength(1);
    expect(findings[0].cell).toBe("G14");
    expect(findings[0].message).toContain("5");
  });

  it("recognises 不涉及此项内容 in the target too", () => {
    const form = buildForm({
      indicators: withIndicator(2, {
        target: "不涉及此项内容",
        actual: "",
        weight: "10",
        score: "10",
      }),
    });
    const findings = findingsOf(notApplicableScored, form);
    expect(findings).toHaveLength(1);
    expect(findings[0].cell).toBe("F15");
    expect(findings[0].message).toContain("不涉及此项内容");
  });
});
