// Adds notes (legacy comments) to a worksheet: the comments part holds the text, a VML drawing
// the note's box. A note the user already wrote keeps its text and formatting; ours is appended as
// one more run below a marker line.
import { fromA1, toA1 } from "../../core/grid";
import { composeNote, NOTE_MARKER } from "../marks/ledger";
import { isRelType, type OoxmlPackage } from "./ooxml-package";
import { MAIN_NS, REL_NS } from "./workbook-parts";
import {
  appendChildren,
  applyEdits,
  attr,
  children,
  escapeXml,
  firstChild,
  prefixFor,
  prefixOf,
  rootElement,
  startTag,
  unescapeXml,
  xstring,
  type XmlEdit,
  type XmlElement,
} from "./xml-scan";

export interface NoteText {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

export const NOTE_AUTHOR = "绩效自评助手";
/** The line between a note the user had and ours (the mark ledger's, so every host reads it). */
export { NOTE_MARKER };

const COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const VML_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing";
const COMMENTS_CONTENT_TYPE =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
const VML_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.vmlDrawing";

/** CT_Worksheet children that come after <legacyDrawing>: it is inserted before the first. */
const AFTER_LEGACY_DRAWING = [
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/**
 * Adds our notes; returns, per cell ("D7"), the text of the note it had before (null: none), which
 * the mark ledger records. Each note ends up as the ledger's composeNote(before, ours) reads.
 */
export function addNotes(
  pkg: OoxmlPackage,
  sheetPart: string,
  notes: readonly NoteText[],
): Map<string, string | null> {
  const before = new Map<string, string | null>();
  if (notes.length === 0) return before;
  const rels = pkg.relationships(sheetPart);
  const commentsRel = rels.find((r) => isRelType(r.type, "comments") && r.part && pkg.has(r.part));
  const commentsPart = commentsRel?.part ?? newCommentsPart(pkg, sheetPart);

  const fresh = addToComments(pkg, commentsPart, notes, before);
  if (fresh.length === 0) return before;
  const vmlPart = legacyDrawingPart(pkg, sheetPart) ?? newVmlPart(pkg, sheetPart);
  addNoteShapes(pkg, vmlPart, fresh);
  return before;
}

function newCommentsPart(pkg: OoxmlPackage, sheetPart: string): string {
  const folder = sheetPart.slice(0, sheetPart.lastIndexOf("/"));
  const parent = folder.slice(0, folder.lastIndexOf("/") + 1);
  const part = pkg.freePartName(`${parent}comments#.xml`);
  pkg.setText(
    part,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS[0]}">` +
      `<authors><author>${NOTE_AUTHOR}</author></authors><commentList/></comments>`,
  );
  pkg.setContentType(part, COMMENTS_CONTENT_TYPE);
  pkg.addRelationship(sheetPart, COMMENTS_REL, part);
  return part;
}

/** Appends to the cells' notes where there are some; returns the notes that are new. */
function addToComments(
  pkg: OoxmlPackage,
  part: string,
  notes: readonly NoteText[],
  before: Map<string, string | null>,
): NoteText[] {
  const xml = pkg.text(part)!;
  const root = rootElement(xml);
  const p = prefixOf(root);
  const edits: XmlEdit[] = [];
  const list = firstChild(xml, root, "commentList");
  const existing = new Map<string, XmlElement>();
  for (const el of list ? children(xml, list) : []) {
    const ref = fromA1(attr(startTag(xml, el), "ref") ?? "");
    if (el.local === "comment" && ref) existing.set(toA1(ref.row, ref.col), el);
  }

  const fresh: NoteText[] = [];
  for (const note of notes) {
    const comment = existing.get(toA1(note.row, note.col));
    const text = comment && firstChild(xml, comment, "text");
    if (comment && text) {
      before.set(toA1(note.row, note.col), noteText(xml, text));
      edits.push(...appendRun(xml, text, note.text, p));
    } else {
      before.set(toA1(note.row, note.col), null);
      fresh.push({ ...note, text: composeNote(null, note.text) });
    }
  }
  if (fresh.length > 0) {
    const authorId = authorIndex(xml, root, edits, p);
    const added = fresh
      .map(
        (note) =>
          `<${p}comment ref="${toA1(note.row, note.col)}" authorId="${authorId}"><${p}text>` +
          `<${p}r><${p}t xml:space="preserve">${xstring(note.text)}</${p}t></${p}r>` +
          `</${p}text></${p}comment>`,
      )
      .join("");
    if (list) edits.push(...appendChildren(xml, list, added));
    else edits.push(...appendChildren(xml, root, `<${p}commentList>${added}</${p}commentList>`));
  }
  pkg.setText(part, applyEdits(xml, edits));
  return fresh;
}

/** A note's text as a spreadsheet shows it: its runs' text joined, entities decoded. */
function noteText(xml: string, text: XmlElement): string {
  return children(xml, text)
    .flatMap((el) => (el.local === "t" ? [el] : el.local === "r" ? children(xml, el) : []))
    .filter((el) => el.local === "t")
    .map((el) => unescapeXml(xml.slice(el.openEnd, el.closeStart)))
    .join("");
}

/** Our run after the user's note; a plain <t> note is first made a run so the two can follow. */
function appendRun(xml: string, text: XmlElement, ours: string, p: string): XmlEdit[] {
  const parts = children(xml, text);
  const previous = parts
    .flatMap((el) => (el.local === "t" ? [el] : el.local === "r" ? children(xml, el) : []))
    .filter((el) => el.local === "t")
    .map((el) => xml.slice(el.openEnd, el.closeStart))
    .join("");
  const runs = parts.filter((el) => el.local === "r");
  const last = runs[runs.length - 1];
  const rPr = last && firstChild(xml, last, "rPr");
  const font = rPr ? xml.slice(rPr.start, rPr.end) : "";
  // As composeNote writes it: the marker line always stands above our text.
  const body = previous === "" ? `${NOTE_MARKER}\n${ours}` : `\n${NOTE_MARKER}\n${ours}`;
  const run = `<${p}r>${font}<${p}t xml:space="preserve">${xstring(body)}</${p}t></${p}r>`;
  if (last) return [{ at: last.end, remove: 0, insert: run }];
  const plain = parts.find((el) => el.local === "t");
  if (plain) {
    const wrapped = `<${p}r>${xml.slice(plain.start, plain.end)}</${p}r>${run}`;
    return [{ at: plain.start, remove: plain.end - plain.start, insert: wrapped }];
  }
  return appendChildren(xml, text, run);
}

/** Index of our author in <authors>, adding it (an edit) when missing. */
function authorIndex(xml: string, root: XmlElement, edits: XmlEdit[], p: string): number {
  const authors = firstChild(xml, root, "authors");
  const names = authors
    ? children(xml, authors).map((el) => xml.slice(el.openEnd, el.closeStart))
    : [];
  const known = names.indexOf(escapeXml(NOTE_AUTHOR));
  if (known >= 0) return known;
  const author = `<${p}author>${NOTE_AUTHOR}</${p}author>`;
  if (authors) edits.push(...appendChildren(xml, authors, author));
  else edits.push({ at: root.openEnd, remove: 0, insert: `<${p}authors>${author}</${p}authors>` });
  return names.length;
}

function legacyDrawingPart(pkg: OoxmlPackage, sheetPart: string): string | undefined {
  const xml = pkg.text(sheetPart)!;
  const root = rootElement(xml);
  const legacy = firstChild(xml, root, "legacyDrawing");
  if (!legacy) return undefined;
  const relPrefix = prefixFor(startTag(xml, root), REL_NS) ?? "r:";
  const id = attr(startTag(xml, legacy), `${relPrefix}id`);
  const rel = pkg.relationships(sheetPart).find((r) => r.id === id);
  return rel?.part && pkg.has(rel.part) ? rel.part : undefined;
}

const VML_NAMESPACES: Record<string, string> = {
  v: "urn:schemas-microsoft-com:vml",
  o: "urn:schemas-microsoft-com:office:office",
  x: "urn:schemas-microsoft-com:office:excel",
};

const NOTE_SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" ' +
  'path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/>' +
  '<v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function newVmlPart(pkg: OoxmlPackage, sheetPart: string): string {
  const folder = sheetPart.slice(0, sheetPart.lastIndexOf("/"));
  const parent = folder.slice(0, folder.lastIndexOf("/") + 1);
  const part = pkg.freePartName(`${parent}drawings/vmlDrawing#.vml`);
  const xmlns = Object.entries(VML_NAMESPACES)
    .map(([prefix, uri]) => ` xmlns:${prefix}="${uri}"`)
    .join("");
  pkg.setText(
    part,
    `<xml${xmlns}><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${freeShapeBlock(pkg)}"/>` +
      `</o:shapelayout>${NOTE_SHAPE_TYPE}</xml>`,
  );
  pkg.setContentType(part, VML_CONTENT_TYPE);
  const id = pkg.addRelationship(sheetPart, VML_REL, part);

