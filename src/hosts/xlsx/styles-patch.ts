// Adds cell formats to styles.xml without rewriting the formats already there: a marked cell gets
// a copy of its own format (number format, font, border, alignment, protection) with our fill.
import { isRelType, type OoxmlPackage } from "./ooxml-package";
import { MAIN_NS, workbookPart } from "./workbook-parts";
import {
  appendChildren,
  applyEdits,
  children,
  firstChild,
  prefixOf,
  rootElement,
  startTag,
  withAttr,
  type XmlEdit,
  type XmlElement,
} from "./xml-scan";

const STYLES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const STYLES_CONTENT_TYPE =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

/** CT_Stylesheet's child order: a missing list is inserted where the schema wants it. */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/** The lists our formats refer to, with Excel's own defaults for a styles part that lacks one. */
const REQUIRED: Record<string, { item: string; defaults: string[] }> = {
  fonts: { item: "font", defaults: ['<font><sz val="11"/><name val="Calibri"/></font>'] },
  fills: {
    item: "fill",
    defaults: [
      '<fill><patternFill patternType="none"/></fill>',
      '<fill><patternFill patternType="gray125"/></fill>',
    ],
  },
  borders: {
    item: "border",
    defaults: ["<border><left/><right/><top/><bottom/><diagonal/></border>"],
  },
  cellXfs: {
    item: "xf",
    defaults: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'],
  },
};

interface List {
  readonly el: XmlElement;
  readonly items: XmlElement[];
  readonly added: string[];
}

export class StylesPatch {
  private readonly part: string;
  private readonly xml: string;
  private readonly prefix: string;
  private readonly lists: Record<"fonts" | "fills" | "borders" | "cellXfs", List>;
  private readonly fillIds = new Map<string, number>();
  private readonly markXfs = new Map<string, number>();
  private boldFontId: number | undefined;

  constructor(private readonly pkg: OoxmlPackage) {
    this.part = stylesPart(pkg);
    this.xml = withRequiredLists(pkg.text(this.part)!);
    const root = rootElement(this.xml);
    this.prefix = prefixOf(root);
    const list = (local: keyof typeof REQUIRED): List => {
      const el = firstChild(this.xml, root, local)!;
      const item = REQUIRED[local].item;
      return { el, items: children(this.xml, el).filter((c) => c.local === item), added: [] };
    };
    this.lists = {
      fonts: list("fonts"),
      fills: list("fills"),
      borders: list("borders"),
      cellXfs: list("cellXfs"),
    };
  }

  /** styles.xml as it was (with any list it lacked), for reading the formats cells have now. */
  get originalXml(): string {
    return this.xml;
  }

  /** The format of a cell formatted `baseXf`, filled solid with `argb`. */
  filled(baseXf: number, argb: string): number {
    const xfs = this.lists.cellXfs;
    const base = baseXf >= 0 && baseXf < xfs.items.length ? baseXf : 0;
    const key = `${base}\u0000${argb}`;
    const known = this.markXfs.get(key);
    if (known !== undefined) return known;
    const fillId = this.fill(argb);
    const source = xfs.items[base];
    let tag = startTag(this.xml, source);
    tag = withAttr(withAttr(tag, "fillId", String(fillId)), "applyFill", "1");
    const xf = tag + this.xml.slice(source.openEnd, source.end);
    const id = this.add("cellXfs", xf);
    this.markXfs.set(key, id);
    return id;
  }

  /** The default format in bold (the summary sheet's header). */
  bold(): number {
    return this.add("cellXfs", this.defaultXf(` fontId="${this.boldFont()}" applyFont="1"`, ""));
  }

  /** The default format, wrapped and top-aligned (the summary sheet's long messages). */
  wrapped(): number {
    const p = this.prefix;
    return this.add(
      "cellXfs",
      this.defaultXf(' applyAlignment="1"', `<${p}alignment vertical="top" wrapText="1"/>`),
    );
  }

