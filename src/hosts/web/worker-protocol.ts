/**
 * Messages between the web checker's page (checker-client.ts) and its Web Worker
 * (check-worker.ts). The worker reads the workbooks and keeps their grids, so the page's thread
 * only renders and a profile switch re-checks in the worker without reading again.
 */
import type { FileReport } from "../../core/file-report";
import type { CheckProgress } from "./check-files";

export type ToWorker =
  /** Load the reader now (after the page's first paint) so the first check starts at once. */
  | { kind: "warm" }
  /** Read and check these files with the profile; keep the grids as run `run`. */
  | {
      kind: "read";
      id: number;
      run: number;
      files: readonly Blob[];
      names: string[];
      profile: string;
    }
  /** Check run `run`'s grids again with another profile. */
  | { kind: "recheck"; id: number; run: number; profile: string }
  /** The summary workbook (下载汇总表) of run `run` for these reports. */
  | { kind: "summary"; id: number; run: number; reports: FileReport[]; profile: string }
  /** Run `run` is no longer shown: its grids can go. */
  | { kind: "forget"; run: number };

export type FromWorker =
  /** The worker's script has loaded and runs (a file:// page may not be able to start one). */
  | { kind: "ready" }
  | { kind: "progress"; id: number; progress: CheckProgress }
  | { kind: "reports"; id: number; reports: FileReport[] }
  | { kind: "summary"; id: number; bytes: Uint8Array }
  | { kind: "failed"; id: number; message: string };
