import { describe, expect, it } from "vitest";
import { scoreInconsistent } from "../../../src/core/rules/score-inconsistent";
import { buildForm, withIndicator } from "../../support/form-builder";
import {
  check as findingsOf,
  SEED_000_PLATFORM_SATISFACTION,
  SEED_001_RECRUITMENT,
} from "./seed-forms";

const recruit = SEED_001_RECRUITMENT[0]; // 257 → 248, weight 5, printed 4.8 (computed 4.82)

describe("score-inconsistent", () => {
  it("accepts scores that agree with PERF.SCORE at their printed precision", () => {
    expect(findingsOf(scoreInconsistent, buildForm())).toEqual([]);
    expect(findingsOf(scoreInconsistent, buildForm({ indicators: SEED_001_RECRUITMENT }))).toEqual(
      [],
    );
    const satisfaction = buildForm({
      indicators: withIndicator(4, SEED_000_PLATFORM_SATISFACTION),
    });
    expect(findingsOf(scoreInconsistent, satisfaction)).toEqual([]); // 100% → 90%: 9 of 10
    expect(
      findingsOf(scoreInconsistent, buildForm({ indicators: [{ ...recruit, score: "4.82" }] })),
    ).toEqual([]);
  });

  it("reports a met target that was deducted", () => {
    const form = buildForm({ indicators: withIndicator(0, { score: "18" }) }); // ≥500 → 524
    const findings = findingsOf(scoreInconsistent, form);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "score-inconsistent",
      severity: "warning",
      cell: "G13",
    });
    expect(findings[0].message).toContain("524");
    expect(findings[0].message).toContain("≥500");
    expect(findings[0].message).toContain("18");
  });

  it("reports a missed target scored full", () => {
    const form = buildForm({ indicators: [{ ...recruit, score: "5" }] });
    const findings = findingsOf(scoreInconsistent, form);
    expect(findings).toHaveLength(1);
    expect(findings[0].cell).toBe("G13");
    expect(findings[0].expected).toBe("4.82");
    expect(findings[0].message).toContain("248");
    expect(findings[0].message).toContain("4.82");
  });

  it("reports a score that differs from the proportional score beyond its printed precision", () => {
    for (const score of ["4", "4.9", "4.75"]) {
      const findings = findingsOf(
        scoreInconsistent,
        buildForm({ indicators: [{ ...recruit, score }] }),
      );
      expect(findings, score).toHaveLength(1);
      expect(findings[0].message).toContain("4.82");
    }
  });

  it("scores an exceeded 成本 ceiling down (≤40万元 → 42.82万元, weight 5 → 4.65)", () => {
    const cost = {
      level1: "成本指标",
      level2: "经济成本指标",
      name: "资金成本",
      target: "≤40万元",
      actual: "42.82万元",
      weight: "5",
    };
    expect(
      findingsOf(scoreInconsistent, buildForm({ indicators: [{ ...cost, score: "4.65" }] })),
    ).toEqual([]);
    const full = findingsOf(
      scoreInconsistent,
      buildForm({ indicators: [{ ...cost, score: "5" }] }),
    );
    expect(full).toHaveLength(1);
    expect(full[0].message).toContain("4.65");
  });

  it("leaves out-of-range and qualitative scores to score-out-of-range", () => {
    expect(
      findingsOf(scoreInconsistent, buildForm({ indicators: withIndicator(0, { score: "25" }) })),
    ).toEqual([]);
    expect(
      findingsOf(scoreInconsistent, buildForm({ indicators: withIndicator(3, { score: "20" }) })),
    ).toEqual([]);
  });
});
