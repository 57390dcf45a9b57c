/**
 * The size-only inflater that catches a zip directory understating a part: it must agree with
 * zlib on every valid stream (any level, strategy, stored blocks, real workbook parts), stop at the
 * limit, and call broken streams malformed instead of looping or throwing.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { inflatedSize, MALFORMED, OVER_LIMIT } from "../../../src/hosts/xlsx/inflated-size";
import { deflatedRun, unzipParts } from "./zip-writer";

const FIXTURES = path.resolve(__dirname, "..", "..", "fixtures");

/** Deterministic bytes: a little PRNG, so failures reproduce. */
function noise(length: number, seed: number, alphabet = 256): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = (state >>> 0) % alphabet;
  }
  return out;
}

const { Z_HUFFMAN_ONLY, Z_RLE, Z_FIXED, Z_FILTERED, Z_DEFAULT_STRATEGY } = zlib.constants;
const STRATEGIES = [Z_DEFAULT_STRATEGY, Z_FILTERED, Z_HUFFMAN_ONLY, Z_RLE, Z_FIXED];

describe("inflatedSize", () => {
  it("agrees with zlib on every part of the fixture workbooks, at every level and strategy", async () => {
    let checked = 0;
    for (const file of ["shanghai.xlsx", "beijing.xlsx", "offset.xlsx"]) {
      for (const part of await unzipParts(fs.readFileSync(path.join(FIXTURES, file)))) {
        for (const level of [0, 1, 6, 9]) {
          for (const strategy of STRATEGIES) {
            const deflated = zlib.deflateRawSync(part.data!, { level, strategy });
            expect(
              inflatedSize(deflated, Infinity),
              `${file} ${part.name} ${level}/${strategy}`,
            ).toBe(part.data!.length);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it("agrees with zlib on random and repetitive data, small windows and empty input", () => {
    const inputs = [
      new Uint8Array(0),
      Uint8Array.of(7),
      noise(100_000, 1),
      noise(300_000, 2, 4),
      noise(70_000, 3, 2),
      new Uint8Array(200_000).fill(0x41),
    ];
    for (const [i, input] of inputs.entries()) {
      for (const windowBits of [9, 15]) {
        for (const strategy of STRATEGIES) {
          const deflated = zlib.deflateRawSync(input, { windowBits, strategy, memLevel: 9 });
          expect(inflatedSize(deflated, Infinity), `input ${i}`).toBe(input.length);
        }
      }
    }
  });

  it("counts a joined bomb stream that zlib accepts, and stops at the limit", () => {
    const small = deflatedRun(3, 0x20, Buffer.from("<a>"), Buffer.from("</a>"));
    expect(zlib.inflateRawSync(small.bytes).length).toBe(small.size);
    expect(inflatedSize(small.bytes, Infinity)).toBe(small.size);
    expect(inflatedSize(small.bytes, small.size)).toBe(small.size);
    expect(inflatedSize(small.bytes, small.size - 1)).toBe(OVER_LIMIT);
    // 2 GiB in about 2 MB: counting to a 1 MB limit stops at once, and the true size is known
    // without allocating it.
    const huge = deflatedRun(2048);
    expect(huge.bytes.length).toBeLessThan(3 * 1024 * 1024);
    expect(inflatedSize(huge.bytes, 1024 * 1024)).toBe(OVER_LIMIT);
    expect(inflatedSize(huge.bytes, Infinity)).toBe(2048 * 1024 * 1024);
  });

  it("calls truncated and damaged streams malformed (never throws, never loops)", () => {
    const input = noise(50_000, 9, 16);
    const deflated = zlib.deflateRawSync(input);
    for (const cut of [0, 1, 2, 10, deflated.length >> 1, deflated.length - 1]) {
      expect(inflatedSize(deflated.subarray(0, cut), Infinity), `cut at ${cut}`).toBe(MALFORMED);
    }
    // Block type 3 does not exist.
    expect(inflatedSize(Uint8Array.of(0x07), Infinity)).toBe(MALFORMED);
    // A stored block whose length and its complement disagree.
    expect(inflatedSize(Uint8Array.of(0x01, 0x05, 0x00, 0x00, 0x00, 1, 2, 3, 4, 5), 100)).toBe(
      MALFORMED,
    );
    // A match before the first byte ("too far back"): fixed block, length 3, distance 1.
    expect(inflatedSize(Uint8Array.of(0x03, 0x02, 0x00), 100)).toBe(MALFORMED);
    // Every single-byte corruption ends in a size, over-limit or malformed: nothing else.
    for (let i = 0; i < deflated.length; i += 97) {
      const bad = Uint8Array.from(deflated);
      bad[i] ^= 0x5a;
      const size = inflatedSize(bad, 10 * input.length);
      expect(typeof size === "number" || size === MALFORMED || size === OVER_LIMIT).toBe(true);
    }
  });
});
