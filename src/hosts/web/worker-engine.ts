/**
 * What the web checker's worker does, loaded by it with a dynamic import (a chunk of its own that
 * only the worker requests): reading, checking and keeping each run's grids. The summary writer
 * (exceljs) is another chunk still, loaded on the first 下载汇总表.
 */
import type { FileReport } from "../../core/file-report";
import { getProfile } from "../../core/profiles";
import {
  readAndCheckFiles,
  recheckFiles,
  type CheckProgress,
  type ReadWorkbook,
} from "./check-files";
import { formFacts, summaryRows } from "./summary";
import type { FromWorker, ToWorker } from "./worker-protocol";

/** The grids of each run the page still shows (it says when one can go). */
const runs = new Map<number, readonly ReadWorkbook[]>();

/**
 * Answers one request of the page: reports, the summary's bytes, or the one-line reason it failed.
 * Run by the worker, or by the page itself where no worker can be started (a file:// page).
 */
export async function answer(
  message: Extract<ToWorker, { id: number }>,
  onProgress: (progress: CheckProgress) => void,
): Promise<FromWorker> {
  const { id } = message;
  try {
    switch (message.kind) {
      case "read": {
        const { files, names, profile } = message;
        const reports = await readRun(message.run, files, names, profile, onProgress);
        return { kind: "reports", id, reports };
      }
      case "recheck":
        return {
          kind: "reports",
          id,
          reports: await recheckRun(message.run, message.profile, onProgress),
        };
      case "summary":
        return {
          kind: "summary",
          id,
          bytes: await summaryOfRun(message.run, message.reports, message.profile),
        };
    }
  } catch (error) {
    return { kind: "failed", id, message: error instanceof Error ? error.message : String(error) };
  }
}

export async function readRun(
  run: number,
  files: readonly Blob[],
  names: readonly string[],
  profile: string,
  onProgress: (progress: CheckProgress) => void,
): Promise<FileReport[]> {
  const named = files.map((blob, i) => ({
    name: names[i],
    arrayBuffer: () => blob.arrayBuffer(),
  }));
  const { read, reports } = await readAndCheckFiles(named, getProfile(profile), { onProgress });
  runs.set(run, read);
  return reports;
}

export async function recheckRun(
  run: number,
  profile: string,
  onProgress: (progress: CheckProgress) => void,
): Promise<FileReport[]> {
  return recheckFiles(grids(run), getProfile(profile), { onProgress });
}

export async function summaryOfRun(
  run: number,
  reports: readonly FileReport[],
  profile: string,
): Promise<Uint8Array> {
  const facts = grids(run).map((file) => ("grid" in file ? formFacts(file.grid) : undefined));
  // The file names link to themselves: the summary saved beside the workbooks opens them.
  const rows = summaryRows(reports, facts, getProfile(profile), encodeLink);
  const { summaryWorkbook } = await import("./summary-workbook");
  return summaryWorkbook(rows);
}

export function forgetRun(run: number): void {
  runs.delete(run);
}

function grids(run: number): readonly ReadWorkbook[] {
  const read = runs.get(run);
  if (!read) throw new Error("这批文件已不在内存中，请重新选择文件后再试");
  return read;
}

function encodeLink(name: string): string {
  return name.replace(/%/g, "%25").replace(/#/g, "%23");
}