  const xml = pkg.text(sheetPart)!;
  const root = rootElement(xml);
  const relPrefix = prefixFor(startTag(xml, root), REL_NS);
  const idAttr = relPrefix ? `${relPrefix}id="${id}"` : `xmlns:r="${REL_NS[0]}" r:id="${id}"`;
  const element = `<${prefixOf(root)}legacyDrawing ${idAttr}/>`;
  const after = children(xml, root).find((el) => AFTER_LEGACY_DRAWING.includes(el.local));
  const edits = after
    ? [{ at: after.start, remove: 0, insert: element }]
    : appendChildren(xml, root, element);
  pkg.setText(sheetPart, applyEdits(xml, edits));
  return part;
}

/**
 * A block of 1024 shape ids no VML drawing in the package uses (Excel numbers note shapes
 * _x0000_s<block*1024+n> and lists a drawing's blocks in <o:idmap data="">).
 */
function freeShapeBlock(pkg: OoxmlPackage): number {
  let block = 0;
  for (const part of pkg.parts()) {
    if (!part.toLowerCase().endsWith(".vml")) continue;
    const vml = pkg.text(part) ?? "";
    for (const m of vml.matchAll(/<o:idmap\b[^>]*\bdata="([^"]*)"/g)) {
      for (const n of m[1].split(",")) block = Math.max(block, Number(n) || 0);
    }
    for (const m of vml.matchAll(/_x0000_s(\d+)/g)) {
      block = Math.max(block, Math.floor(Number(m[1]) / 1024));
    }
  }
  return block + 1;
}

