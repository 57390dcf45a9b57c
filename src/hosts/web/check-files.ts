/**
 * The web checker's host: files the user dropped or picked, read in the browser and checked by the
 * same engine as `perf-eval check`. Nothing is sent anywhere; the bytes stay in the page.
 */
import {
  checkWorkbook,
  readableReason,
  unreadableReport,
  type FileReport,
} from "../../core/file-report";
import type { WorkbookGrid } from "../../core/grid";
import type { Profile } from "../../core/profiles/schema";
import { readXlsxBuffer } from "../xlsx/read-buffer";

/** What the checker needs of a browser File (a name and its bytes), so tests can pass plain objects. */
export interface WorkbookFile {
  readonly name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Where a long check is, for the page to show while it works. */
export interface CheckProgress {
  /** 1-based position of the file being worked on, and how many there are. */
  index: number;
  count: number;
  file: string;
  stage: "reading" | "checking";
}

export interface CheckFilesOptions {
  onProgress?: (progress: CheckProgress) => void;
}

/**
 * Reads and checks each file in turn. A file that cannot be read gets the same one-line Chinese
 * reason as on the command line (old .xls, encrypted, corrupt, not a workbook) and the others are
 * still checked.
 */
export async function checkFiles(
  files: readonly WorkbookFile[],
  profile: Profile,
  options: CheckFilesOptions = {},
): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  for (const [i, file] of files.entries()) {
    const progress = (stage: CheckProgress["stage"]) =>
      options.onProgress?.({ index: i + 1, count: files.length, file: file.name, stage });
    progress("reading");
    await nextFrame();
    let workbook: WorkbookGrid;
    try {
      workbook = await readXlsxBuffer(await file.arrayBuffer(), file.name);
    } catch (error) {
      reports.push(unreadableReport(file.name, readableReason(error)));
      continue;
    }
    progress("checking");
    await nextFrame();
    reports.push(checkWorkbook(file.name, workbook, profile));
  }
  return reports;
}

/** Reading and checking run on the page's only thread: yield so the progress text can paint. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
