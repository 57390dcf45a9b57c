// A cell format's fill, read from styles.xml as the mark ledger records it (FillRecord: OOXML
// pattern name, "RRGGBB" colours). Theme and indexed colours are resolved to the RGB a spreadsheet
// shows, because that is what the Excel and WPS adapters read (and write back) for the same cell:
// a workbook annotated by `perf-eval annotate` is cleared in Excel or WPS from these records.
import type { FillRecord } from "../marks/ledger";
import { isRelType, type OoxmlPackage } from "./ooxml-package";
import { workbookPart } from "./workbook-parts";
import { attr, children, firstChild, rootElement, startTag, type XmlElement } from "./xml-scan";

/** The legacy palette (indexed="0"…"65"), unless the workbook's <colors> overrides it. */
export const DEFAULT_INDEXED: readonly string[] = [
  "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
  "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
  "800000", "008000", "000080", "808000", "800080", "008080", "C0C0C0", "808080",
  "9999FF", "993366", "FFFFCC", "CCFFFF", "660066", "FF8080", "0066CC", "CCCCFF",
  "000080", "FF00FF", "FFFF00", "00FFFF", "800080", "800000", "008080", "0000FF",
  "00CCFF", "CCFFFF", "CCFFCC", "FFFF99", "99CCFF", "FF99CC", "CC99FF", "FFCC99",
  "3366FF", "33CCCC", "99CC00", "FFCC00", "FF9900", "FF6600", "666699", "969696",
  "003366", "339966", "003300", "333300", "993300", "993366", "333399", "333333",
  "000000", "FFFFFF",
]; // prettier-ignore

/** Office's default theme, for a workbook without a theme part. Order: lt1, dk1, lt2, dk2, … */
const DEFAULT_THEME = [
  "FFFFFF", "000000", "E7E6E6", "44546A", "4472C4", "ED7D31",
  "A5A5A5", "FFC000", "5B9BD5", "70AD47", "0563C1", "954F72",
]; // prettier-ignore

/** Reads fills of cell formats (xf indexes) from one package's styles and theme. */
export class FillReader {
  private readonly xfFill: number[] = [];
  private readonly fills: Array<{ xml: string; el: XmlElement }> = [];
  private readonly indexed: string[];
  private readonly theme: string[];

  constructor(pkg: OoxmlPackage, stylesXml: string | undefined) {
    this.theme = themeColors(pkg) ?? DEFAULT_THEME;
    this.indexed = [...DEFAULT_INDEXED];
    if (!stylesXml) return;
    const root = rootElement(stylesXml);
    const fills = firstChild(stylesXml, root, "fills");
    for (const el of fills ? children(stylesXml, fills) : []) {
      if (el.local === "fill") this.fills.push({ xml: stylesXml, el });
    }
    const xfs = firstChild(stylesXml, root, "cellXfs");
    for (const el of xfs ? children(stylesXml, xfs) : []) {
      if (el.local === "xf") this.xfFill.push(Number(attr(startTag(stylesXml, el), "fillId")) || 0);
    }
    const custom = firstChild(stylesXml, root, "colors");
    const list = custom && firstChild(stylesXml, custom, "indexedColors");
    const rgbs = list ? children(stylesXml, list).filter((el) => el.local === "rgbColor") : [];
    rgbs.forEach((el, i) => {
      const rgb = argbToRgb(attr(startTag(stylesXml, el), "rgb"));
      if (rgb) this.indexed[i] = rgb;
    });
  }

  /** The fill a cell formatted with `xf` shows. */
  fillOf(xf: number): FillRecord {
    const fill = this.fills[this.xfFill[xf] ?? 0];
    if (!fill) return { kind: "none" };
    const { xml, el } = fill;
    const pattern = firstChild(xml, el, "patternFill");
    if (pattern) {
      const type = attr(startTag(xml, pattern), "patternType") ?? "none";
      const fg = this.colorOf(xml, firstChild(xml, pattern, "fgColor"), "000000");
      const bg = this.colorOf(xml, firstChild(xml, pattern, "bgColor"), "FFFFFF");
      if (type === "none") return { kind: "none" };
      if (type === "solid") return { kind: "solid", color: fg };
      return { kind: "pattern", pattern: type, color: bg, patternColor: fg };
    }
    // A gradient has no FillRecord of its own: its first stop is the nearest solid colour (what
    // the Office.js and WPS adapters read as the cell's colour too).
    const gradient = firstChild(xml, el, "gradientFill");
    const stop = gradient && firstChild(xml, gradient, "stop");
    const color = stop && firstChild(xml, stop, "color");
    return color ? { kind: "solid", color: this.colorOf(xml, color, "FFFFFF") } : { kind: "none" };
  }

