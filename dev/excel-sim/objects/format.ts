/**
 * Excel.RangeFormat and its parts: fill, font, borders, protection. Reading a property over a
 * range whose cells differ gives null, as Office.js does.
 */
import type ExcelJS from "exceljs";
import { SimCollection, SimObject, type SimRequestContext } from "../client";
import { invalidArgument } from "../errors";
import { colorHex, parseColor, withColor, withPattern, withPatternColor } from "../fill";
import { patchStyle } from "../model";
import type { ProtectedWrite, SimRange } from "./range";

/** One value for the whole range, or null when its cells differ. */
function common<T>(values: T[]): T | null {
  if (values.length === 0) return null;
  const first = JSON.stringify(values[0]);
  return values.every((v) => JSON.stringify(v) === first) ? values[0] : null;
}

abstract class SimFormatPart extends SimObject {
  constructor(
    context: SimRequestContext,
    typeName: string,
    protected readonly range: SimRange,
  ) {
    super(context, typeName);
  }

  /** @internal Each cell's value of a property, combined. */
  protected perCell<T>(read: (cell: ExcelJS.Cell | undefined) => T): T | null {
    const model = this.context.sim.model;
    const values: T[] = [];
    this.range.forEachCell((sheet, r, c) => values.push(read(model.findCell(sheet, r, c))));
    return common(values);
  }

  /** @internal Queues a style change on every cell of the range. */
  protected writeStyle(
    name: string,
    value: unknown,
    change: (cell: ExcelJS.Cell) => void,
    guard: ProtectedWrite = "format",
  ): void {
    this.write(name, value, () => {
      this.range.guard(guard);
      this.range.forEachCell((sheet, r, c) => change(sheet.ws.getCell(r, c)));
    });
  }
}

const H_ALIGN: Record<string, string | undefined> = {
  General: undefined,
  Left: "left",
  Center: "center",
  Right: "right",
  Fill: "fill",
  Justify: "justify",
  CenterAcrossSelection: "centerContinuous",
  Distributed: "distributed",
};
const V_ALIGN: Record<string, string | undefined> = {
  Top: "top",
  Center: "middle",
  Bottom: "bottom",
  Justify: "justify",
  Distributed: "distributed",
};
const invert = (map: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(map).map(([k, v]) => [v ?? "", k]));
const H_ALIGN_BACK = invert(H_ALIGN);
const V_ALIGN_BACK = invert(V_ALIGN);

/** Points per character of column width (Calibri 11: 7 px per digit, 5 px padding, 0.75 pt/px). */
const charsToPoints = (chars: number) => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
const pointsToChars = (points: number) => Math.max(0, (points / 0.75 - 5) / 7);

export class SimRangeFormat extends SimFormatPart {
  readonly fill: SimRangeFill;
  readonly font: SimRangeFont;
  readonly borders: SimRangeBorderCollection;
  readonly protection: SimFormatProtection;

  constructor(context: SimRequestContext, range: SimRange) {
    super(context, "RangeFormat", range);
    this.fill = new SimRangeFill(context, range);
    this.font = new SimRangeFont(context, range);
    this.borders = new SimRangeBorderCollection(context, range);
    this.protection = new SimFormatProtection(context, range);
  }

  protected scalars(): Record<string, () => unknown> {
    return {
      horizontalAlignment: () =>
        this.perCell((cell) => H_ALIGN_BACK[cell?.alignment?.horizontal ?? ""] ?? "General"),
      verticalAlignment: () =>
        this.perCell((cell) => V_ALIGN_BACK[cell?.alignment?.vertical ?? "bottom"] ?? "Bottom"),
      wrapText: () => this.perCell((cell) => Boolean(cell?.alignment?.wrapText)),
      indentLevel: () => this.perCell((cell) => cell?.alignment?.indent ?? 0),
      columnWidth: () => {
        const { sheet, rect } = this.range.resolveNow();
        const widths: number[] = [];
        for (let c = rect.left; c <= Math.min(rect.right, rect.left + 16383); c++) {
          const width = sheet.ws.getColumn(c).width ?? sheet.ws.properties.defaultColWidth ?? 8.43;
          widths.push(charsToPoints(width));
        }
        return common(widths);
      },
      rowHeight: () => {
        const { sheet, rect } = this.range.resolveNow();
        const heights: number[] = [];
        for (let r = rect.top; r <= rect.bottom; r++) {
          heights.push(sheet.ws.findRow(r)?.height ?? sheet.ws.properties.defaultRowHeight ?? 15);
        }
        return common(heights);
      },
    };
  }

