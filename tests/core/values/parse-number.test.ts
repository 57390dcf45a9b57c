import { describe, expect, it } from "vitest";
import { parseNumber } from "../../../src/core/values";

describe("parseNumber: plain numbers as printed in the seeds", () => {
  it.each([
    ["1,663.27", 1663.27, 2],
    ["1,404.77", 1404.77, 2],
    ["29.837303", 29.837303, 6],
    ["12.142 988", 12.142988, 6],
    ["0.045", 0.045, 3],
    ["2.73", 2.73, 2],
    ["10", 10, 0],
    ["  50.00 ", 50, 2],
    ["１２", 12, 0],
    ["1，663．27", 1663.27, 2],
    ["-3.5", -3.5, 1],
  ])("%j → %d (%d decimals)", (text, value, decimals) => {
    expect(parseNumber(text)).toEqual({ ok: true, value, unit: undefined, decimals });
  });
});

describe("parseNumber: money units and percentages", () => {
  it.each([
    ["29.616\n9 万元", 29.6169, "万元", 4],
    ["3.5万", 3.5, "万", 1],
    ["76.3万元", 76.3, "万元", 1],
    ["4200元", 4200, "元", 0],
    ["99.06%", 99.06, "%", 2],
    ["100%", 100, "%", 0],
    ["95.00(%)", 95, "%", 2],
    ["84.45（%）", 84.45, "%", 2],
  ])("%j → %d %s", (text, value, unit, decimals) => {
    expect(parseNumber(text)).toEqual({ ok: true, value, unit, decimals });
  });
});

describe("parseNumber: numbers stored as numbers", () => {
  it.each([
    [29.837303, 6],
    [0.1, 1],
    [100, 0],
    [1e-7, 7],
  ])("%d keeps its value with %d decimals", (value, decimals) => {
    expect(parseNumber(value)).toEqual({ ok: true, value, unit: undefined, decimals });
  });
});

describe("parseNumber: empty and not applicable are empty, never zero", () => {
  it.each(["", "   ", "—", "-", "－", "/", "不涉及", "不涉及此项内容", null, undefined])(
    "%j",
    (input) => {
      const result = parseNumber(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.empty).toBe(true);
    },
  );
});

describe("parseNumber: rejects what is not one number, with a Chinese reason", () => {
  it.each([
    ["abc", "“abc”"],
    ["≥500", "比较"],
    ["=100(%)", "比较"],
    ["不少于4次", "比较"],
    ["1-2 批次", "“1-2 批次”"],
    ["2503米", "米"],
    ["5万元以内", "“5万元以内”"],
    ["1,2", "“1,2”"],
  ])("%j", (text, mentions) => {
    const result = parseNumber(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.empty).toBe(false);
      expect(result.reason).toContain(mentions);
      expect(result.reason).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it.each([true, false, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    "%j is invalid, not empty",
    (input) => {
      const result = parseNumber(input);
      expect(result).toMatchObject({ ok: false, empty: false });
    },
  );
});
