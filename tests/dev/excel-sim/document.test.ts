import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { loadExcelSimulator, type ExcelSimulator } from "../../../dev/excel-sim";
import { sampleSimulator } from "./helpers";

type Fill = {
  color: string;
  pattern: string;
  patternColor: string | null;
  tintAndShade: number | null;
};

async function readFills(sim: ExcelSimulator, sheet: string, cells: string[]): Promise<Fill[]> {
  return sim.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const fills = cells.map((c) =>
      ws.getRange(c).format.fill.load("color,pattern,patternColor,tintAndShade"),
    );
    await context.sync();
    return fills.map((f) => ({
      color: f.color,
      pattern: f.pattern,
      patternColor: f.patternColor,
      tintAndShade: f.tintAndShade,
    }));
  });
}

async function readNote(sim: ExcelSimulator, address: string): Promise<string | null> {
  return sim.run(async (context) => {
    const note = context.workbook.notes.getItemOrNullObject(address).load("content");
    await context.sync();
    return note.isNullObject ? null : note.content;
  });
}

describe("fills as Office.js reads them", () => {
  it("reads no fill and white alike as #FFFFFF; pattern and tintAndShade tell them apart", async () => {
    const sim = sampleSimulator();
    const [none, white, green, grid] = await readFills(sim, "表1", ["D5", "A3", "B3", "C3"]);
    expect(none.color).toBe("#FFFFFF");
    expect(white.color).toBe("#FFFFFF");
    expect(none.pattern).toBe("None");
    expect(white.pattern).toBe("Solid");
    expect(none.tintAndShade).toBeNull();
    expect(white.tintAndShade).toBe(0);
    expect(green).toMatchObject({ color: "#00B050", pattern: "Solid" });
    expect(grid).toEqual({
      color: "#AABBCC",
      pattern: "Checker",
      patternColor: "#112233",
      tintAndShade: 0,
    });
  });

  it("writes a colour as a solid fill and clear() brings back no fill, not white", async () => {
    const sim = sampleSimulator();
    await sim.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("表1");
      ws.getRange("D5").format.fill.color = "#FFC7CE";
      ws.getRange("A3").format.fill.clear();
    });
    const [marked, cleared] = await readFills(sim, "表1", ["D5", "A3"]);
    expect(marked).toMatchObject({ color: "#FFC7CE", pattern: "Solid" });
    expect(cleared).toMatchObject({ color: "#FFFFFF", pattern: "None", tintAndShade: null });
  });

  it("does not leak a fill to other cells that shared the style in the file", async () => {
    const sim = await loadExcelSimulator(await sampleSimulator().toXlsx());
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("表1").getRange("B3").format.fill.color = "#FF0000";
    });
    const sims = await readFills(sim, "表1", ["B3", "A3"]);
    expect(sims[0].color).toBe("#FF0000");
    expect(sims[1].color).toBe("#FFFFFF");
    expect(sims[1].pattern).toBe("Solid");
  });

  it("does not leak a number format to other cells that shared the style in the file", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("表1");
    for (const address of ["A1", "A2"]) {
      sheet.getCell(address).value = 1.5;
      sheet.getCell(address).numFmt = "0.00";
    }
    const sim = await loadExcelSimulator(new Uint8Array(await book.xlsx.writeBuffer()));
    const formats = await sim.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("表1");
      ws.getRange("A1").numberFormat = [["0.000"]];
      const cells = ["A1", "A2"].map((address) => ws.getRange(address).load("numberFormat,text"));
      await context.sync();
      return cells.map((cell) => [cell.numberFormat[0][0], cell.text[0][0]]);
    });
    expect(formats).toEqual([
      ["0.000", "1.500"],
      ["0.00", "1.50"],
    ]);
  });

  it("fails pattern reads where ExcelApi 1.9 is missing", async () => {
    const sim = sampleSimulator({ requirements: { ExcelApi: "1.8" } });
    await expect(readFills(sim, "表1", ["A1"])).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

describe("notes (ExcelApi 1.18)", () => {
  it("reads, adds, edits and deletes notes by cell address", async () => {
    const sim = sampleSimulator();
    expect(await readNote(sim, "表1!A2")).toBe("用户自己的批注");
    expect(await readNote(sim, "表1!B2")).toBeNull();
    await sim.run(async (context) => {
      context.workbook.notes.add("表1!B2", "新批注");
      const sheetNote = context.workbook.worksheets.getItem("表1").notes.getItem("A2");
      sheetNote.content = "改过的批注";
    });
    expect(await readNote(sim, "表1!B2")).toBe("新批注");
    expect(await readNote(sim, "表1!A2")).toBe("改过的批注");
    await sim.run(async (context) => {
      context.workbook.notes.getItem("表1!B2").delete();
    });
    expect(await readNote(sim, "表1!B2")).toBeNull();
  });

  it("refuses a second note on a cell", async () => {
    const sim = sampleSimulator();
    await expect(
      sim.run(async (context) => {
        context.workbook.notes.add("表1!A2", "再来一条");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("lists notes through items/content", async () => {
    const sim = sampleSimulator();
    const contents = await sim.run(async (context) => {
      const notes = context.workbook.notes.load("items/content");
      await context.sync();
      return notes.items.map((n) => n.content);
    });
    expect(contents).toEqual(["用户自己的批注"]);
  });

  it("fails the sync with ApiNotFound where ExcelApi 1.18 is missing, and says so in isSetSupported", async () => {
    const sim = sampleSimulator({ requirements: { ExcelApi: "1.17" } });
    expect(sim.isSetSupported("ExcelApi", "1.18")).toBe(false);
    expect(sim.isSetSupported("ExcelApi", "1.9")).toBe(true);
    await expect(readNote(sim, "表1!A2")).rejects.toMatchObject({ code: "ApiNotFound" });
    await expect(
      sim.run(async (context) => {
        context.workbook.notes.add("表1!B2", "x");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    expect(sim.model.noteOf(sim.model.sheetByKey("表1")!, 2, 2)).toBeNull();
  });
});

describe("protection", () => {
  it("refuses writes to locked cells of a protected sheet and allows them after unprotect", async () => {
    const sim = sampleSimulator();
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("表1").protection.protect({ allowFormatColumns: true });
    });
    const write = () =>
      sim.run(async (context) => {
        context.workbook.worksheets.getItem("表1").getRange("A5").format.fill.color = "#FFC7CE";
        await context.sync();
      });
    await expect(write()).rejects.toMatchObject({ code: "AccessDenied" });
    const options = await sim.run(async (context) => {
      const protection = context.workbook.worksheets
        .getItem("表1")
        .protection.load("protected,options");
      await context.sync();
      expect(protection.protected).toBe(true);
      const saved = protection.options;
      protection.unprotect();
      await context.sync();
      return saved;
    });
    expect(options).toMatchObject({ allowFormatColumns: true, allowFormatCells: false });
    await expect(write()).resolves.toBeUndefined();
  });

  it("keeps a password-protected sheet protected when unprotect has no or the wrong password", async () => {
    const sim = sampleSimulator();
    sim.protectWithPassword("表1", "secret");
    for (const password of [undefined, "wrong"]) {
      await expect(
        sim.run(async (context) => {
          context.workbook.worksheets.getItem("表1").protection.unprotect(password);
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: "InvalidArgument" });
    }
    expect(sim.model.isProtected(sim.model.sheetByKey("表1")!)).toBe(true);
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("表1").protection.unprotect("secret");
    });
    expect(sim.model.isProtected(sim.model.sheetByKey("表1")!)).toBe(false);
  });

  it("exposes isPasswordProtected only with ExcelApiOnline 1.1", async () => {
    const desktop = sampleSimulator();
    desktop.protectWithPassword("表1", "pw");
    await expect(
      desktop.run(async (context) => {
        context.workbook.worksheets.getItem("表1").protection.load("isPasswordProtected");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    const web = sampleSimulator({ requirements: { ExcelApi: "1.18", ExcelApiOnline: "1.1" } });
    web.protectWithPassword("表1", "pw");
    const flags = await web.run(async (context) => {
      const a = context.workbook.worksheets.getItem("表1").protection.load("isPasswordProtected");
      const b = context.workbook.worksheets.getItem("Empty").protection.load("isPasswordProtected");
      await context.sync();
      return [a.isPasswordProtected, b.isPasswordProtected];
    });
    expect(flags).toEqual([true, false]);
  });
});

describe("a user deleting a row", () => {
  it("moves values, fills, notes and merges up", async () => {
    const sim = sampleSimulator();
    await sim.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("表1");
      ws.getRange("B4").format.fill.color = "#FFC7CE";
      context.workbook.notes.add("表1!B4", "标记");
      ws.getRange("A6:B6").merge();
    });
    await sim.userDeleteRows("表1", 2);
    const [b3] = await readFills(sim, "表1", ["B3"]);
    expect(b3).toMatchObject({ color: "#FFC7CE", pattern: "Solid" });
    expect(await readNote(sim, "表1!B3")).toBe("标记");
    expect(await readNote(sim, "表1!A1")).toBeNull();
    expect(await readNote(sim, "表1!B4")).toBeNull();
    const [green] = await readFills(sim, "表1", ["B2"]);
    expect(green.color).toBe("#00B050");
    const merged = await sim.run(async (context) => {
      const areas = context.workbook.worksheets
        .getItem("表1")
        .getRange("A1:D9")
        .getMergedAreasOrNullObject()
        .load("address");
      await context.sync();
      return areas.address;
    });
    expect(merged).toBe("表1!B1:D1, 表1!A5:B5");
  });

  it("shifts through Range.delete(Up) from the API too", async () => {
    const sim = sampleSimulator();
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("表1").getRange("A2").getEntireRow().delete("Up");
    });
    expect(await readNote(sim, "表1!A1")).toBeNull();
    const values = await sim.run(async (context) => {
      const r = context.workbook.worksheets.getItem("表1").getRange("A2:C2").load("values");
      await context.sync();
      return r.values;
    });
    expect(values).toEqual([["", "", ""]]);
  });
});

describe("save and load", () => {
  it("keeps fills (no fill vs white), notes, very hidden sheets, protection and custom properties", async () => {
    const sim = sampleSimulator();
    await sim.run(async (context) => {
      const wb = context.workbook;
      wb.worksheets.getItem("表1").getRange("D5").format.fill.color = "#FFEB9C";
      wb.notes.add("表1!D5", "警告");
      const ledger = wb.worksheets.add("perf-eval-marks");
      ledger.getRange("A1").values = [["ledger"]];
      ledger.visibility = "VeryHidden";
      wb.worksheets.getItem("Empty").protection.protect({ allowFormatColumns: true });
      wb.properties.custom.add("perf-eval.profile", "shanghai");
    });
    const again = await loadExcelSimulator(await sim.toXlsx());
    expect(await readFills(again, "表1", ["A3", "D5", "D6"])).toEqual([
      { color: "#FFFFFF", pattern: "Solid", patternColor: null, tintAndShade: 0 },
      { color: "#FFEB9C", pattern: "Solid", patternColor: null, tintAndShade: 0 },
      { color: "#FFFFFF", pattern: "None", patternColor: null, tintAndShade: null },
    ]);
    expect(await readNote(again, "表1!D5")).toBe("警告");
    expect(await readNote(again, "表1!A2")).toBe("用户自己的批注");
    const state = await again.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name,items/visibility");
      const protection = context.workbook.worksheets
        .getItem("Empty")
        .protection.load("protected,options");
      const profile = context.workbook.properties.custom
        .getItemOrNullObject("perf-eval.profile")
        .load("value");
      const missing = context.workbook.properties.custom
        .getItemOrNullObject("nothing")
        .load("value");
      await context.sync();
      return {
        sheets: sheets.items.map((s) => `${s.name}:${s.visibility}`),
        protected: protection.protected,
        allowFormatColumns: protection.options.allowFormatColumns,
        profile: profile.value,
        missing: missing.isNullObject,
      };
    });
    expect(state).toEqual({
      sheets: ["表1:Visible", "隐藏:VeryHidden", "Empty:Visible", "perf-eval-marks:VeryHidden"],
      protected: true,
      allowFormatColumns: true,
      profile: "shanghai",
      missing: true,
    });
  });
});
