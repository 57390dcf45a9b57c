/**
 * Installs `Excel`, `Office` and `OfficeExtension` globals backed by a simulator, so code written
 * against Office.js (the adapter, the real task pane bundle) runs unchanged on it: in tests on
 * globalThis, in the excel-sim page on window.
 */
import { SimOfficeError } from "./errors";
import type { ExcelSimulator } from "./simulator";

/** Office.js string enums: key is the camel-case form of the value ("veryHidden": "VeryHidden"). */
function stringEnum(...values: string[]): Record<string, string> {
  return Object.fromEntries(values.map((v) => [v.charAt(0).toLowerCase() + v.slice(1), v]));
}

export const EXCEL_ENUMS = {
  SheetVisibility: stringEnum("Visible", "Hidden", "VeryHidden"),
  DeleteShiftDirection: stringEnum("Up", "Left"),
  InsertShiftDirection: stringEnum("Down", "Right"),
  ClearApplyTo: stringEnum("All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks"),
  FillPattern: stringEnum(
    "None",
    "Solid",
    "Gray50",
    "Gray75",
    "Gray25",
    "Horizontal",
    "Vertical",
    "Down",
    "Up",
    "Checker",
    "SemiGray75",
    "LightHorizontal",
    "LightVertical",
    "LightDown",
    "LightUp",
    "Grid",
    "CrissCross",
    "Gray16",
    "Gray8",
    "LinearGradient",
    "RectangularGradient",
  ),
  BorderIndex: stringEnum(
    "EdgeTop",
    "EdgeBottom",
    "EdgeLeft",
    "EdgeRight",
    "InsideVertical",
    "InsideHorizontal",
    "DiagonalDown",
    "DiagonalUp",
  ),
  BorderLineStyle: stringEnum(
    "None",
    "Continuous",
    "Dash",
    "DashDot",
    "DashDotDot",
    "Dot",
    "Double",
    "SlantDashDot",
  ),
  BorderWeight: stringEnum("Hairline", "Thin", "Medium", "Thick"),
  HorizontalAlignment: stringEnum(
    "General",
    "Left",
    "Center",
    "Right",
    "Fill",
    "Justify",
    "CenterAcrossSelection",
    "Distributed",
  ),
  VerticalAlignment: stringEnum("Top", "Center", "Bottom", "Justify", "Distributed"),
  DataChangeType: stringEnum(
    "Unknown",
    "RangeEdited",
    "RowInserted",
    "RowDeleted",
    "ColumnInserted",
    "ColumnDeleted",
    "CellInserted",
    "CellDeleted",
  ),
  EventSource: stringEnum("Local", "Remote"),
  EventType: stringEnum("WorksheetChanged", "WorksheetSelectionChanged"),
  PageOrientation: stringEnum("Portrait", "Landscape"),
  PaperType: stringEnum("Letter", "Legal", "A3", "A4", "A5", "B4", "B5"),
  ProtectionSelectionMode: stringEnum("Normal", "Unlocked", "None"),
  DataValidationType: stringEnum(
    "None",
    "WholeNumber",
    "Decimal",
    "List",
    "Date",
    "Time",
    "TextLength",
    "Custom",
    "Inconsistent",
    "MixedCriteria",
  ),
  DataValidationOperator: stringEnum(
    "Between",
    "NotBetween",
    "EqualTo",
    "NotEqualTo",
    "GreaterThan",
    "LessThan",
    "GreaterThanOrEqualTo",
    "LessThanOrEqualTo",
  ),
  DataValidationAlertStyle: stringEnum("Stop", "Warning", "Information"),
  DocumentPropertyType: stringEnum("Number", "Boolean", "Date", "String", "Float"),
  RangeValueType: stringEnum(
    "Unknown",
    "Empty",
    "String",
    "Integer",
    "Double",
    "Boolean",
    "Error",
    "RichValue",
  ),
  ErrorCodes: stringEnum(
    "AccessDenied",
    "ApiNotFound",
    "GeneralException",
    "InvalidArgument",
    "InvalidOperation",
    "InvalidReference",
    "InvalidSelection",
    "ItemAlreadyExists",
    "ItemNotFound",
    "MergedRangeConflict",
    "NotImplemented",
    "RequestPayloadSizeLimitExceeded",
    "ResponsePayloadSizeLimitExceeded",
    "UnsupportedOperation",
  ),
};

/** Office.context.document.settings: set/get in memory, saveAsync writes them to the document. */
class SimSettings {
  private readonly working = new Map<string, unknown>();

