import { MemorySheet, type CellRange } from "../../../src/core/grid";
import { formatValue } from "../../../src/core/grid/format";

/**
 * Lays out tab-separated lines (one line per row, "⏎" for a line break inside a cell) on a
 * MemorySheet at an offset. With `numbers`, plain numbers and percentages are stored as numbers
 * with the number format their printed decimals imply, as a spreadsheet would hold them.
 */
export interface LayoutOptions {
  top?: number;
  left?: number;
  numbers?: boolean;
}

export function placeTsv(sheet: MemorySheet, tsv: string, options: LayoutOptions = {}): number {
  const top = options.top ?? 1;
  const left = options.left ?? 1;
  const lines = tsv.replace(/^\n/, "").replace(/\n$/, "").split("\n");
  lines.forEach((line, i) => {
    line.split("\t").forEach((raw, j) => {
      const text = raw.replace(/⏎/g, "\n");
      if (text === "") return;
      const row = top + i;
      const col = left + j;
      const plain = /^-?\d+(\.(\d+))?$/.exec(text);
      const percent = /^(\d+(\.(\d+))?)%$/.exec(text);
      if (options.numbers && plain) {
        const decimals = plain[2]?.length ?? 0;
        const numFmt = decimals > 0 ? `0.${"0".repeat(decimals)}` : "0";
        const value = Number(text);
        sheet.set(row, col, { value, text: formatValue(value, numFmt), numFmt });
      } else if (options.numbers && percent) {
        const decimals = percent[3]?.length ?? 0;
        const numFmt = decimals > 0 ? `0.${"0".repeat(decimals)}%` : "0%";
        const value = Number(percent[1]) / 100;
        sheet.set(row, col, { value, text: formatValue(value, numFmt), numFmt });
      } else {
        sheet.set(row, col, { value: text, text });
      }
    });
  });
  return top + lines.length - 1;
}

/** Merges given as "A1:I1" ranges. */
export function mergeAll(sheet: MemorySheet, ranges: string[]): void {
  for (const ref of ranges) sheet.addMerge(parseRange(ref));
}

function parseRange(ref: string): CellRange {
  const [a, b] = ref.split(":");
  const p = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s) as RegExpExecArray;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]), col };
  };
  const from = p(a);
  const to = p(b);
  return { top: from.row, left: from.col, bottom: to.row, right: to.col };
}
