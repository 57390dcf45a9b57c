import { describe, expect, it } from "vitest";
import { targetNotQuantified } from "../../../src/core/rules/target-not-quantified";
import { buildForm, withIndicator } from "../../support/form-builder";
import { check as findingsOf, SEED_000_WECHAT } from "./seed-forms";

describe("target-not-quantified", () => {
  it("reports 宣传工作需要, 阅读数量 and 按时完成 (seed 000 公众号) on the target cells", () => {
    const findings = findingsOf(targetNotQuantified, buildForm({ indicators: SEED_000_WECHAT }));
    const byCell = new Map(findings.map((f) => [f.cell, f]));
    for (const [cell, text] of [
      ["D13", "宣传工作需要"],
      ["D14", "阅读数量"],
      ["D15", "按时完成"],
    ]) {
      const finding = byCell.get(cell);
      expect(finding, cell).toBeDefined();
      expect(finding).toMatchObject({ rule: "target-not-quantified", severity: "info" });
      expect(finding?.message).toContain(text);
    }
    // 不涉及 rows (D17, D20) have no target to judge.
    expect(byCell.has("D17")).toBe(false);
    expect(byCell.has("D20")).toBe(false);
  });

  it("accepts numbers, times and recognised qualitative standards", () => {
    for (const target of [
      "得到提高",
      "健全",
      "有效",
      "优良中低差",
      "≥90%",
      "12月底",
      "1-2 批次",
      "约30人",
    ]) {
      const form = buildForm({ indicators: withIndicator(3, { target }) });
      expect(findingsOf(targetNotQuantified, form), target).toEqual([]);
    }
    expect(findingsOf(targetNotQuantified, buildForm())).toEqual([]);
  });

  it("leaves empty targets to required-field", () => {
    expect(
      findingsOf(targetNotQuantified, buildForm({ indicators: withIndicator(0, { target: "" }) })),
    ).toEqual([]);
  });

  it("does not note a standard written inside a sentence (issue 9), but keeps unmeasurable ones", () => {
    const measurable = [
      "全部工作11月底前完成",
      "群众满意率达到95%",
      "维修及时（3日内到场）",
      "补助标准不超过1500元/人",
      "效益持续5年以上",
      "每周提供2－3期简报",
      "2024.1.1-2024.12.31",
      "于2024年12月20日前提交报告",
    ];
    for (const target of measurable) {
      const form = buildForm({ indicators: withIndicator(0, { target }) });
      expect(findingsOf(targetNotQuantified, form), target).toEqual([]);
    }
    for (const target of ["慰问困难职工", "丰富支部生活，拓展视野", "为决策提供支撑"]) {
      const form = buildForm({ indicators: withIndicator(0, { target }) });
      expect(
        findingsOf(targetNotQuantified, form).map((f) => f.cell),
        target,
      ).toEqual(["D13"]);
    }
  });
});