  protected override navigations(): Record<string, SimObject> {
    return { fill: this.fill, font: this.font, borders: this.borders, protection: this.protection };
  }

  get horizontalAlignment(): string {
    return this.read("horizontalAlignment");
  }
  set horizontalAlignment(value: string) {
    if (!(value in H_ALIGN)) throw invalidArgument(`horizontalAlignment ${value}`);
    this.writeStyle("horizontalAlignment", value, (cell) =>
      patchStyle(cell, {
        alignment: { ...(cell.alignment ?? {}), horizontal: H_ALIGN[value] } as ExcelJS.Alignment,
      }),
    );
  }

  get verticalAlignment(): string {
    return this.read("verticalAlignment");
  }
  set verticalAlignment(value: string) {
    if (!(value in V_ALIGN)) throw invalidArgument(`verticalAlignment ${value}`);
    this.writeStyle("verticalAlignment", value, (cell) =>
      patchStyle(cell, {
        alignment: { ...(cell.alignment ?? {}), vertical: V_ALIGN[value] } as ExcelJS.Alignment,
      }),
    );
  }

  get wrapText(): boolean {
    return this.read("wrapText");
  }
  set wrapText(value: boolean) {
    this.writeStyle("wrapText", value, (cell) =>
      patchStyle(cell, {
        alignment: { ...(cell.alignment ?? {}), wrapText: value } as ExcelJS.Alignment,
      }),
    );
  }

  get indentLevel(): number {
    return this.read("indentLevel");
  }

  get columnWidth(): number {
    return this.read("columnWidth");
  }
  set columnWidth(points: number) {
    this.write("columnWidth", points, () => {
      this.range.guard("column");
      const { sheet, rect } = this.range.resolveNow();
      for (let c = rect.left; c <= rect.right; c++)
        sheet.ws.getColumn(c).width = pointsToChars(points);
    });
  }

  get rowHeight(): number {
    return this.read("rowHeight");
  }
  set rowHeight(points: number) {
    this.write("rowHeight", points, () => {
      this.range.guard("row");
      const { sheet, rect } = this.range.resolveNow();
      for (let r = rect.top; r <= rect.bottom; r++) sheet.ws.getRow(r).height = points;
    });
  }

  autofitColumns(): void {
    this.queueAction("autofitColumns", 16, () => undefined);
  }

  autofitRows(): void {
    this.queueAction("autofitRows", 16, () => undefined);
  }
}

export class SimRangeFill extends SimFormatPart {
  constructor(context: SimRequestContext, range: SimRange) {
    super(context, "RangeFill", range);
  }

  private office(key: "color" | "pattern" | "patternColor" | "tintAndShade") {
    const model = this.context.sim.model;
    const values: unknown[] = [];
    this.range.forEachCell((sheet, r, c) => values.push(model.fillOf(sheet, r, c)[key]));
    return common(values);
  }

  protected scalars(): Record<string, () => unknown> {
    return {
      color: () => this.office("color"),
      pattern: () => {
        this.context.requireApi("1.9", "fill.pattern");
        return this.office("pattern");
      },
      patternColor: () => {
        this.context.requireApi("1.9", "fill.patternColor");
        return this.office("patternColor");
      },
      patternTintAndShade: () => null,
      tintAndShade: () => {
        this.context.requireApi("1.9", "fill.tintAndShade");
        return this.office("tintAndShade");
      },
    };
  }

