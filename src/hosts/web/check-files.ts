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

/** Turns a file's bytes into a grid; readXlsxBuffer unless a test counts the reads. */
export type WorkbookReader = (bytes: ArrayBuffer, name: string) => Promise<WorkbookGrid>;

export interface CheckFilesOptions {
  onProgress?: (progress: CheckProgress) => void;
  read?: WorkbookReader;
}

/**
 * A file as read: its grid, or the one-line reason it could not be read. Kept by the page so that
 * choosing another profile re-runs the rules on the grids instead of reading every file again.
 * The grid is only read by the rules, never changed, so it can be checked any number of times.
 */
export type ReadWorkbook =
  | { readonly name: string; readonly grid: WorkbookGrid }
  | { readonly name: string; readonly reason: string };

/** One run's reports, and the files as read for the next profile. */
export interface CheckedFiles {
  read: ReadWorkbook[];
  reports: FileReport[];
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
  return (await readAndCheckFiles(files, profile, options)).reports;
}

/** As checkFiles, also giving back the files as read, for recheckFiles. */
export async function readAndCheckFiles(
  files: readonly WorkbookFile[],
  profile: Profile,
  options: CheckFilesOptions = {},
): Promise<CheckedFiles> {
  const read: ReadWorkbook[] = [];
  const reports: FileReport[] = [];
  const reader = options.read ?? readXlsxBuffer;
  for (const [i, file] of files.entries()) {
    const progress = progressOf(options, i, files.length, file.name);
    progress("reading");
    await nextFrame();
    let readFile: ReadWorkbook;
    try {
      readFile = { name: file.name, grid: await reader(await file.arrayBuffer(), file.name) };
    } catch (error) {
      readFile = { name: file.name, reason: readableReason(error) };
    }
    read.push(readFile);
    reports.push(await checkRead(readFile, profile, progress));
  }
  return { read, reports };
}

/**
 * Checks files already read with another profile: the rules run again on the same grids, nothing
 * is read. Unreadable files keep their reason. Yields between files so the page stays responsive.
 */
export async function recheckFiles(
  read: readonly ReadWorkbook[],
  profile: Profile,
  options: Pick<CheckFilesOptions, "onProgress"> = {},
): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  for (const [i, file] of read.entries()) {
    reports.push(await checkRead(file, profile, progressOf(options, i, read.length, file.name)));
  }
  return reports;
}

async function checkRead(
  file: ReadWorkbook,
  profile: Profile,
  progress: (stage: CheckProgress["stage"]) => void,
): Promise<FileReport> {
  if (!("grid" in file)) return unreadableReport(file.name, file.reason);
  progress("checking");
  await nextFrame();
  return checkWorkbook(file.name, file.grid, profile);
}

function progressOf(options: CheckFilesOptions, i: number, count: number, file: string) {
  return (stage: CheckProgress["stage"]) =>
    options.onProgress?.({ index: i + 1, count, file, stage });
}

/** Reading and checking run on the page's only thread: yield so the progress text can paint. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
