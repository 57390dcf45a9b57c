// An .xlsx file as its zip parts, for editing a few parts and keeping every other part's bytes.
// No Node-only API: the same code can run in the browser.
import { unzipSync, zipSync, type Zippable } from "fflate";
import { zipRefusal } from "./zip-limits";
import {
  appendChildren,
  applyEdits,
  attr,
  children,
  escapeXml,
  rootElement,
  startTag,
  type XmlEdit,
} from "./xml-scan";

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** Target as written in the .rels part. */
  readonly target: string;
  /** Zip path of the target part; undefined for an external target. */
  readonly part: string | undefined;
}

const RELS_CONTENT_TYPE = "application/vnd.openxmlformats-package.relationships+xml";
const REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const TYPES_PART = "[Content_Types].xml";

/** Relationship types are matched by their last segment so transitional and strict both match. */
export function isRelType(type: string, kind: string): boolean {
  return type.endsWith(`/${kind}`);
}

/** A package refused before unzipping; the message is one Chinese line. */
export class ZipRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipRefusedError";
  }
}

export class OoxmlPackage {
  private readonly files: Map<string, Uint8Array>;
  private readonly edited = new Map<string, string>();

  private constructor(files: Map<string, Uint8Array>) {
    this.files = files;
  }

  /**
   * Unzips a package. The same limits as the reader's apply first (zip-limits.ts): annotate must
   * not inflate a zip bomb even when called without a check before it.
   */
  static read(bytes: Uint8Array): OoxmlPackage {
    const refusal = zipRefusal(bytes);
    if (refusal) throw new ZipRefusedError(refusal);
    return new OoxmlPackage(new Map(Object.entries(unzipSync(bytes))));
  }

  has(part: string): boolean {
    return this.edited.has(part) || this.files.has(part);
  }

  /** A part decoded as UTF-8 text (the XML parts of an .xlsx are). */
  text(part: string): string | undefined {
    const edited = this.edited.get(part);
    if (edited !== undefined) return edited;
    const bytes = this.files.get(part);
    return bytes && new TextDecoder().decode(bytes);
  }

  setText(part: string, text: string): void {
    if (!this.files.has(part)) this.files.set(part, new Uint8Array());
    this.edited.set(part, text);
  }

  remove(part: string): void {
    this.files.delete(part);
    this.edited.delete(part);
  }

  parts(): string[] {
    return [...this.files.keys()];
  }

  /** The package as zip bytes; parts keep their order, untouched parts their exact content. */
  toBytes(): Uint8Array {
    const zippable: Zippable = {};
    for (const [part, bytes] of this.files) {
      const edited = this.edited.get(part);
      zippable[part] = edited === undefined ? bytes : new TextEncoder().encode(edited);
    }
    return zipSync(zippable, { level: 6 });
  }

  /** A part name not yet used, from a pattern such as "xl/worksheets/sheet#.xml". */
  freePartName(pattern: string): string {
    const taken = new Set(this.parts().map((part) => part.toLowerCase()));
    for (let n = 1; ; n++) {
      const name = pattern.replace("#", String(n));
      if (!taken.has(name.toLowerCase())) return name;
    }
  }

  // --- relationships -------------------------------------------------------------------------

  relationships(part: string): Relationship[] {
    const xml = this.text(relsPathOf(part));
    if (xml === undefined) return [];
    const root = rootElement(xml);
    return children(xml, root)
      .filter((el) => el.local === "Relationship")
      .map((el) => {
        const tag = startTag(xml, el);
        const target = attr(tag, "Target") ?? "";
        const external = attr(tag, "TargetMode") === "External";
        return {
          id: attr(tag, "Id") ?? "",
          type: attr(tag, "Type") ?? "",
          target,
          part: external ? undefined : resolveTarget(part, target),
        };
      });
  }

