import { describe, expect, it } from "vitest";
import { memoByObject, memoByPair, memoByText } from "../../src/core/memo";

/** The engine's memoisation: each reading is made once per key, and only where it may be kept. */
describe("memo", () => {
  it("memoByObject reads each object once, undefined results included", () => {
    const reads: object[] = [];
    const read = memoByObject((key: { n: number }) => {
      reads.push(key);
      return key.n > 1 ? key.n * 10 : undefined;
    });
    const a = { n: 2 };
    const b = { n: 1 };
    expect([read(a), read(a), read(b), read(b)]).toEqual([20, 20, undefined, undefined]);
    expect(reads).toEqual([a, b]);
    // An equal but distinct object is another key.
    expect(read({ n: 2 })).toBe(20);
    expect(reads).toHaveLength(3);
  });

  it("memoByPair keeps one reading per object and second key, undefined as a key too", () => {
    let reads = 0;
    const read = memoByPair((key: { n: number }, factor: number | undefined) => {
      reads++;
      return key.n * (factor ?? 1);
    });
    const form = { n: 3 };
    expect([read(form, 2), read(form, 2), read(form, undefined), read(form, undefined)]).toEqual([
      6, 6, 3, 3,
    ]);
    expect(read(form, 5)).toBe(15);
    expect(reads).toBe(3);
  });

  it("memoByText keeps short texts, reads long ones every time, and empties itself at the limit", () => {
    const reads: string[] = [];
    const read = memoByText(
      (text: string) => {
        reads.push(text);
        return text.length;
      },
      { maxLength: 3, limit: 2 },
    );
    expect([read("ab"), read("ab"), read("abcd"), read("abcd")]).toEqual([2, 2, 4, 4]);
    expect(reads).toEqual(["ab", "abcd", "abcd"]);
    read("x"); // the memory now holds "ab" and "x": full
    read("y"); // emptied, then holds "y"
    reads.length = 0;
    expect([read("y"), read("ab"), read("x")]).toEqual([1, 2, 1]);
    expect(reads).toEqual(["ab", "x"]);
  });
});
