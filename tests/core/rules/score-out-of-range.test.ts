import { describe, expect, it } from "vitest";
import { scoreOutOfRange } from "../../../src/core/rules/score-out-of-range";
import { buildForm, withIndicator } from "../../support/form-builder";
import { check as findingsOf, SEED_000_CADRE_REVIEW, SEED_001_RECRUITMENT } from "./seed-forms";

// Default form row 3 (sheet row 16): 效益 关注度, 得到提高 → 得到提高, weight 30.
describe("score-out-of-range", () => {
  it("accepts the default form and the seed forms as printed", () => {
    expect(findingsOf(scoreOutOfRange, buildForm())).toEqual([]);
    expect(findingsOf(scoreOutOfRange, buildForm({ indicators: SEED_001_RECRUITMENT }))).toEqual(
      [],
    );
    // 完成预期 with 29 of 30: inside the 达成 band (24–30).
    expect(findingsOf(scoreOutOfRange, buildForm({ indicators: SEED_000_CADRE_REVIEW }))).toEqual(
      [],
    );
  });

  it("reports a score above its weight on the score cell", () => {
    const form = buildForm({ indicators: withIndicator(0, { score: "25" }) });
    const findings = findingsOf(scoreOutOfRange, form);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "score-out-of-range",
      severity: "error",
      cell: "G13",
    });
    expect(findings[0].message).toContain("25");
    expect(findings[0].message).toContain("20");
  });

  it("reports a negative score", () => {
    const findings = findingsOf(
      scoreOutOfRange,
      buildForm({ indicators: withIndicator(1, { score: "-2" }) }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].cell).toBe("G14");
    expect(findings[0].message).toContain("-2");
  });

  it("checks only when both weight and score are numbers", () => {
    const blankWeight = buildForm({ indicators: withIndicator(0, { weight: "", score: "25" }) });
    expect(findingsOf(scoreOutOfRange, blankWeight)).toEqual([]);
    const dash = buildForm({ indicators: withIndicator(0, { score: "—" }) });
    expect(findingsOf(scoreOutOfRange, dash)).toEqual([]);
  });

  it("reports full marks when the actual says 未达成 or 部分达成", () => {
    for (const actual of ["未达成", "部分达成"]) {
      const form = buildForm({ indicators: withIndicator(3, { actual, score: "30" }) });
      const findings = findingsOf(scoreOutOfRange, form);
      expect(findings, actual).toHaveLength(1);
      expect(findings[0].cell).toBe("G16");
      expect(findings[0].message).toContain(actual);
      expect(findings[0].message).toContain("30");
    }
  });

  it("uses the qualitative bands: 达成 ≥ 80%, 部分达成 60% to below 80%, 未达成 below 60%", () => {
    const at = (actual: string, score: string) =>
      findingsOf(scoreOutOfRange, buildForm({ indicators: withIndicator(3, { actual, score }) }));
    expect(at("已完成", "24")).toEqual([]); // 80% of 30, inclusive
    expect(at("已完成", "23.5")).toHaveLength(1);
    expect(at("部分达成", "18")).toEqual([]); // 60% inclusive
    expect(at("部分达成", "23.9")).toEqual([]);
    expect(at("部分达成", "24")).toHaveLength(1); // 80% belongs to 达成
    expect(at("部分达成", "17")).toHaveLength(1);
    expect(at("未完成", "17.9")).toEqual([]);
    expect(at("未完成", "18")).toHaveLength(1);
  });

  it("does not read an achievement into texts that state none", () => {
    // 得到提高 says nothing about how far the target was reached: no band applies.
    const form = buildForm({ indicators: withIndicator(3, { score: "10" }) });
    expect(findingsOf(scoreOutOfRange, form)).toEqual([]);
  });
});