/** Note boxes in the sheet's VML drawing, edited as text (VML is legacy markup; writers vary). */
function addNoteShapes(pkg: OoxmlPackage, part: string, notes: readonly NoteText[]): void {
  let vml = pkg.text(part)!;
  const idmap = /(<o:idmap\b[^>]*\bdata=")([^"]*)(")/.exec(vml);
  const block = idmap ? Number(idmap[2].split(",")[0]) || freeShapeBlock(pkg) : freeShapeBlock(pkg);
  const used = new Set([...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1])));
  let last = block * 1024;
  const shapes = notes.map((note) => {
    do last++;
    while (used.has(last));
    used.add(last);
    return noteShape(last, note);
  });
  const reached = String(Math.floor(last / 1024));
  if (idmap && !idmap[2].split(",").includes(reached)) {
    // The shapes ran past the drawing's first block: list the block they reached too.
    const data = `${idmap[2]},${reached}`;
    vml =
      vml.slice(0, idmap.index) +
      idmap[1] +
      data +
      idmap[3] +
      vml.slice(idmap.index + idmap[0].length);
  }
  const rootTag = /<xml\b[^>]*>/.exec(vml);
  if (rootTag) {
    const missing = Object.entries(VML_NAMESPACES)
      .filter(([prefix]) => !rootTag[0].includes(`xmlns:${prefix}=`))
      .map(([prefix, uri]) => ` xmlns:${prefix}="${uri}"`)
      .join("");
    if (missing) {
      const at = rootTag.index + rootTag[0].length - 1;
      vml = vml.slice(0, at) + missing + vml.slice(at);
    }
  }
  const shapeType = /id="_x0000_t202"/.test(vml) ? "" : NOTE_SHAPE_TYPE;
  const end = vml.lastIndexOf("</xml>");
  const at = end >= 0 ? end : vml.length;
  pkg.setText(part, vml.slice(0, at) + shapeType + shapes.join("") + vml.slice(at));
}

/** Excel's own note box, hidden until the cell is pointed at, sized to the text. */
function noteShape(id: number, note: NoteText): string {
  const lines = note.text
    .split("\n")
    .reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / 24)), 0);
  const height = Math.min(24, Math.max(4, lines + 1));
  const row = note.row - 1;
  const col = note.col - 1;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;` +
    `margin-top:2pt;width:240pt;height:${height * 15}pt;z-index:${id % 1024};visibility:hidden" ` +
    `fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/>` +
    `<v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
    `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>` +
    `<x:Anchor>${col + 1}, 15, ${row}, 2, ${col + 5}, 15, ${row + height}, 4</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column>` +
    `</x:ClientData></v:shape>`
  );
}