  constructor(private sim: ExcelSimulator | undefined) {
    if (sim) this.attach(sim);
  }

  /** @internal Takes the settings saved in the workbook once it has loaded. */
  attach(sim: ExcelSimulator): void {
    this.sim = sim;
    this.working.clear();
    for (const [k, v] of sim.model.settings) this.working.set(k, v);
  }

  get(name: string): unknown {
    return this.working.has(name) ? this.working.get(name) : null;
  }

  set(name: string, value: unknown): void {
    this.working.set(name, JSON.parse(JSON.stringify(value)) as unknown);
  }

  remove(name: string): void {
    this.working.delete(name);
  }

  saveAsync(...args: unknown[]): void {
    const callback = args.find((a) => typeof a === "function") as
      ((result: { status: string; value?: unknown }) => void) | undefined;
    setTimeout(() => {
      const saved = this.sim?.model.settings;
      if (!saved) {
        callback?.({ status: "failed" });
        return;
      }
      saved.clear();
      for (const [k, v] of this.working) saved.set(k, v);
      callback?.({ status: "succeeded" });
    }, 0);
  }

  refreshAsync(callback?: (result: { status: string; value: SimSettings }) => void): void {
    setTimeout(() => {
      if (this.sim) this.attach(this.sim);
      callback?.({ status: "succeeded", value: this });
    }, 0);
  }
}

export interface InstalledGlobals {
  Excel: Record<string, unknown>;
  Office: Record<string, unknown>;
  uninstall(): void;
}

/**
 * Puts `Excel`, `Office` and `OfficeExtension` on `target` (globalThis by default). Office.onReady
 * resolves with { host: "Excel" }. Returns the objects and a function that restores what was there.
 */
export function installExcelGlobals(
  source: ExcelSimulator | Promise<ExcelSimulator>,
  target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>,
): InstalledGlobals {
  // The page installs the globals before its workbook has loaded (the task pane's script checks
  // `typeof Office` as it starts); Office.onReady and Excel.run wait for the workbook.
  let current: ExcelSimulator | undefined = source instanceof Promise ? undefined : source;
  const settings = new SimSettings(current);
  const ready = Promise.resolve(source).then((sim) => {
    current = sim;
    settings.attach(sim);
    return sim;
  });
  const run = async (...args: unknown[]) => {
    const batch = args.find((a) => typeof a === "function") as Parameters<ExcelSimulator["run"]>[0];
    if (!batch) throw new SimOfficeError("InvalidArgument", "Excel.run needs a batch function");
    return (await ready).run(batch);
  };
  const Excel: Record<string, unknown> = { run, ...EXCEL_ENUMS };
  const info = { host: "Excel", platform: "OfficeOnline" };
  const Office: Record<string, unknown> = {
    HostType: stringEnum("Word", "Excel", "PowerPoint", "Outlook", "OneNote", "Project", "Access"),
    PlatformType: {
      PC: "PC",
      OfficeOnline: "OfficeOnline",
      Mac: "Mac",
      iOS: "iOS",
      Android: "Android",
      Universal: "Universal",
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      host: "Excel",
      platform: "OfficeOnline",
      displayLanguage: "zh-CN",
      contentLanguage: "zh-CN",
      requirements: {
        isSetSupported: (name: string, version?: string) =>
          current ? current.isSetSupported(name, version) : false,
      },
      document: { settings, mode: "readWrite", url: "" },
    },
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      return ready.then(() => {
        callback?.(info);
        return info;
      });
    },
    initialize: undefined as unknown,
    addin: {
      showAsTaskpane: () => Promise.resolve(),
      hide: () => Promise.resolve(),
      setStartupBehavior: () => Promise.resolve(),
      onVisibilityModeChanged: () => Promise.resolve(() => Promise.resolve()),
    },
    actions: { associate: () => undefined },
  };
  const OfficeExtension = { Error: SimOfficeError, ErrorCodes: EXCEL_ENUMS.ErrorCodes };
  const previous = {
    Excel: target.Excel,
    Office: target.Office,
    OfficeExtension: target.OfficeExtension,
  };
  target.Excel = Excel;
  target.Office = Office;
  target.OfficeExtension = OfficeExtension;
  return {
    Excel,
    Office,
    uninstall() {
      for (const [key, value] of Object.entries(previous)) {
        if (value === undefined) delete target[key];
        else target[key] = value;
      }
    },
  };
}
