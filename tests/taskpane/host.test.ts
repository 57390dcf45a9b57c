/**
 * Choosing the host adapter from what Office.onReady reports: Excel gets the Office.js adapter
 * built on the Excel.run and isSetSupported it is given; anything else gets none.
 */
import { describe, expect, it, vi } from "vitest";
import { HostError } from "../../src/hosts/types";
import { chooseHost, type HostGlobals } from "../../src/taskpane/host";

function officeGlobals(supported: (name: string, version?: string) => boolean) {
  const excel = {
    run: vi.fn(function (this: unknown) {
      // Excel.run needs its own `this`; a detached call would lose it in the real office.js.
      expect(this).toBe(excel);
      return Promise.reject(new Error("no workbook here"));
    }),
  };
  const isSetSupported = vi.fn(supported);
  const globals: HostGlobals = {
    Excel: excel,
    Office: { context: { requirements: { isSetSupported } } },
  };
  return { globals, run: excel.run, isSetSupported };
}

describe("chooseHost", () => {
  it("builds the Excel adapter on Excel.run and the requirement sets", async () => {
    // Everything but notes (ExcelApi 1.18), as in Office 2021.
    const { globals, run, isSetSupported } = officeGlobals(
      (name, version) => !(name === "ExcelApi" && version === "1.18"),
    );
    const host = chooseHost({ host: "Excel" }, globals);
    expect(host?.hostLabel).toBe("Excel");
    const caps = await host!.capabilities();
    expect(isSetSupported).toHaveBeenCalledWith("ExcelApi", "1.18");
    expect(caps.notes).toBe(false);
    expect(caps.limitations.length).toBeGreaterThan(0);
    // Calls go through the Excel.run given; its failure comes back as a HostError.
    await expect(host!.selectCell("甲", "D7")).rejects.toBeInstanceOf(HostError);
    expect(run).toHaveBeenCalled();
  });

  it("gives no adapter in a plain browser, in other Office hosts, or without Excel.run", () => {
    const { globals } = officeGlobals(() => true);
    expect(chooseHost(undefined, globals)).toBeUndefined();
    expect(chooseHost({ host: null }, globals)).toBeUndefined();
    expect(chooseHost({ host: "Word" }, globals)).toBeUndefined();
    expect(chooseHost({ host: "Excel" }, {})).toBeUndefined();
  });
});
