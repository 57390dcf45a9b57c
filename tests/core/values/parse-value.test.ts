import { describe, expect, it } from "vitest";
import { parseValue } from "../../../src/core/values";

describe("parseValue: plain numbers (domain.md §3)", () => {
  it.each([
    ["1,663.27", 1663.27, undefined, 2],
    ["29.837303", 29.837303, undefined, 6],
    ["12.142 988", 12.142988, undefined, 6],
    ["29.616\n9 万元", 29.6169, "万元", 4],
    ["１２", 12, undefined, 0],
    ["1，663．27", 1663.27, undefined, 2],
  ])("%j → %d %s", (text, value, unit, decimals) => {
    expect(parseValue(text)).toEqual({ kind: "number", value, unit, decimals });
  });

  it.each([
    [248, 0],
    [29.837303, 6],
    [0.045, 3],
  ])("the number %d stored as a number has %d decimals and no unit", (value, decimals) => {
    expect(parseValue(value)).toEqual({ kind: "number", value, unit: undefined, decimals });
  });
});

describe("parseValue: numbers with units", () => {
  it.each([
    ["3.5万", 3.5, "万", 1],
    ["76.3万元", 76.3, "万元", 1],
    ["2503米", 2503, "米", 0],
    ["12 项", 12, "项", 0],
    ["21 项", 21, "项", 0],
    ["25 篇", 25, "篇", 0],
    ["248人", 248, "人", 0],
    ["90.00(%)", 90, "%", 2],
    ["60(人次)", 60, "人次", 0],
    ["2(场)", 2, "场", 0],
  ])("%j → %d %s", (text, value, unit, decimals) => {
    expect(parseValue(text)).toEqual({ kind: "number", value, unit, decimals });
  });
});

describe("parseValue: percentages", () => {
  it.each([
    ["100%", 100, 0],
    ["99.06%", 99.06, 2],
    ["95.00(%)", 95, 2],
    ["85％", 85, 0],
  ])("%j → %d%%", (text, value, decimals) => {
    expect(parseValue(text)).toEqual({ kind: "number", value, unit: "%", decimals });
  });
});

describe("parseValue: empty and not applicable (never zero)", () => {
  it.each(["", "  ", "\n", null, undefined])("%j → empty", (input) => {
    expect(parseValue(input)).toEqual({ kind: "empty" });
  });

  it.each(["—", "-", "－", "/", "不涉及", "不涉及此项内容", " — "])("%j → na", (text) => {
    expect(parseValue(text).kind).toBe("na");
  });
});

describe("parseValue: comparator symbols", () => {
  it.each([
    ["≥500", ">=", 500, undefined, 0],
    ["≤6 万元", "<=", 6, "万元", 0],
    [">95(%)", ">", 95, "%", 0],
    ["=8(个)", "=", 8, "个", 0],
    ["=100(%)", "=", 100, "%", 0],
    ["=95(%)", "=", 95, "%", 0],
    ["≧90%", ">=", 90, "%", 0],
    ["≦15%", "<=", 15, "%", 0],
    ["＝8", "=", 8, undefined, 0],
    ["﹦8", "=", 8, undefined, 0],
    ["﹥95%", ">", 95, "%", 0],
    [">=85%", ">=", 85, "%", 0],
    ["<= 550元", "<=", 550, "元", 0],
    ["≤4200元", "<=", 4200, "元", 0],
    ["≥1840米", ">=", 1840, "米", 0],
    ["≤30万元", "<=", 30, "万元", 0],
    ["≤550元", "<=", 550, "元", 0],
    ["≥1000.00(份)", ">=", 1000, "份", 2],
    ["≤0.00(次数)", "<=", 0, "次数", 2],
    ["≥2 期", ">=", 2, "期", 0],
    ["<3", "<", 3, undefined, 0],
  ])("%j → %s %d %s", (text, op, value, unit, decimals) => {
    expect(parseValue(text)).toEqual({ kind: "comparison", op, value, unit, decimals });
  });
});

