/**
 * Value grammar (domain.md §3). STUB SIGNATURES — implemented by the values module owner.
 */
import type { NumberParse, ParsedValue, Unit } from "./types";

export * from "./types";

/** What a cell means, as people type it. Never throws. Numbers stored as numbers are plain numbers. */
export function parseValue(input: string | number | boolean | null | undefined): ParsedValue {
  void input;
  throw new Error("not implemented");
}

/**
 * Strict numeric read for amounts, weights, scores, printed rates: "1,663.27", "12.142 988",
 * "29.616\n9 万元", "3.5万", "99.06%", "95.00(%)". Anything else: ok=false with a Chinese reason
 * (empty=true for empty / "—" / "-"). Never throws.
 */
export function parseNumber(input: string | number | boolean | null | undefined): NumberParse {
  void input;
  throw new Error("not implemented");
}

/** 元 → 1, 万元/万 → 10000, 亿元/亿 → 1e8; undefined for a unit that is not money. */
export function moneyFactor(unit: Unit): number | undefined {
  void unit;
  throw new Error("not implemented");
}

/**
 * Brings two amounts to one unit so they can be compared (元 vs 万元 convert; a missing unit takes
 * the other side's; % only with %). Undefined when the units cannot be compared.
 */
export function toCommonUnit(
  a: { value: number; unit: Unit },
  b: { value: number; unit: Unit },
): { a: number; b: number; unit: Unit } | undefined {
  void a;
  void b;
  throw new Error("not implemented");
}
