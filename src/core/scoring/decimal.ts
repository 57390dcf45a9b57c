/**
 * Decimal-exact rounding on binary floating-point inputs.
 *
 * A double such as 10 × 0.6775 = 6.7749999999999995 stands for the decimal 6.775 that the user
 * typed or computed; rounding its binary value would give 6.77. We first read the double as its
 * 15-significant-digit decimal (which removes the noise of one or a few float operations, since a
 * double carries 15–17 significant digits) and then round or truncate that decimal exactly with
 * integers.
 */

/** value = sign × digits × 10^(−scale), with digits a non-negative integer. */
interface Decimal {
  negative: boolean;
  digits: bigint;
  scale: number;
}

/** Significant digits kept when reading a double as a decimal. */
const SIGNIFICANT_DIGITS = 15;

function toDecimal(x: number): Decimal {
  // toExponential(14) is "d.dddddddddddddde±x": 15 significant digits, always in exponent form.
  const text = Math.abs(x).toExponential(SIGNIFICANT_DIGITS - 1);
  const [mantissa, exponentText] = text.split("e");
  const digits = BigInt(mantissa.replace(".", ""));
  const exponent = Number(exponentText);
  return { negative: x < 0, digits, scale: SIGNIFICANT_DIGITS - 1 - exponent };
}

function fromDecimal(value: Decimal): number {
  const magnitude = Number(`${value.digits.toString()}e${-value.scale}`);
  return value.negative && magnitude !== 0 ? -magnitude : magnitude;
}

/** Re-expresses `value` with exactly `scale` decimals, dropping or rounding the excess digits. */
function rescale(value: Decimal, scale: number, mode: "half-up" | "truncate"): Decimal {
  if (value.scale <= scale) {
    return { ...value, digits: value.digits * 10n ** BigInt(scale - value.scale), scale };
  }
  const divisor = 10n ** BigInt(value.scale - scale);
  let digits = value.digits / divisor;
  const remainder = value.digits % divisor;
  if (mode === "half-up" && remainder * 2n >= divisor) digits += 1n;
  return { negative: value.negative, digits, scale };
}

function checkArguments(x: number, decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) {
    throw new RangeError(`decimals must be an integer from 0 to 15, got ${decimals}`);
  }
  void x;
}

/** The double as the decimal it stands for (15 significant digits): 6.7749999999999995 → 6.775. */
export function cleanFloat(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  // Same value as fromDecimal(toDecimal(x)) (both keep 15 significant digits), without BigInt:
  // this runs dozens of times per form.
  return Number(x.toPrecision(SIGNIFICANT_DIGITS));
}

/**
 * Half-up rounding on the decimal value (10 × 0.6775 → 6.78, not 6.77). Negative numbers round half
 * away from zero, like the spreadsheet's ROUND.
 */
export function roundHalfUp(x: number, decimals: number): number {
  checkArguments(x, decimals);
  if (x === 0) return 0; // also turns −0 into 0
  if (!Number.isFinite(x)) return x;
  return fromDecimal(rescale(toDecimal(x), decimals, "half-up"));
}

/**
 * Truncation (towards zero) on the decimal value: 0.9904 × 100 = 99.03999999999999 in binary still
 * truncates to 99.04 at 2 decimals, because the decimal it stands for is 99.04.
 */
export function truncateDecimals(x: number, decimals: number): number {
  checkArguments(x, decimals);
  if (x === 0) return 0; // also turns −0 into 0
  if (!Number.isFinite(x)) return x;
  return fromDecimal(rescale(toDecimal(x), decimals, "truncate"));
}

/** Exact decimal sum of the values each double stands for (0.1 + 0.2 → 0.3). */
export function decimalSum(values: readonly number[]): number {
  let total: Decimal = { negative: false, digits: 0n, scale: 0 };
  for (const x of values) {
    if (!Number.isFinite(x)) return values.reduce((a, b) => a + b, 0);
    if (x === 0) continue;
    const term = toDecimal(x);
    const scale = Math.max(total.scale, term.scale);
    const a = signed(rescale(total, scale, "truncate"));
    const b = signed(rescale(term, scale, "truncate"));
    const sum = a + b;
    total = { negative: sum < 0n, digits: sum < 0n ? -sum : sum, scale };
  }
  return fromDecimal(total);
}

function signed(value: Decimal): bigint {
  return value.negative ? -value.digits : value.digits;
}

/** Decimal product of two doubles, read as decimals (10 × 0.6775 → 6.775 exactly). */
export function decimalMultiply(a: number, b: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a * b;
  if (a === 0 || b === 0) return 0;
  const x = toDecimal(a);
  const y = toDecimal(b);
  return fromDecimal({
    negative: x.negative !== y.negative,
    digits: x.digits * y.digits,
    scale: x.scale + y.scale,
  });
}
