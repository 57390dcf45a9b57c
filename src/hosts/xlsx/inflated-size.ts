/**
 * How many bytes a raw deflate stream (RFC 1951) inflates to, counted without producing them.
 *
 * A zip's directory states each part's size, but JSZip (under exceljs) checks that statement only
 * after it has inflated the whole part into memory: a part that says "1 KB" and holds 2 GB costs
 * 2 GB before the lie is noticed. Decoding the Huffman codes and adding up literal and match
 * lengths tells the true size with no output buffer at all, and stops as soon as the count passes
 * the stated size. Pure code (no Node API): the web checker bundles it too.
 */

/** The stream inflates to more than the limit (counting stopped there). */
export const OVER_LIMIT = "over-limit";
/** Not a valid deflate stream; the real inflater would fail on it too. */
export const MALFORMED = "malformed";

export type InflatedSize = number | typeof OVER_LIMIT | typeof MALFORMED;

const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
  163, 195, 227, 258,
];
const LENGTH_EXTRA = [
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DISTANCE_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
  3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DISTANCE_EXTRA = [
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];
/** Order in which a dynamic block lists the code-length code's lengths. */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** Thrown inside the decoder, caught at its boundary: never leaves this module. */
class Malformed extends Error {}

/**
 * A lookup table indexed by the next `bits` input bits (least significant first, as deflate packs
 * them): entry = symbol << 4 | code length, or -1 where no code matches (an incomplete code).
 */
interface HuffmanTable {
  entries: Int32Array;
  bits: number;
}

function buildTable(lengths: ArrayLike<number>): HuffmanTable {
  const counts = new Array<number>(16).fill(0);
  let bits = 0;
  for (let i = 0; i < lengths.length; i++) {
    counts[lengths[i]]++;
    if (lengths[i] > bits) bits = lengths[i];
  }
  counts[0] = 0;
  // Over-subscribed codes are invalid; incomplete ones are allowed (a lone distance code).
  let left = 1;
  for (let len = 1; len <= 15; len++) {
    left = left * 2 - counts[len];
    if (left < 0) throw new Malformed();
  }
  const next = new Array<number>(16).fill(0);
  for (let len = 1, code = 0; len <= 15; len++) {
    code = (code + counts[len - 1]) << 1;
    next[len] = code;
  }
  const size = Math.max(bits, 1);
  const entries = new Int32Array(1 << size).fill(-1);
  for (let symbol = 0; symbol < lengths.length; symbol++) {
    const len = lengths[symbol];
    if (len === 0) continue;
    const code = next[len]++;
    // Huffman codes are sent most significant bit first: reverse them for LSB-first lookup.
    let reversed = 0;
    for (let i = 0; i < len; i++) reversed |= ((code >> i) & 1) << (len - 1 - i);
    for (let i = reversed; i < entries.length; i += 1 << len) entries[i] = (symbol << 4) | len;
  }
  return { entries, bits: size };
}

let fixedTables: { literals: HuffmanTable; distances: HuffmanTable } | undefined;

function fixed() {
  if (!fixedTables) {
    const lengths = new Array<number>(288);
    lengths.fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288);
    fixedTables = {
      literals: buildTable(lengths),
      distances: buildTable(new Array<number>(30).fill(5)),
    };
  }
  return fixedTables;
}

/** Reads bits least significant first; past the end it feeds a few zero bytes, then gives up. */
class BitReader {
  private buffer = 0;
  private count = 0;
  private pos: number;

  constructor(
    private readonly data: Uint8Array,
    start: number,
    private readonly end: number,
  ) {
    this.pos = start;
  }

  /** Makes sure `n` (≤ 24) bits are buffered. */
  private fill(n: number): void {
    while (this.count < n) {
      // A table lookup may peek a little past the last code; more than that is a truncated stream.
      if (this.pos >= this.end + 4) throw new Malformed();
      const byte = this.pos < this.end ? this.data[this.pos] : 0;
      this.pos++;
      this.buffer |= byte << this.count;
      this.count += 8;
    }
  }

  bits(n: number): number {
    if (n === 0) return 0;
    this.fill(n);
    const value = this.buffer & ((1 << n) - 1);
    this.buffer >>>= n;
    this.count -= n;
    return value;
  }

