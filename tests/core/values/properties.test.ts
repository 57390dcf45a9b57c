import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseNumber, parseValue } from "../../../src/core/values";

/** Formats a non-negative integer part with commas every three digits, as the seeds print amounts. */
function withThousands(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

describe("value grammar properties", () => {
  it("parseValue and parseNumber never throw on arbitrary strings", () => {
    const anyText = fc.oneof(
      fc.string(),
      fc.string({ unit: "grapheme" }),
      fc.string({ unit: "binary" }),
      fc.stringMatching(/^[≥≤<>=约不少于超过以上内至\-~.,%()0-9 万元个月底前\n]{0,12}$/),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        const value = parseValue(text);
        const number = parseNumber(text);
        expect(typeof value.kind).toBe("string");
        expect(typeof number.ok).toBe("boolean");
        if (number.ok) expect(Number.isFinite(number.value)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads hundreds of digits as invalid, not as Infinity", () => {
    const huge = "9".repeat(400);
    expect(parseNumber(huge)).toMatchObject({ ok: false, empty: false });
    expect(parseValue(huge).kind).toBe("invalid");
    expect(parseValue(`≥${huge}人`).kind).toBe("invalid");
  });

  it("never throws on numbers, including NaN and infinities", () => {
    fc.assert(
      fc.property(fc.double(), (n) => {
        const value = parseValue(n);
        const number = parseNumber(n);
        expect(value.kind === "number").toBe(Number.isFinite(n));
        expect(number.ok).toBe(Number.isFinite(n));
      }),
    );
  });

  it("round-trips decimals printed with thousands separators", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.stringMatching(/^[0-9]{0,6}$/),
        fc.boolean(),
        (integer, fraction, negative) => {
          const text =
            (negative ? "-" : "") +
            withThousands(integer.toString()) +
            (fraction === "" ? "" : `.${fraction}`);
          const expected = Number(
            `${negative ? "-" : ""}${integer}${fraction ? "." + fraction : ""}`,
          );
          const result = parseNumber(text);
          expect(result).toEqual({
            ok: true,
            value: expected,
            unit: undefined,
            decimals: fraction.length,
          });
          expect(parseValue(text)).toEqual({
            kind: "number",
            value: expected,
            unit: undefined,
            decimals: fraction.length,
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("joins digits split by spaces or line breaks", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[1-9][0-9]{0,5}$/),
        fc.stringMatching(/^[0-9]{2,6}$/),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(" ", "\n", "\u3000", "\r\n"),
        (integer, fraction, at, space) => {
          const cut = Math.min(at, fraction.length - 1);
          const text = `${integer}.${fraction.slice(0, cut)}${space}${fraction.slice(cut)}`;
          const result = parseNumber(text);
          expect(result).toMatchObject({ ok: true, value: Number(`${integer}.${fraction}`) });
        },
      ),
    );
  });
});