  get color(): string {
    return this.read("color");
  }
  set color(value: string) {
    const hex = parseColor(value);
    this.writeStyle("color", value, (cell) => {
      if (hex === undefined) throw invalidArgument(`fill color "${value}"`);
      patchStyle(cell, { fill: withColor(cell.fill, hex) });
    });
  }

  get pattern(): string {
    return this.read("pattern");
  }
  set pattern(value: string) {
    this.writeStyle("pattern", value, (cell) => {
      this.context.requireApi("1.9", "fill.pattern");
      let fill: ExcelJS.Fill | undefined;
      try {
        fill = withPattern(cell.fill, value);
      } catch {
        throw invalidArgument(`fill pattern "${value}"`);
      }
      patchStyle(cell, { fill });
    });
  }

  get patternColor(): string {
    return this.read("patternColor");
  }
  set patternColor(value: string) {
    const hex = parseColor(value);
    this.writeStyle("patternColor", value, (cell) => {
      this.context.requireApi("1.9", "fill.patternColor");
      if (hex === undefined) throw invalidArgument(`patternColor "${value}"`);
      patchStyle(cell, { fill: withPatternColor(cell.fill, hex) });
    });
  }

  get tintAndShade(): number | null {
    return this.read("tintAndShade");
  }
  set tintAndShade(value: number) {
    this.writeStyle("tintAndShade", value, (cell) => {
      this.context.requireApi("1.9", "fill.tintAndShade");
      if (typeof value !== "number" || value < -1 || value > 1)
        throw invalidArgument("tintAndShade");
      const fill = cell.fill;
      if (!fill || fill.type !== "pattern" || fill.pattern === "none") return;
      const key = fill.pattern === "solid" ? "fgColor" : "bgColor";
      const current = (fill as ExcelJS.FillPattern)[key];
      patchStyle(cell, {
        fill: { ...fill, [key]: { ...(current ?? {}), tint: value } } as ExcelJS.Fill,
      });
    });
  }

  /** Removes the fill: the cell has no fill again (not white). */
  clear(): void {
    this.queueAction("RangeFill.clear", 16, () => {
      this.range.guard("format");
      const model = this.context.sim.model;
      this.range.forEachCell((sheet, r, c) => {
        const cell = model.findCell(sheet, r, c);
        if (cell?.fill) patchStyle(cell, { fill: undefined });
      });
    });
  }
}

export class SimRangeFont extends SimFormatPart {
  constructor(context: SimRequestContext, range: SimRange) {
    super(context, "RangeFont", range);
  }

  protected scalars(): Record<string, () => unknown> {
    return {
      name: () => this.perCell((cell) => cell?.font?.name ?? "Calibri"),
      size: () => this.perCell((cell) => cell?.font?.size ?? 11),
      bold: () => this.perCell((cell) => Boolean(cell?.font?.bold)),
      italic: () => this.perCell((cell) => Boolean(cell?.font?.italic)),
      underline: () =>
        this.perCell((cell) => {
          const u = cell?.font?.underline;
          return u === true || u === "single" ? "Single" : u === "double" ? "Double" : "None";
        }),
      strikethrough: () => this.perCell((cell) => Boolean(cell?.font?.strike)),
      color: () => this.perCell((cell) => `#${colorHex(cell?.font?.color) ?? "000000"}`),
    };
  }

