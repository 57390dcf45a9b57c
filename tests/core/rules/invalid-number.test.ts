import { describe, expect, it } from "vitest";
import { invalidNumber } from "../../../src/core/rules/invalid-number";
import { buildForm, withIndicator } from "../../support/form-builder";
import {
  SEED_000_CADRE_TRAINING,
  SEED_000_SECONDED,
  SEED_003_CIVIL_SERVICE,
  check,
} from "./seed-forms";

describe("invalid-number", () => {
  it("passes seed forms: dashes, blanks, 不涉及 and “61.59” rates", () => {
    expect(check(invalidNumber, buildForm(SEED_003_CIVIL_SERVICE))).toEqual([]);
    expect(check(invalidNumber, buildForm(SEED_000_CADRE_TRAINING))).toEqual([]);
  });

  it("leaves numbers typed as text to number-as-text: “12.142 988”, “3.5万”, “10分” are readable", () => {
    expect(check(invalidNumber, buildForm(SEED_000_SECONDED))).toEqual([]);
    const form = buildForm({
      funds: {
        initial: "3.5万",
        budget: "3.5",
        executed: "3.467",
        weight: "10分",
        rate: "99.06%",
        score: "9.91",
      },
    });
    expect(check(invalidNumber, form)).toEqual([]);
  });

  it("takes a lone 一 / ‒ / − typed for “—” as not applicable, not as an invalid number", () => {
    for (const dash of ["一", "‒", "−", "ー"]) {
      const form = buildForm({
        carryover: { initial: dash, budget: dash, executed: dash },
        indicators: withIndicator(0, {
          name: "不涉及",
          target: "",
          actual: "",
          weight: dash,
          score: dash,
        }),
      });
      expect(check(invalidNumber, form)).toEqual([]);
    }
    // A digit-like 一 next to other text is still not a number.
    const findings = check(
      invalidNumber,
      buildForm({ indicators: withIndicator(0, { score: "一十" }) }),
    );
    expect(findings.map((f) => f.cell)).toEqual(["G13"]);
  });

  it("reports a word in an indicator score cell", () => {
    const findings = check(
      invalidNumber,
      buildForm({ indicators: withIndicator(0, { score: "满分" }) }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: "invalid-number", severity: "error", cell: "G13" });
    expect(findings[0].message).toContain("发布信息条数");
    expect(findings[0].message).toContain("满分");
  });

  it("reports a comparison typed into an amount cell and a money unit in a weight cell", () => {
    const form = buildForm({
      funds: {
        initial: "50",
        budget: "≥50",
        executed: "49.52",
        weight: "10万",
        rate: "99.04%",
        score: "9.9",
      },
    });
    const findings = check(invalidNumber, form);
    expect(findings.map((f) => f.cell)).toEqual(["C6", "E6"]);
    expect(findings[0].message).toContain("全年预算数");
    expect(findings[1].message).toContain("分值");
  });

  it("reports a percentage in an amount cell and text in the 总分 得分", () => {
    const form = buildForm({
      appropriation: { initial: "50", budget: "100%", executed: "49.52" },
      totalScore: "九十九",
    });
    const findings = check(invalidNumber, form);
    expect(findings.map((f) => f.cell)).toEqual(["C7", "G18"]);
    expect(findings[0].message).toContain("当年财政拨款");
  });

  it("reports a unit that does not belong in the column: 分 in an amount, % in a score", () => {
    const form = buildForm({
      funds: {
        initial: "50分",
        budget: "50",
        executed: "49.52",
        weight: "10",
        rate: "99.04%",
        score: "9.9%",
      },
    });
    const findings = check(invalidNumber, form);
    expect(findings.map((f) => f.cell)).toEqual(["B6", "G6"]);
    expect(findings[0].message).toContain("金额不能带单位“分”");
  });

  it("reports a printed 执行率 with a unit other than %", () => {
    const form = buildForm({
      funds: {
        initial: "50",
        budget: "50",
        executed: "49.52",
        weight: "10",
        rate: "49.52万元",
        score: "9.9",
      },
    });
    expect(check(invalidNumber, form).map((f) => f.cell)).toEqual(["F6"]);
  });
});
