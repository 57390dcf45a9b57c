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
  const fast = scaledRound(x, decimals, Math.round);
  if (fast !== undefined) return fast;
  return fromDecimal(rescale(toDecimal(x), decimals, "half-up"));
}

/**
 * The same result as the BigInt path without BigInt, for the usual magnitudes (the rules round
 * dozens of numbers per form). The double's 15-digit decimal times 10^decimals has the same 15
 * digits, and a double within an ulp of a 15-digit decimal reads back as that decimal
 * (cleanFloat), so `whole` is the exact scaled decimal: a half is exactly k.5 and Math.round rounds
 * it up. Dividing the integer by the exact power of ten rounds correctly, as parsing "ke-d" does.
 * Outside 2^53 (or with 16+ decimals) the caller takes the exact path.
 */
function scaledRound(
  x: number,
  decimals: number,
  round: (value: number) => number,
): number | undefined {
  const factor = POWERS_OF_TEN[decimals];
  const magnitude = cleanFloat(Math.abs(x));
  const scaled = magnitude * factor;
  if (factor === undefined || !(scaled < Number.MAX_SAFE_INTEGER)) return undefined;
  const whole = round(cleanFloat(scaled)) / factor;
  return x < 0 && whole !== 0 ? -whole : whole;
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * Truncation (towards zero) on the decimal value: 0.9904 × 100 = 99.03999999999999 in binary still
 * truncates to 99.04 at 2 decimals, because the decimal it stands for is 99.04.
 */
export function truncateDecimals(x: number, decimals: number): number {
  checkArguments(x, decimals);
  if (x === 0) return 0; // also turns −0 into 0
  if (!Number.isFinite(x)) return x;
  const fast = scaledRound(x, decimals, Math.trunc);
  if (fast !== undefined) return fast;
  return fromDecimal(rescale(toDecimal(x), decimals, "truncate"));
}

/**
 * A double's 15-digit decimal as a safe integer and its scale (value = ±int × 10^−scale), trailing
 * zeros dropped so the integer stays small: the sums and products below need no BigInt for the
 * amounts forms hold. Only for finite, non-zero x.
 */
function smallDecimal(x: number): { int: number; scale: number } {
  // Most amounts and scores have a few decimals: find the scale whose multiple is an integer up to
  // float noise (≤ 5e-16 relative; a real 15th digit differs by ≥ 1e-15), without a string.
  const magnitude = Math.abs(x);
  for (let scale = 0; scale <= 8; scale++) {
    const scaled = magnitude * POWERS_OF_TEN_22[scale];
    const int = Math.round(scaled);
    if (!Number.isSafeInteger(int)) break;
    if (int !== 0 && Math.abs(scaled - int) <= scaled * 5e-16) {
      return { int: x < 0 ? -int : int, scale };
    }
  }
  const text = Math.abs(x).toExponential(SIGNIFICANT_DIGITS - 1);
  const e = text.indexOf("e");
  let digits = text[0] + text.slice(2, e);
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 48) end--;
  digits = digits.slice(0, end);
  const int = Number(digits);
  return { int: x < 0 ? -int : int, scale: digits.length - 1 - Number(text.slice(e + 1)) };
}

/** ±int × 10^−scale as the nearest double (one correctly rounded operation on exact operands). */
function fromSmall(int: number, scale: number): number | undefined {
  if (!Number.isSafeInteger(int) || scale > 22 || scale < -22) return undefined;
  const value = scale >= 0 ? int / POWERS_OF_TEN_22[scale] : int * POWERS_OF_TEN_22[-scale];
  return value === 0 ? 0 : value;
}

const POWERS_OF_TEN_22 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** decimalSum without BigInt when every aligned term and the total stay safe integers. */
function smallSum(values: readonly number[]): number | undefined {
  const terms = [];
  let scale = -Infinity;
  for (const x of values) {
    if (x === 0) continue;
    const term = smallDecimal(x);
    terms.push(term);
    if (term.scale > scale) scale = term.scale;
  }
  if (terms.length === 0) return 0;
  let total = 0;
  for (const term of terms) {
    const shift = scale - term.scale;
    if (shift > 15) return undefined;
    const aligned = term.int * POWERS_OF_TEN_22[shift];
    if (!Number.isSafeInteger(aligned)) return undefined;
    total += aligned;
    if (!Number.isSafeInteger(total)) return undefined;
  }
  return fromSmall(total, scale);
}

/** Exact decimal sum of the values each double stands for (0.1 + 0.2 → 0.3). */
export function decimalSum(values: readonly number[]): number {
  if (values.every(Number.isFinite)) {
    const fast = smallSum(values);
    if (fast !== undefined) return fast;
  }
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
  const small = smallDecimal(a);
  const other = smallDecimal(b);
  const fast = fromSmall(small.int * other.int, small.scale + other.scale);
  if (fast !== undefined) return fast;
  const x = toDecimal(a);
  const y = toDecimal(b);
  return fromDecimal({
    negative: x.negative !== y.negative,
    digits: x.digits * y.digits,
    scale: x.scale + y.scale,
  });
}