  /** Writes styles.xml back with the formats added, the existing ones untouched. */
  commit(): void {
    const edits: XmlEdit[] = [];
    for (const list of Object.values(this.lists)) {
      if (list.added.length === 0) continue;
      const count = list.items.length + list.added.length;
      edits.push(...appendChildren(this.xml, list.el, list.added.join(""), count));
    }
    if (edits.length > 0) this.pkg.setText(this.part, applyEdits(this.xml, edits));
  }

  private add(listName: keyof StylesPatch["lists"], item: string): number {
    const list = this.lists[listName];
    list.added.push(item);
    return list.items.length + list.added.length - 1;
  }

  private fill(argb: string): number {
    const known = this.fillIds.get(argb);
    if (known !== undefined) return known;
    const p = this.prefix;
    const id = this.add(
      "fills",
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/>` +
        `<${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
    );
    this.fillIds.set(argb, id);
    return id;
  }

  private boldFont(): number {
    if (this.boldFontId !== undefined) return this.boldFontId;
    const font = this.lists.fonts.items[0];
    const p = this.prefix;
    const tag = startTag(this.xml, font);
    const bold = font.selfClosing
      ? `${tag.slice(0, -2)}><${p}b/></${font.name}>`
      : `${tag}<${p}b/>${this.xml.slice(font.openEnd, font.end)}`;
    this.boldFontId = this.add("fonts", bold);
    return this.boldFontId;
  }

  /** A new format like the workbook's default one (number format, border), plus `attrs`. */
  private defaultXf(attrs: string, inner: string): string {
    const base = startTag(this.xml, this.lists.cellXfs.items[0]);
    let tag = base.replace(/\s*\/?>$/, "");
    tag = withAttr(`${tag}>`, "fillId", "0");
    for (const match of attrs.matchAll(/(\w+)="([^"]*)"/g)) tag = withAttr(tag, match[1], match[2]);
    const name = this.lists.cellXfs.items[0].name;
    return inner ? `${tag}${inner}</${name}>` : `${tag.slice(0, -1)}/>`;
  }
}

function stylesPart(pkg: OoxmlPackage): string {
  const wbPart = workbookPart(pkg);
  const rel = pkg.relationships(wbPart).find((r) => isRelType(r.type, "styles"));
  if (rel?.part && pkg.has(rel.part)) return rel.part;
  // A workbook without styles (some generators write none): give it the smallest valid one.
  const folder = wbPart.slice(0, wbPart.lastIndexOf("/") + 1);
  const usual = `${folder}styles.xml`;
  const part = pkg.has(usual) ? pkg.freePartName(`${folder}styles#.xml`) : usual;
  pkg.setText(
    part,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS[0]}"/>`,
  );
  pkg.setContentType(part, STYLES_CONTENT_TYPE);
  pkg.addRelationship(wbPart, STYLES_REL, part);
  return part;
}

/** The styles part with every list our formats refer to (added in schema order where missing). */
function withRequiredLists(source: string): string {
  let xml = source;
  for (const local of Object.keys(REQUIRED)) {
    const root = rootElement(xml);
    const present = children(xml, root);
    const existing = present.find((el) => el.local === local);
    const p = prefixOf(root);
    const defaults = REQUIRED[local].defaults.map((item) => item.replace(/<(\/?)/g, `<$1${p}`));
    if (existing) {
      const items = children(xml, existing).filter((c) => c.local === REQUIRED[local].item);
      if (items.length > 0) continue;
      xml = applyEdits(xml, appendChildren(xml, existing, defaults.join(""), defaults.length));
      continue;
    }
    const list = `<${p}${local} count="${defaults.length}">${defaults.join("")}</${p}${local}>`;
    const later = present.find((el) => ORDER.indexOf(el.local) > ORDER.indexOf(local));
    const edit: XmlEdit = later
      ? { at: later.start, remove: 0, insert: list }
      : appendChildren(xml, root, list)[0];
    xml = applyEdits(xml, [edit]);
  }
  return xml;
}
