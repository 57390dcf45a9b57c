import { describe, expect, it } from "vitest";
import {
  normalizeCell,
  parseAreas,
  quoteSheetName,
  sheetAddress,
} from "../../../src/hosts/excel/address";

describe("RangeAreas addresses", () => {
  it("splits areas on one sheet, with or without spaces after the commas", () => {
    expect(parseAreas("Sheet1!A1:B4, Sheet1!D1:D4")).toEqual([
      { sheet: "Sheet1", range: { top: 1, left: 1, bottom: 4, right: 2 } },
      { sheet: "Sheet1", range: { top: 1, left: 4, bottom: 4, right: 4 } },
    ]);
    expect(parseAreas("Sheet1!$A$1:$B$2,Sheet1!C3")).toHaveLength(2);
  });

  it("reads quoted sheet names holding spaces, commas, '!' and doubled quotes", () => {
    const areas = parseAreas("'My Sheet, 2025!'!A1:H2, 'Bob''s'!C3:D4");
    expect(areas.map((a) => a.sheet)).toEqual(["My Sheet, 2025!", "Bob's"]);
    expect(areas[1].range).toEqual({ top: 3, left: 3, bottom: 4, right: 4 });
    expect(parseAreas("'自评表（1）'!A1:B1")[0].sheet).toBe("自评表（1）");
  });

  it("leaves out whole rows and columns, and reads nothing from an empty address", () => {
    expect(parseAreas("Sheet1!1:3, Sheet1!A:B")).toEqual([]);
    expect(parseAreas("")).toEqual([]);
  });

  it("quotes sheet names only where Excel does", () => {
    expect(quoteSheetName("Sheet1")).toBe("Sheet1");
    expect(quoteSheetName("My Sheet")).toBe("'My Sheet'");
    expect(quoteSheetName("A1")).toBe("'A1'");
    expect(sheetAddress("Bob's", "A1")).toBe("'Bob''s'!A1");
    expect(sheetAddress("自评表", "A1")).toBe("'自评表'!A1");
  });

  it("normalizes a single cell and refuses anything else", () => {
    expect(normalizeCell("$d$7")).toBe("D7");
    expect(normalizeCell("D7:E8")).toBeUndefined();
    expect(normalizeCell("XFE1")).toBeUndefined();
    expect(normalizeCell("A0")).toBeUndefined();
  });
});
