import { describe, expect, it } from "vitest";
import { formatGeneral, formatValue } from "../../../src/core/grid/format";

describe("formatGeneral", () => {
  it("drops binary float noise", () => {
    expect(formatGeneral(0.1 + 0.2)).toBe("0.3");
    expect(formatGeneral(49.52 / 50)).toBe("0.9904");
    expect(formatGeneral(29.837303)).toBe("29.837303");
  });
  it("keeps integers and at most 11 significant digits", () => {
    expect(formatGeneral(100)).toBe("100");
    expect(formatGeneral(0)).toBe("0");
    expect(formatGeneral(-6)).toBe("-6");
    expect(formatGeneral(2 / 3)).toBe("0.66666666667");
    expect(formatGeneral(1663.27)).toBe("1663.27");
  });
  it("switches to scientific for very large or very small numbers", () => {
    expect(formatGeneral(123456789012)).toBe("1.23457E+11");
    expect(formatGeneral(0.000001)).toBe("1E-06");
  });
});

describe("formatValue", () => {
  it("renders fixed decimals with half-up rounding", () => {
    expect(formatValue(49.52, "0.00")).toBe("49.52");
    expect(formatValue(50, "0.00")).toBe("50.00");
    expect(formatValue(9.904, "0.0")).toBe("9.9");
    expect(formatValue(1.005, "0.00")).toBe("1.01");
    expect(formatValue(2.5, "0")).toBe("3");
    expect(formatValue(-2.5, "0")).toBe("-3");
  });
  it("groups thousands", () => {
    expect(formatValue(1663.27, "#,##0.00")).toBe("1,663.27");
    expect(formatValue(1234567, "#,##0")).toBe("1,234,567");
    expect(formatValue(0, "#,##0")).toBe("0");
  });
  it("renders percentages", () => {
    expect(formatValue(0.9904, "0.00%")).toBe("99.04%");
    expect(formatValue(1, "0%")).toBe("100%");
    expect(formatValue(0.99935, "0.00%")).toBe("99.94%");
  });
  it("keeps quoted literal prefixes and suffixes", () => {
    expect(formatValue(6, '0"万元"')).toBe("6万元");
    expect(formatValue(3.5, '"约"0.0"万"')).toBe("约3.5万");
    expect(formatValue(95, '0.00"(%)"')).toBe("95.00(%)");
  });
  it("uses the negative section when there is one", () => {
    expect(formatValue(-5, "0.00;(0.00)")).toBe("(5.00)");
    expect(formatValue(5, "0.00;(0.00)")).toBe("5.00");
  });
  it("shows text under @ and numbers under @ as General", () => {
    expect(formatValue("≥500", "@")).toBe("≥500");
    expect(formatValue(0.1 + 0.2, "@")).toBe("0.3");
  });
  it("falls back to General for General and codes that cannot be parsed", () => {
    expect(formatValue(0.1 + 0.2, "General")).toBe("0.3");
    expect(formatValue(0.1 + 0.2, "general")).toBe("0.3");
    expect(formatValue(0.1 + 0.2, undefined)).toBe("0.3");
    expect(formatValue(12, '0.00"unterminated')).toBe("12");
    expect(formatValue(12, "[Red")).toBe("12");
  });
  // The hand-written subset showed these as General; Excel (and numfmt) render them.
  it("renders dates, fractions, conditions, scientific and currency codes as Excel does", () => {
    expect(formatValue(45000, "yyyy-mm-dd")).toBe("2023-03-15");
    expect(formatValue(45000, 'yyyy"年"m"月"d"日"')).toBe("2023年3月15日");
    expect(formatValue(0.5, "# ?/?")).toBe(" 1/2");
    expect(formatValue(12, "[>=100]0;0.0")).toBe("12.0");
    expect(formatValue(150, "[>=100]0;0.0")).toBe("150");
    expect(formatValue(100, "0.00E+00")).toBe("1.00E+02");
    expect(formatValue(1234.5, "[$¥-804]#,##0.00")).toBe("¥1,234.50");
    expect(formatValue(-3, "0.00_);[Red](0.00)")).toBe("(3.00)");
  });
});