  private setFont(
    name: string,
    value: unknown,
    patch: (font: Partial<ExcelJS.Font>) => Partial<ExcelJS.Font>,
  ) {
    this.writeStyle(name, value, (cell) =>
      patchStyle(cell, { font: patch({ ...(cell.font ?? {}) }) }),
    );
  }

  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.setFont("name", value, (f) => ({ ...f, name: value }));
  }
  get size(): number {
    return this.read("size");
  }
  set size(value: number) {
    this.setFont("size", value, (f) => ({ ...f, size: value }));
  }
  get bold(): boolean {
    return this.read("bold");
  }
  set bold(value: boolean) {
    this.setFont("bold", value, (f) => ({ ...f, bold: value }));
  }
  get italic(): boolean {
    return this.read("italic");
  }
  set italic(value: boolean) {
    this.setFont("italic", value, (f) => ({ ...f, italic: value }));
  }
  get underline(): string {
    return this.read("underline");
  }
  set underline(value: string) {
    this.setFont("underline", value, (f) => ({
      ...f,
      underline: value === "Single" ? "single" : value === "Double" ? "double" : undefined,
    }));
  }
  get strikethrough(): boolean {
    return this.read("strikethrough");
  }
  set strikethrough(value: boolean) {
    this.setFont("strikethrough", value, (f) => ({ ...f, strike: value }));
  }
  get color(): string {
    return this.read("color");
  }
  set color(value: string) {
    const hex = parseColor(value);
    if (hex === undefined) throw invalidArgument(`font color "${value}"`);
    this.setFont("color", value, (f) => ({ ...f, color: { argb: `FF${hex}` } }));
  }
}

export class SimFormatProtection extends SimFormatPart {
  constructor(context: SimRequestContext, range: SimRange) {
    super(context, "FormatProtection", range);
  }

  protected scalars(): Record<string, () => unknown> {
    return {
      locked: () => this.perCell((cell) => cell?.protection?.locked !== false),
      formulaHidden: () => this.perCell((cell) => Boolean(cell?.protection?.hidden)),
    };
  }

  get locked(): boolean {
    return this.read("locked");
  }
  set locked(value: boolean) {
    this.writeStyle(
      "locked",
      value,
      (cell) => patchStyle(cell, { protection: { ...(cell.protection ?? {}), locked: value } }),
      "structure",
    );
  }

  get formulaHidden(): boolean {
    return this.read("formulaHidden");
  }
  set formulaHidden(value: boolean) {
    this.writeStyle(
      "formulaHidden",
      value,
      (cell) => patchStyle(cell, { protection: { ...(cell.protection ?? {}), hidden: value } }),
      "structure",
    );
  }
}

// ------------------------------------------------------------------ borders

const BORDER_INDEXES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
] as const;
type BorderIndex = (typeof BORDER_INDEXES)[number];

/** Office.js (style, weight) ↔ OOXML border style. */
const TO_OOXML: Record<string, string> = {
  "Continuous/Hairline": "hair",
  "Continuous/Thin": "thin",
  "Continuous/Medium": "medium",
  "Continuous/Thick": "thick",
  "Dash/Thin": "dashed",
  "Dash/Medium": "mediumDashed",
  "DashDot/Thin": "dashDot",
  "DashDot/Medium": "mediumDashDot",
  "DashDotDot/Thin": "dashDotDot",
  "DashDotDot/Medium": "mediumDashDotDot",
  "Dot/Thin": "dotted",
  "Double/Thick": "double",
  "SlantDashDot/Medium": "slantDashDot",
};
const FROM_OOXML: Record<string, [string, string]> = Object.fromEntries(
  Object.entries(TO_OOXML).map(([k, v]) => [v, k.split("/") as [string, string]]),
);

function ooxmlStyle(style: string, weight: string): string {
  return (
    TO_OOXML[`${style}/${weight}`] ??
    TO_OOXML[`${style}/Thin`] ??
    TO_OOXML[`${style}/Medium`] ??
    TO_OOXML[`${style}/Thick`] ??
    "thin"
  );
}

type Side = "top" | "bottom" | "left" | "right";

export class SimRangeBorderCollection extends SimCollection<SimRangeBorder> {
  constructor(
    context: SimRequestContext,
    private readonly range: SimRange,
  ) {
    super(context, "RangeBorderCollection");
  }

  protected itemsNow(): SimRangeBorder[] {
    return BORDER_INDEXES.slice(0, 6).map((i) => new SimRangeBorder(this.context, this.range, i));
  }