  private colorOf(xml: string, el: XmlElement | undefined, fallback: string): string {
    if (!el) return fallback;
    const tag = startTag(xml, el);
    const tint = Number(attr(tag, "tint") ?? 0) || 0;
    const rgb = argbToRgb(attr(tag, "rgb"));
    const theme = attr(tag, "theme");
    const indexed = attr(tag, "indexed");
    let base: string | undefined;
    if (rgb) base = rgb;
    else if (theme !== undefined) base = this.theme[Number(theme)];
    else if (indexed !== undefined) base = this.indexed[Number(indexed)];
    return base ? applyTint(base, tint) : fallback;
  }
}

function argbToRgb(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const hex = value.toUpperCase();
  if (/^[0-9A-F]{8}$/.test(hex)) return hex.slice(2);
  if (/^[0-9A-F]{6}$/.test(hex)) return hex;
  return undefined;
}

/**
 * The theme's colour scheme in SpreadsheetML's index order. The theme lists dk1, lt1, dk2, lt2
 * first, but theme="0" means lt1 (background 1) and theme="1" dk1: the first two pairs swap.
 */
function themeColors(pkg: OoxmlPackage): string[] | undefined {
  try {
    const wb = workbookPart(pkg);
    const rel = pkg.relationships(wb).find((r) => isRelType(r.type, "theme"));
    const xml = rel?.part ? pkg.text(rel.part) : undefined;
    if (!xml) return undefined;
    const scheme = /<(?:\w+:)?clrScheme\b[\s\S]*?<\/(?:\w+:)?clrScheme>/.exec(xml)?.[0];
    if (!scheme) return undefined;
    const names = ["dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3"];
    names.push("accent4", "accent5", "accent6", "hlink", "folHlink");
    const colors = names.map((name) => {
      const body = new RegExp(`<(?:\\w+:)?${name}>([\\s\\S]*?)</(?:\\w+:)?${name}>`).exec(
        scheme,
      )?.[1];
      const srgb = body && /srgbClr\s+val="([0-9A-Fa-f]{6})"/.exec(body)?.[1];
      const sys = body && /sysClr\b[^>]*lastClr="([0-9A-Fa-f]{6})"/.exec(body)?.[1];
      return (srgb ?? sys ?? "").toUpperCase();
    });
    if (colors.some((c) => c === "")) return undefined;
    const [dk1, lt1, dk2, lt2, ...rest] = colors;
    return [lt1, dk1, lt2, dk2, ...rest];
  } catch {
    return undefined;
  }
}

/** Excel's tint: lightens (tint > 0) or darkens (tint < 0) the colour's HLS luminance. */
export function applyTint(rgb: string, tint: number): string {
  if (!tint) return rgb;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  let h = 0;
  let s = 0;
  let l = (max + min) / 2;
  if (max !== min) {
    const d = max - min;
    s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
    if (max === r) h = (g - b) / d + (g < b ? 6 : 0);
    else if (max === g) h = (b - r) / d + 2;
    else h = (r - g) / d + 4;
    h /= 6;
  }
  l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  const hue = (p: number, q: number, t: number) => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (u < 1 / 6) return p + (q - p) * 6 * u;
    if (u < 1 / 2) return q;
    if (u < 2 / 3) return p + (q - p) * (2 / 3 - u) * 6;
    return p;
  };
  let channels: number[];
  if (s === 0) channels = [l, l, l];
  else {
    const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
    const p = 2 * l - q;
    channels = [hue(p, q, h + 1 / 3), hue(p, q, h), hue(p, q, h - 1 / 3)];
  }
  return channels
    .map((c) =>
      Math.round(Math.min(1, Math.max(0, c)) * 255)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")
    .toUpperCase();
}