  /** Adds a relationship from `part` to `targetPart`; returns its new id. */
  addRelationship(part: string, type: string, targetPart: string): string {
    const relsPath = relsPathOf(part);
    const xml =
      this.text(relsPath) ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}"></Relationships>`;
    if (!this.has(relsPath)) this.ensureDefaultContentType("rels", RELS_CONTENT_TYPE);
    const ids = new Set(this.relationships(part).map((rel) => rel.id));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const root = rootElement(xml);
    const prefix = root.name.slice(0, root.name.length - root.local.length);
    const target = relativeTarget(part, targetPart);
    const element = `<${prefix}Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`;
    this.setText(relsPath, applyEdits(xml, appendChildren(xml, root, element)));
    return id;
  }

  /** Removes a relationship (by id) from `part`'s relationships. */
  removeRelationship(part: string, id: string): void {
    const relsPath = relsPathOf(part);
    const xml = this.text(relsPath);
    if (xml === undefined) return;
    const edits: XmlEdit[] = children(xml, rootElement(xml))
      .filter((el) => el.local === "Relationship" && attr(startTag(xml, el), "Id") === id)
      .map((el) => ({ at: el.start, remove: el.end - el.start, insert: "" }));
    if (edits.length > 0) this.setText(relsPath, applyEdits(xml, edits));
  }

  // --- content types -------------------------------------------------------------------------

  contentType(part: string): string | undefined {
    const xml = this.text(TYPES_PART) ?? "";
    const els = children(xml, rootElement(xml));
    const name = `/${part}`.toLowerCase();
    for (const el of els) {
      const tag = startTag(xml, el);
      if (el.local === "Override" && attr(tag, "PartName")?.toLowerCase() === name) {
        return attr(tag, "ContentType");
      }
    }
    const extension = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
    for (const el of els) {
      const tag = startTag(xml, el);
      if (el.local === "Default" && attr(tag, "Extension")?.toLowerCase() === extension) {
        return attr(tag, "ContentType");
      }
    }
    return undefined;
  }

  /** Declares the content type of a (new) part with an Override. */
  setContentType(part: string, contentType: string): void {
    this.removeContentType(part);
    const xml = this.text(TYPES_PART) ?? "";
    const root = rootElement(xml);
    const prefix = root.name.slice(0, root.name.length - root.local.length);
    const override = `<${prefix}Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(contentType)}"/>`;
    this.setText(TYPES_PART, applyEdits(xml, appendChildren(xml, root, override)));
  }

  removeContentType(part: string): void {
    const xml = this.text(TYPES_PART) ?? "";
    const name = `/${part}`.toLowerCase();
    const edits: XmlEdit[] = children(xml, rootElement(xml))
      .filter(
        (el) =>
          el.local === "Override" && attr(startTag(xml, el), "PartName")?.toLowerCase() === name,
      )
      .map((el) => ({ at: el.start, remove: el.end - el.start, insert: "" }));
    if (edits.length > 0) this.setText(TYPES_PART, applyEdits(xml, edits));
  }

  private ensureDefaultContentType(extension: string, contentType: string): void {
    const xml = this.text(TYPES_PART) ?? "";
    const root = rootElement(xml);
    const known = children(xml, root).some(
      (el) =>
        el.local === "Default" && attr(startTag(xml, el), "Extension")?.toLowerCase() === extension,
    );
    if (known) return;
    const prefix = root.name.slice(0, root.name.length - root.local.length);
    const element = `<${prefix}Default Extension="${extension}" ContentType="${contentType}"/>`;
    this.setText(TYPES_PART, applyEdits(xml, appendChildren(xml, root, element)));
  }
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"; the package → "_rels/.rels". */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Zip path of a relationship target, relative to the source part's folder or absolute ("/xl/…"). */
export function resolveTarget(source: string, target: string): string {
  const base = target.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") base.pop();
    else base.push(segment);
  }
  return base.join("/");
}

function relativeTarget(source: string, targetPart: string): string {
  const from = source.split("/").slice(0, -1);
  const to = targetPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}
