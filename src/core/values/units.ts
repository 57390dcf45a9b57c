/**
 * Units written after numbers, and bringing two amounts to one unit (元 vs 万元) before comparing.
 */
import type { Unit } from "./types";

/**
 * A unit after a number (in `compactText` form): "(…)" as in "95.00(%)" and "=8(个)", a percent or
 * per-mille sign, up to 4 CJK characters (个 次 人次 批次 万元 平方米 …), a rate unit (元/人,
 * 万元/公里, 元/人·天: every 成本 target of a published form is one), or a short Latin unit (km, m2).
 * CJK is lazy so that trailing words ("以上", "左右", "以内") stay outside the unit.
 */
export const UNIT_SOURCE = String.raw`\([^()\d]{1,8}\)|[%‰]|[\u4e00-\u9fff]{1,4}?(?:/[\u4e00-\u9fff]{1,4}?(?:·[\u4e00-\u9fff]{1,2})?)?|[A-Za-z²³/]{1,6}|㎡`;

/** Money and percent units: the only ones a strict number (`parseNumber`) may carry. */
export const MONEY_OR_PERCENT_UNIT = /^(?:元|千元|万元|万|亿元|亿|%)$/;

/** "(%)" → "%", "(个)" → "个"; undefined for nothing written. */
export function cleanUnit(written: string | undefined): Unit {
  if (written === undefined || written === "") return undefined;
  const unit = written.startsWith("(") ? written.slice(1, -1) : written;
  return unit === "" ? undefined : unit;
}

const MONEY_FACTORS: Record<string, number> = {
  元: 1,
  千元: 1e3,
  万元: 1e4,
  万: 1e4,
  亿元: 1e8,
  亿: 1e8,
};

/** 元 → 1, 千元 → 1000, 万元/万 → 10000, 亿元/亿 → 1e8; undefined for a unit that is not money. */
export function moneyFactor(unit: Unit): number | undefined {
  if (unit === undefined) return undefined;
  return Object.prototype.hasOwnProperty.call(MONEY_FACTORS, unit)
    ? MONEY_FACTORS[unit]
    : undefined;
}

/** A unit as a multiple of a base unit: 万元 = 1e4 × 元, 万人 = 1e4 × 人, 个 = 1 × 个. */
function scaled(unit: string): { factor: number; base: string } {
  const money = moneyFactor(unit);
  if (money !== undefined) return { factor: money, base: "元" };
  if (unit.length > 1 && (unit[0] === "万" || unit[0] === "亿")) {
    return { factor: unit[0] === "万" ? 1e4 : 1e8, base: unit.slice(1) };
  }
  return { factor: 1, base: unit };
}

/** Removes binary noise from a unit conversion (0.42 × 10000 must be 4200, not 4200.000000000001). */
function clean(value: number): number {
  return Number(value.toPrecision(15));
}

/**
 * Brings two amounts to one unit so they can be compared. Equal units compare as they are; a
 * missing unit on one side takes the other's (amounts are in 万元 unless written otherwise, and a
 * target "≥90%" against an actual "92" means 92%); money (元 / 千元 / 万元 / 亿元) and scaled counts
 * (万人 vs 人) convert to the smaller of the two units. Anything else (% vs 元, 人 vs 人次) cannot be
 * compared: undefined.
 */
export function toCommonUnit(
  a: { value: number; unit: Unit },
  b: { value: number; unit: Unit },
): { a: number; b: number; unit: Unit } | undefined {
  if (a.unit === b.unit) return { a: a.value, b: b.value, unit: a.unit };
  if (a.unit === undefined) return { a: a.value, b: b.value, unit: b.unit };
  if (b.unit === undefined) return { a: a.value, b: b.value, unit: a.unit };
  const sa = scaled(a.unit);
  const sb = scaled(b.unit);
  if (sa.base !== sb.base) return undefined;
  if (sa.factor === sb.factor) return { a: a.value, b: b.value, unit: a.unit };
  if (sa.factor < sb.factor) {
    return { a: a.value, b: clean((b.value * sb.factor) / sa.factor), unit: a.unit };
  }
  return { a: clean((a.value * sa.factor) / sb.factor), b: b.value, unit: b.unit };
}
