import { describe, expect, it } from "vitest";
import { findStandards, soleStandard } from "../../../src/core/values";

describe("findStandards", () => {
  it("finds the time, amount, count or rate of published targets written as sentences", () => {
    expect(soleStandard("全部工作11月底前完成")).toEqual({
      kind: "time",
      op: "<=",
      month: 11,
      yearEnd: false,
    });
    expect(soleStandard("群众满意率达到95%")).toEqual({
      kind: "comparison",
      op: ">=",
      value: 95,
      unit: "%",
      decimals: 0,
    });
    expect(soleStandard("维修及时（3日内到场）")).toMatchObject({
      kind: "comparison",
      op: "<=",
      value: 3,
      unit: "日",
    });
    expect(soleStandard("补助标准不超过1500元/人")).toMatchObject({
      kind: "comparison",
      op: "<=",
      value: 1500,
      unit: "元",
    });
    expect(soleStandard("效益持续5年以上")).toMatchObject({ op: ">=", value: 5, unit: "年" });
    expect(soleStandard("每周提供2－3期简报")).toEqual({
      kind: "range",
      min: 2,
      max: 3,
      unit: "期",
    });
    expect(soleStandard("2024.1.1-2024.12.31")).toMatchObject({ kind: "time", month: 12 });
    expect(soleStandard("于2024年12月20日前提交报告")).toMatchObject({
      kind: "time",
      op: "<=",
      month: 12,
      yearEnd: true,
    });
    expect(soleStandard("年底前完成全部验收")).toMatchObject({ kind: "time", yearEnd: true });
  });

  it("finds nothing in targets with no standard, a lone year or an ordinal", () => {
    for (const text of [
      "慰问困难职工",
      "丰富支部生活，拓展视野",
      "为决策提供支撑",
      "宣传工作需要",
      "按时完成",
      "完成2023年度考核",
      "召开第3次会议",
      "",
    ]) {
      expect(findStandards(text), text).toEqual([]);
    }
  });

  it("finds every standard of a text with several, and soleStandard then gives none", () => {
    const text = "培训不少于200人次，满意度达到90%以上，11月底前完成";
    expect(findStandards(text).map((s) => s.value.kind)).toEqual([
      "time",
      "comparison",
      "comparison",
    ]);
    expect(soleStandard(text)).toBeUndefined();
  });

  it("never throws and stays bounded on hostile input", () => {
    const hostile = [
      "1".repeat(100_000),
      "≥".repeat(5000) + "9".repeat(400),
      "2024.1.1-".repeat(3000),
      "\u0000\ud800月底前",
      "达到" + "9,".repeat(5000) + "%",
    ];
    for (const text of hostile) {
      expect(() => findStandards(text)).not.toThrow();
    }
    expect(findStandards(null)).toEqual([]);
    expect(findStandards(42)).toEqual([]);
  });
});