describe("parseValue: comparators in words", () => {
  it.each([
    ["不少于4次", ">=", 4, "次"],
    ["不低于90%", ">=", 90, "%"],
    ["不超过3.5万", "<=", 3.5, "万"],
    ["不高于5万元", "<=", 5, "万元"],
    ["大于80%", ">", 80, "%"],
    ["高于60%", ">", 60, "%"],
    ["小于5%", "<", 5, "%"],
    ["低于3次", "<", 3, "次"],
    ["达到90%", ">=", 90, "%"],
    ["98%以上", ">=", 98, "%"],
    ["90%及以上", ">=", 90, "%"],
    ["5万元以内", "<=", 5, "万元"],
    ["3次以下", "<=", 3, "次"],
    ["达到95%以上", ">=", 95, "%"],
    ["控制在5万元以内", "<=", 5, "万元"],
  ])("%j → %s %d %s", (text, op, value, unit) => {
    expect(parseValue(text)).toMatchObject({ kind: "comparison", op, value, unit });
  });
});

describe("parseValue: ranges and approximations", () => {
  it.each([
    ["1-2 批次", 1, 2, "批次"],
    ["1～2", 1, 2, undefined],
    ["1至2", 1, 2, undefined],
    ["3~5个", 3, 5, "个"],
    ["1到2次", 1, 2, "次"],
  ])("%j → range %d…%d %s", (text, min, max, unit) => {
    expect(parseValue(text)).toEqual({ kind: "range", min, max, unit });
  });

  it.each([
    ["约30人", 30, "人"],
    ["30人左右", 30, "人"],
    ["大约5场", 5, "场"],
  ])("%j → about %d %s", (text, value, unit) => {
    expect(parseValue(text)).toEqual({ kind: "approx", value, unit });
  });
});

describe("parseValue: time targets", () => {
  it.each([
    ["12 月底", "<=", 12, true],
    ["≤12月", "<=", 12, true],
    ["11 月底前", "<=", 11, false],
    ["年底前完成", "<=", 12, true],
    ["本年度内", "<=", 12, true],
    ["2024年12月底", "<=", 12, true],
    ["12月", "=", 12, true],
    ["6月30日前", "<=", 6, false],
    ["第四季度", "<=", 12, true],
    ["12 月底前", "<=", 12, true],
    ["12月完成", "=", 12, true],
    ["年底完成", "<=", 12, true],
  ])("%j → %s month %d", (text, op, month, yearEnd) => {
    expect(parseValue(text)).toEqual({ kind: "time", op, month, yearEnd });
  });

  it("reads ≤12个月 as a duration, not a month", () => {
    expect(parseValue("≤12个月")).toEqual({ kind: "time", op: "<=", months: 12, yearEnd: false });
  });

  it("rejects a month that does not exist", () => {
    expect(parseValue("13月底").kind).not.toBe("time");
  });
});

describe("parseValue: qualitative targets", () => {
  it.each([
    "得到提高",
    "健全",
    "有效",
    "持续优化",
    "优良中低差",
    "优",
    "良好",
    "基本完成",
    "部分达成",
    // Seed 000 targets and actuals.
    "功能完备",
    "合规",
    "营造良好的组工形象",
    "完成全区处级干部考核",
    "较好",
  ])("%j → qualitative", (text) => {
    expect(parseValue(text)).toEqual({ kind: "qualitative", text });
  });
});

describe("parseValue: statements that the target was met", () => {
  it.each([
    "达成指标",
    "实现指标",
    "完成预期",
    "已完成",
    "已达标",
    "达到预期目标",
    "按时完成",
    "预算内",
    "在预算范围内完成",
    "完成",
    "未超预算",
    "已达到预期标准",
    // More seed 000 actuals.
    "不超预算",
    "预算内完成",
    "预算额度内",
    "已在预定时间内完成",
    "预期内完成",
    "已完成相关工作",
    "已达到预期效果",
  ])("%j → met", (text) => {
    expect(parseValue(text)).toEqual({ kind: "met", text });
  });

  it.each(["未完成", "未达成"])("%j is not met", (text) => {
    expect(parseValue(text).kind).not.toBe("met");
  });
});

describe("parseValue: what it cannot read", () => {
  // Targets the validator must report as not quantified (domain.md §5).
  it.each(["宣传工作需要", "阅读数量", "成本控制", "abc", "1,2", "5-3个"])(
    "%j → invalid with a reason",
    (text) => {
      const value = parseValue(text);
      expect(value.kind).toBe("invalid");
      if (value.kind === "invalid") {
        expect(value.text).toBe(text);
        expect(value.reason).toContain(text);
      }
    },
  );

  it.each([true, false, Number.NaN, Number.POSITIVE_INFINITY])("%j → invalid", (input) => {
    const value = parseValue(input);
    expect(value.kind).toBe("invalid");
    if (value.kind === "invalid") expect(value.reason).toMatch(/[\u4e00-\u9fff]/);
  });
});
