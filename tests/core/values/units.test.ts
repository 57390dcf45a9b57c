import { describe, expect, it } from "vitest";
import { moneyFactor, parseValue, toCommonUnit } from "../../../src/core/values";

describe("moneyFactor", () => {
  it.each([
    ["元", 1],
    ["万元", 1e4],
    ["万", 1e4],
    ["亿元", 1e8],
    ["亿", 1e8],
  ])("%s → %d", (unit, factor) => {
    expect(moneyFactor(unit)).toBe(factor);
  });

  it.each([undefined, "%", "个", "米", "人次", "toString", "constructor"])(
    "%j is not money",
    (unit) => {
      expect(moneyFactor(unit)).toBeUndefined();
    },
  );
});

describe("toCommonUnit", () => {
  it("compares a target of ≤4200元 with an actual of 0.42万元 as equal", () => {
    const target = parseValue("≤4200元");
    const actual = parseValue("0.42万元");
    if (target.kind !== "comparison" || actual.kind !== "number") throw new Error("parse failed");
    const common = toCommonUnit(target, actual);
    expect(common).toBeDefined();
    expect(common!.a).toBe(common!.b);
    expect(common!.unit).toBe("元");
  });

  it("reads rate units (元/人, 万元/人, 元/人·天) and converts 万元/人 into 元/人", () => {
    const target = parseValue("≤1500元/人");
    const actual = parseValue("0.16万元/人");
    expect(target).toMatchObject({ kind: "comparison", op: "<=", value: 1500, unit: "元/人" });
    expect(actual).toMatchObject({ kind: "number", value: 0.16, unit: "万元/人" });
    if (target.kind !== "comparison" || actual.kind !== "number") throw new Error("parse failed");
    expect(toCommonUnit(target, actual)).toEqual({ a: 1500, b: 1600, unit: "元/人" });
    expect(parseValue("≤5元/人·天")).toMatchObject({ kind: "comparison", unit: "元/人·天" });
    // Per-person and per-kilometre amounts are different things: not comparable.
    expect(
      toCommonUnit({ value: 1, unit: "元/人" }, { value: 1, unit: "元/公里" }),
    ).toBeUndefined();
  });

  it("converts 万元 into 元 whichever side it is on", () => {
    expect(toCommonUnit({ value: 0.42, unit: "万元" }, { value: 4300, unit: "元" })).toEqual({
      a: 4200,
      b: 4300,
      unit: "元",
    });
    expect(toCommonUnit({ value: 40, unit: "万元" }, { value: 42.82, unit: "万" })).toEqual({
      a: 40,
      b: 42.82,
      unit: "万元",
    });
  });

  it("gives a missing unit the other side's unit", () => {
    expect(
      toCommonUnit({ value: 30, unit: "万元" }, { value: 29.837303, unit: undefined }),
    ).toEqual({ a: 30, b: 29.837303, unit: "万元" });
    expect(toCommonUnit({ value: 90, unit: undefined }, { value: 92, unit: "%" })).toEqual({
      a: 90,
      b: 92,
      unit: "%",
    });
  });

  it("keeps equal units as they are", () => {
    expect(toCommonUnit({ value: 1840, unit: "米" }, { value: 2503, unit: "米" })).toEqual({
      a: 1840,
      b: 2503,
      unit: "米",
    });
  });

  it.each([
    ["%", "元"],
    ["%", "个"],
    ["人", "人次"],
    ["万元", "米"],
  ])("%s cannot be compared with %s", (ua, ub) => {
    expect(toCommonUnit({ value: 1, unit: ua }, { value: 1, unit: ub })).toBeUndefined();
  });
});
