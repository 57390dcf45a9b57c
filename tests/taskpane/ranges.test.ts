import { describe, expect, it } from "vitest";
import { parseRange, sheetsTouched } from "../../src/taskpane/ranges";

describe("parseRange", () => {
  it("reads cells, ranges, whole columns and rows, with $ and a sheet prefix", () => {
    expect(parseRange("D7")).toEqual({ top: 7, left: 4, bottom: 7, right: 4 });
    expect(parseRange("$B$2:$H$30")).toEqual({ top: 2, left: 2, bottom: 30, right: 8 });
    expect(parseRange("'表 1'!H30:B2")).toEqual({ top: 2, left: 2, bottom: 30, right: 8 });
    expect(parseRange("D:E")).toMatchObject({ top: 1, left: 4, right: 5 });
    expect(parseRange("7:9")).toMatchObject({ top: 7, bottom: 9, left: 1 });
    expect(parseRange("not a range")).toBeUndefined();
  });
});

describe("sheetsTouched", () => {
  const forms = [
    { sheet: "甲", range: "A1:H30" },
    { sheet: "甲", range: "A34:H60" },
    { sheet: "乙", range: "B2:I31" },
  ];

  it("names the sheets whose forms an edit meets", () => {
    expect(sheetsTouched([{ sheet: "乙", address: "I31" }], forms)).toEqual(["乙"]);
    expect(sheetsTouched([{ sheet: "甲", address: "H31:H33" }], forms)).toEqual([]);
    expect(sheetsTouched([{ sheet: "甲", address: "H30:H34" }], forms)).toEqual(["甲"]);
    expect(sheetsTouched([{ sheet: "乙", address: "A1" }], forms)).toEqual([]);
    expect(sheetsTouched([{ sheet: "丙", address: "A1" }], forms)).toEqual([]);
    expect(
      sheetsTouched(
        [
          { sheet: "乙", address: "C:C" },
          { sheet: "甲", address: "40:40" },
        ],
        forms,
      ),
    ).toEqual(["甲", "乙"]);
  });

  it("counts an address it cannot read as touching its sheet's forms", () => {
    expect(sheetsTouched([{ sheet: "乙", address: "R1C1" }], forms)).toEqual(["乙"]);
  });
});