  getItem(index: string): SimRangeBorder {
    if (!(BORDER_INDEXES as readonly string[]).includes(index))
      throw invalidArgument(`border ${index}`);
    return new SimRangeBorder(this.context, this.range, index as BorderIndex);
  }
}

export class SimRangeBorder extends SimFormatPart {
  constructor(
    context: SimRequestContext,
    range: SimRange,
    private readonly index: BorderIndex,
  ) {
    super(context, "RangeBorder", range);
  }

  /** The cell sides this border index covers. */
  private sides(): Array<{ row: number; col: number; side: Side }> {
    const { rect } = this.range.resolveNow();
    const out: Array<{ row: number; col: number; side: Side }> = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        const add = (side: Side) => out.push({ row: r, col: c, side });
        switch (this.index) {
          case "EdgeTop":
            if (r === rect.top) add("top");
            break;
          case "EdgeBottom":
            if (r === rect.bottom) add("bottom");
            break;
          case "EdgeLeft":
            if (c === rect.left) add("left");
            break;
          case "EdgeRight":
            if (c === rect.right) add("right");
            break;
          case "InsideHorizontal":
            if (r < rect.bottom) add("bottom");
            break;
          case "InsideVertical":
            if (c < rect.right) add("right");
            break;
          default:
            break; // diagonals are not modelled
        }
      }
    }
    return out;
  }

  private current(): Array<Partial<ExcelJS.Border> | undefined> {
    const { sheet } = this.range.resolveNow();
    const model = this.context.sim.model;
    return this.sides().map(
      ({ row, col, side }) => model.findCell(sheet, row, col)?.border?.[side],
    );
  }

  protected scalars(): Record<string, () => unknown> {
    return {
      sideIndex: () => this.index,
      style: () =>
        common(
          this.current().map((b) =>
            b?.style ? (FROM_OOXML[b.style]?.[0] ?? "Continuous") : "None",
          ),
        ),
      weight: () =>
        common(
          this.current().map((b) => (b?.style ? (FROM_OOXML[b.style]?.[1] ?? "Thin") : "Thin")),
        ),
      color: () => common(this.current().map((b) => `#${colorHex(b?.color) ?? "000000"}`)),
    };
  }

  private update(
    name: string,
    value: unknown,
    next: (b: Partial<ExcelJS.Border> | undefined) => Partial<ExcelJS.Border> | undefined,
  ) {
    this.write(name, value, () => {
      this.range.guard("format");
      const { sheet } = this.range.resolveNow();
      for (const { row, col, side } of this.sides()) {
        const cell = sheet.ws.getCell(row, col);
        const border = { ...(cell.border ?? {}) } as Record<string, unknown>;
        const b = next(border[side] as Partial<ExcelJS.Border> | undefined);
        if (b) border[side] = b;
        else delete border[side];
        patchStyle(cell, { border: border as unknown as ExcelJS.Borders });
      }
    });
  }

  get sideIndex(): string {
    return this.read("sideIndex");
  }

  get style(): string {
    return this.read("style");
  }
  set style(value: string) {
    this.update("style", value, (b) => {
      if (value === "None") return undefined;
      const weight = b?.style ? (FROM_OOXML[b.style]?.[1] ?? "Thin") : "Thin";
      return { ...(b ?? {}), style: ooxmlStyle(value, weight) as ExcelJS.BorderStyle };
    });
  }

  get weight(): string {
    return this.read("weight");
  }
  set weight(value: string) {
    this.update("weight", value, (b) => {
      const style = b?.style ? (FROM_OOXML[b.style]?.[0] ?? "Continuous") : "Continuous";
      return { ...(b ?? {}), style: ooxmlStyle(style, value) as ExcelJS.BorderStyle };
    });
  }

  get color(): string {
    return this.read("color");
  }
  set color(value: string) {
    const hex = parseColor(value);
    if (hex === undefined) throw invalidArgument(`border color "${value}"`);
    this.update("color", value, (b) => ({
      style: "thin",
      ...(b ?? {}),
      color: { argb: `FF${hex}` },
    }));
  }
}
