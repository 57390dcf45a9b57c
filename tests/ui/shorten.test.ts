/** Long workbook texts shown shortened (issue 11): what is cut, how it is labelled, and the parts. */
import { describe, expect, it } from "vitest";
import {
  CHUNK_SIZE,
  SHORTEN_AT,
  characterCount,
  shortenText,
  shortenedLabel,
  textChunks,
} from "../../src/ui/shorten";

describe("shortenText", () => {
  it("leaves a text of up to the limit whole", () => {
    const text = "项".repeat(SHORTEN_AT);
    expect(shortenText(text)).toEqual({ head: text, shortened: false, length: SHORTEN_AT });
    expect(shortenedLabel(shortenText(text))).toBe(text);
    expect(shortenText("")).toEqual({ head: "", shortened: false, length: 0 });
  });

  it("keeps the first characters of a longer text and counts the whole", () => {
    const text = `${"甲".repeat(SHORTEN_AT)}乙${"丙".repeat(1_199_799)}`;
    const shortened = shortenText(text);
    expect(shortened.shortened).toBe(true);
    expect(shortened.head).toBe("甲".repeat(SHORTEN_AT));
    expect(shortened.length).toBe(1_200_000);
    expect(shortenedLabel(shortened)).toBe(`${"甲".repeat(SHORTEN_AT)}…（共 1,200,000 字）`);
  });

  it("takes a custom limit", () => {
    expect(shortenedLabel(shortenText("一二三四五六", 4))).toBe("一二三四…（共 6 字）");
    expect(shortenText("一二三四", 4).shortened).toBe(false);
  });

  it("counts an emoji once and never cuts one in half", () => {
    const face = "😀";
    expect(face.length).toBe(2);
    expect(characterCount(face.repeat(3))).toBe(3);
    // 3 emoji = 6 UTF-16 units: over a limit of 4 units, but only 3 characters, so not cut.
    expect(shortenText(face.repeat(3), 4)).toEqual({
      head: face.repeat(3),
      shortened: false,
      length: 3,
    });
    const mixed = `a${face.repeat(10)}`;
    const shortened = shortenText(mixed, 4);
    expect(shortened.head).toBe(`a${face.repeat(3)}`);
    expect(shortened.length).toBe(11);
    // A lone surrogate (bad data) still counts as one character.
    expect(characterCount("\ud800x")).toBe(2);
  });
});

describe("textChunks", () => {
  it("gives a short text as one part", () => {
    expect(textChunks("短文本")).toEqual(["短文本"]);
    expect(textChunks("")).toEqual([""]);
  });

  it("cuts a long text into parts no longer than the size that join to the text", () => {
    const text = "长".repeat(CHUNK_SIZE * 3 + 5);
    const chunks = textChunks(text);
    expect(chunks.map((chunk) => chunk.length)).toEqual([CHUNK_SIZE, CHUNK_SIZE, CHUNK_SIZE, 5]);
    expect(chunks.join("")).toBe(text);
  });

  it("ends a part after a line break, else after a space, in its last tenth", () => {
    const line = `${"行".repeat(94)}\n`;
    const lines = textChunks(`${line}${"尾".repeat(20)} 词${"尾".repeat(100)}`, 100);
    expect(lines[0]).toBe(line);
    expect(lines.join("")).toBe(`${line}${"尾".repeat(20)} 词${"尾".repeat(100)}`);
    const words = textChunks(`${"w".repeat(93)} ${"x".repeat(3)} ${"y".repeat(50)}`, 100);
    expect(words[0]).toBe(`${"w".repeat(93)} ${"x".repeat(3)} `);
    // A break before the last tenth is not used: a part stays close to the size.
    expect(textChunks(`a\n${"b".repeat(300)}`, 100)[0]).toBe(`a\n${"b".repeat(98)}`);
  });

  it("never splits an emoji", () => {
    const text = `x${"😀".repeat(20)}`;
    const chunks = textChunks(text, 4);
    expect(chunks.join("")).toBe(text);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(4);
      expect(chunk).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
  });

  it("refuses a size that cannot make progress", () => {
    expect(() => textChunks("abc", 1)).toThrow(RangeError);
  });
});
