import { describe, expect, it } from "vitest";
import { MemorySheet } from "../../../src/core/grid";

/** MemorySheet keeps a row's sorted columns and a merge index; both must follow every change. */
describe("MemorySheet", () => {
  it("lists a row's columns in order, including cells set after the last listing", () => {
    const sheet = new MemorySheet("表1");
    sheet.setValue(3, 5, "五");
    sheet.setValue(3, 2, "二");
    expect(sheet.usedCols(3)).toEqual([2, 5]);
    sheet.setValue(3, 4, "四");
    sheet.setValue(3, 1, "一");
    expect(sheet.usedCols(3)).toEqual([1, 2, 4, 5]);
    // Replacing a cell's value adds no column.
    sheet.setValue(3, 4, "肆");
    expect(sheet.usedCols(3)).toEqual([1, 2, 4, 5]);
    expect(sheet.usedCols(4)).toEqual([]);
    expect(sheet.usedRows()).toEqual([3]);
  });

  it("finds a merge from any of its cells and from no other, up to Excel's last cell", () => {
    const sheet = new MemorySheet("表1");
    const wide = { top: 2, left: 16_383, bottom: 3, right: 16_384 };
    const low = { top: 1_048_575, left: 1, bottom: 1_048_576, right: 2 };
    sheet.addMerge(wide);
    sheet.addMerge(low);
    expect(sheet.mergeAt(2, 16_383)).toBe(wide);
    expect(sheet.mergeAt(3, 16_384)).toBe(wide);
    expect(sheet.mergeAt(1_048_576, 2)).toBe(low);
    // Neighbours that a row × width key could confuse with the merges' cells.
    expect(sheet.mergeAt(4, 1)).toBeUndefined();
    expect(sheet.mergeAt(2, 16_382)).toBeUndefined();
    expect(sheet.mergeAt(1_048_574, 16_384)).toBeUndefined();
    expect(sheet.merges).toEqual([wide, low]);
  });
});