  decode(table: HuffmanTable): number {
    this.fill(table.bits);
    const entry = table.entries[this.buffer & ((1 << table.bits) - 1)];
    if (entry < 0) throw new Malformed();
    const len = entry & 15;
    this.buffer >>>= len;
    this.count -= len;
    return entry >> 4;
  }

  /** Drops the bits left in the current byte and returns the next byte offset. */
  alignToByte(): number {
    const whole = this.count >> 3;
    const at = this.pos - whole;
    this.buffer = 0;
    this.count = 0;
    this.pos = at;
    return at;
  }

  skipTo(pos: number): void {
    this.pos = pos;
  }

  /** True when decoding has used bits that were not in the stream (the zero padding). */
  overran(): boolean {
    return this.pos - (this.count >> 3) > this.end;
  }
}

/**
 * The inflated size of the raw deflate data in `data[start, end)`, or OVER_LIMIT as soon as it
 * passes `limit`, or MALFORMED. Time is proportional to the input plus `limit` / 258 (a match
 * adds at most 258 bytes per code); memory is a few small tables.
 */
export function inflatedSize(
  data: Uint8Array,
  limit: number,
  start = 0,
  end = data.length,
): InflatedSize {
  const reader = new BitReader(data, start, end);
  let size = 0;
  try {
    let last = false;
    while (!last) {
      last = reader.bits(1) === 1;
      const type = reader.bits(2);
      if (type === 0) {
        const at = reader.alignToByte();
        if (at + 4 > end) return MALFORMED;
        const length = data[at] | (data[at + 1] << 8);
        const complement = data[at + 2] | (data[at + 3] << 8);
        if ((length ^ 0xffff) !== complement || at + 4 + length > end) return MALFORMED;
        size += length;
        if (size > limit) return OVER_LIMIT;
        reader.skipTo(at + 4 + length);
        continue;
      }
      if (type === 3) return MALFORMED;
      const { literals, distances } = type === 1 ? fixed() : readDynamicTables(reader);
      for (;;) {
        const symbol = reader.decode(literals);
        if (symbol < 256) {
          size++;
        } else if (symbol === 256) {
          break;
        } else {
          const index = symbol - 257;
          if (index >= 29) return MALFORMED;
          const length = LENGTH_BASE[index] + reader.bits(LENGTH_EXTRA[index]);
          const code = reader.decode(distances);
          if (code >= 30) return MALFORMED;
          const distance = DISTANCE_BASE[code] + reader.bits(DISTANCE_EXTRA[code]);
          // A reference before the first byte is what zlib calls "too far back".
          if (distance > size) return MALFORMED;
          size += length;
        }
        if (size > limit) return OVER_LIMIT;
      }
    }
    return reader.overran() ? MALFORMED : size;
  } catch (error) {
    if (error instanceof Malformed) return MALFORMED;
    throw error;
  }
}

function readDynamicTables(reader: BitReader) {
  const literalCount = reader.bits(5) + 257;
  const distanceCount = reader.bits(5) + 1;
  const codeLengthCount = reader.bits(4) + 4;
  if (literalCount > 286 || distanceCount > 30) throw new Malformed();
  const codeLengthLengths = new Array<number>(19).fill(0);
  for (let i = 0; i < codeLengthCount; i++)
    codeLengthLengths[CODE_LENGTH_ORDER[i]] = reader.bits(3);
  const codeLengths = buildTable(codeLengthLengths);
  const lengths = new Array<number>(literalCount + distanceCount).fill(0);
  for (let i = 0; i < lengths.length;) {
    const symbol = reader.decode(codeLengths);
    if (symbol < 16) {
      lengths[i++] = symbol;
      continue;
    }
    let repeat: number;
    let value = 0;
    if (symbol === 16) {
      if (i === 0) throw new Malformed();
      value = lengths[i - 1];
      repeat = 3 + reader.bits(2);
    } else if (symbol === 17) {
      repeat = 3 + reader.bits(3);
    } else {
      repeat = 11 + reader.bits(7);
    }
    if (i + repeat > lengths.length) throw new Malformed();
    while (repeat-- > 0) lengths[i++] = value;
  }
  // Without an end-of-block code the block could never end.
  if (lengths[256] === 0) throw new Malformed();
  return {
    literals: buildTable(lengths.slice(0, literalCount)),
    distances: buildTable(lengths.slice(literalCount)),
  };
}
