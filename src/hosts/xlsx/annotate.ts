import { readFile, writeFile } from "node:fs/promises";
import type { Finding } from "../../core/findings";
import { annotateXlsxBytes, type AnnotateResult } from "./annotate-package";

export {
  AnnotateError,
  MARK_FILL,
  NOTE_MARKER,
  SUMMARY_SHEET,
  type AnnotateResult,
} from "./annotate-package";

/**
 * Writes a copy of `inputPath` to `outputPath` with each finding's cell filled by severity and a
 * note that says what to do, plus a sheet listing every finding. The input file is only read.
 * A cell with several findings gets the most severe fill and all messages in one note; a note the
 * user already had is kept above ours. Everything else the input had is kept as it was; the rare
 * thing an .xlsx copy cannot carry (macros, a signature) is listed in `notKept`.
 */
export async function annotateXlsx(
  inputPath: string,
  outputPath: string,
  findings: readonly Finding[],
): Promise<AnnotateResult> {
  const { bytes, marked, notKept } = annotateXlsxBytes(await readFile(inputPath), findings);
  await writeFile(outputPath, bytes);
  return { marked, notKept };
}
