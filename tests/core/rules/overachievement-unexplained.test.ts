import { describe, expect, it } from "vitest";
import { national } from "../../../src/core/profiles";
import { withOverrides } from "../../../src/core/profiles/overrides";
import { overachievementUnexplained } from "../../../src/core/rules/overachievement-unexplained";
import { buildForm, withIndicator } from "../../support/form-builder";
import {
  check as findingsOf,
  SEED_000_EPIDEMIC_COST,
  SEED_001_EQUIPMENT,
  SEED_001_RECRUITMENT,
} from "./seed-forms";

describe("overachievement-unexplained", () => {
  it("reports ≥1840米 → 2503米 and 12 项 → 21 项 (seed 001) on their explanation cells", () => {
    const findings = findingsOf(
      overachievementUnexplained,
      buildForm({ indicators: SEED_001_EQUIPMENT }),
    );
    expect(findings.map((f) => f.cell)).toEqual(["H13", "H14"]);
    expect(findings[0]).toMatchObject({ rule: "overachievement-unexplained", severity: "warning" });
    expect(findings[0].message).toContain("2503 米");
    expect(findings[0].message).toContain("≥1840 米");
    expect(findings[0].message).toContain("30%");
    expect(findings[1].message).toContain("21 项");
    expect(findings[1].message).toContain("75%");
  });

  it("does not report ≥500 → 524, percentages, or near-ceiling costs", () => {
    expect(findingsOf(overachievementUnexplained, buildForm())).toEqual([]);
    expect(
      findingsOf(overachievementUnexplained, buildForm({ indicators: SEED_001_RECRUITMENT })),
    ).toEqual([]);
    const satisfaction = buildForm({
      indicators: withIndicator(4, { target: "≥85%", actual: "100%" }),
    });
    expect(findingsOf(overachievementUnexplained, satisfaction)).toEqual([]);
  });

  it("reports a cost far below its ceiling (seed 000: ≤30万元, 4.952184 spent)", () => {
    const form = buildForm({ indicators: [...withIndicator(0, {}), SEED_000_EPIDEMIC_COST] });
    const findings = findingsOf(overachievementUnexplained, form);
    expect(findings).toHaveLength(1);
    expect(findings[0].cell).toBe("H18");
    expect(findings[0].message).toContain("4.952184");
    expect(findings[0].message).toContain("≤30万元");
    expect(findings[0].message).toContain("16.5%");
  });

  it("does not ask about an 'at most' target outside 成本 (错字 ≤5 → 0)", () => {
    const form = buildForm({ indicators: withIndicator(1, { target: "≤50", actual: "0" }) });
    expect(findingsOf(overachievementUnexplained, form)).toEqual([]);
  });

  it("is satisfied by an explanation", () => {
    const indicators = SEED_001_EQUIPMENT.map((row, i) =>
      i < 2 ? { ...row, explanation: "实际需求增加，按实际改造" } : row,
    );
    expect(findingsOf(overachievementUnexplained, buildForm({ indicators }))).toEqual([]);
  });

  it("follows the profile's margin", () => {
    const loose = withOverrides(national, { overachievementMargin: 0.5 });
    const findings = findingsOf(
      overachievementUnexplained,
      buildForm({ indicators: SEED_001_EQUIPMENT }),
      loose,
    );
    // 2503 / 1840 = 136% is within 50%; 21 / 12 = 175% is not.
    expect(findings.map((f) => f.cell)).toEqual(["H14"]);
  });

  it("takes “暂无” or the indicator's own name as no explanation, saying why", () => {
    for (const [text, why] of [
      ["暂无", "‘暂无’ 不是原因说明"],
      [SEED_001_EQUIPMENT[0].name, "只是指标名称"],
    ]) {
      const indicators = [{ ...SEED_001_EQUIPMENT[0], explanation: text }];
      const findings = findingsOf(overachievementUnexplained, buildForm({ indicators }));
      expect(
        findings.map((f) => f.cell),
        text,
      ).toEqual(["H13"]);
      expect(findings[0].message, text).toContain(why);
    }
  });
});
