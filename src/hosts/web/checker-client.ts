/**
 * The page's side of the web checker's worker (check-worker.ts): the files go to the worker, which
 * reads and checks them and keeps their grids; reports, progress and the summary's bytes come
 * back. Nothing here reads a workbook, so the page's own script stays small and its thread free.
 *
 * A page opened from disk (file://) cannot start a worker in Chromium; there the same engine
 * (worker-engine.ts) is loaded into the page with a dynamic import and answers the same requests,
 * as the checker did before it had a worker.
 */
import type { FileReport } from "../../core/file-report";
import type { CheckProgress } from "./check-files";
import type { FromWorker, ToWorker } from "./worker-protocol";

type Request = Extract<ToWorker, { id: number }>;

interface Pending {
  message: Request;
  resolve: (message: FromWorker) => void;
  reject: (error: Error) => void;
  onProgress?: (progress: CheckProgress) => void;
}

/** What the page says when the worker itself failed (it is started afresh for the next request). */
export const WORKER_FAILED =
  "后台读取工作簿时出错（可能是文件过大、内存不足），请刷新页面后重试，或分批检查";

type Backend =
  | { kind: "worker"; worker: Worker; ready: boolean }
  | { kind: "page"; engine: Promise<typeof import("./worker-engine")> };

export class CheckerClient {
  private backend?: Backend;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private nextRun = 1;

  /** Starts the worker and its reader now; call after the page's first paint. */
  warm(): void {
    this.send({ kind: "warm" });
  }

  /** Whether the checks run in a worker (false: in the page, e.g. opened from disk). */
  get inWorker(): boolean {
    return this.backend?.kind === "worker";
  }

  /** Reads and checks `files`; the grids stay in the worker as the returned run. */
  async read(
    files: readonly File[],
    profile: string,
    onProgress?: (progress: CheckProgress) => void,
  ): Promise<{ run: number; reports: FileReport[] }> {
    const run = this.nextRun++;
    const names = files.map((file) => file.name);
    const reply = await this.request(
      (id) => ({ kind: "read", id, run, files, names, profile }),
      onProgress,
    );
    return { run, reports: reportsOf(reply) };
  }

  /** Checks run `run`'s grids with another profile; nothing is read again. */
  async recheck(
    run: number,
    profile: string,
    onProgress?: (progress: CheckProgress) => void,
  ): Promise<FileReport[]> {
    return reportsOf(
      await this.request((id) => ({ kind: "recheck", id, run, profile }), onProgress),
    );
  }

  /** The summary workbook's bytes for run `run` and the reports shown. */
  async summary(run: number, reports: FileReport[], profile: string): Promise<Uint8Array> {
    const reply = await this.request((id) => ({ kind: "summary", id, run, reports, profile }));
    if (reply.kind !== "summary") throw new Error(WORKER_FAILED);
    return reply.bytes;
  }

  /** Run `run` is no longer shown: the worker may drop its grids. */
  forget(run: number): void {
    if (this.backend) this.send({ kind: "forget", run });
  }

  private request(
    make: (id: number) => Request,
    onProgress?: (progress: CheckProgress) => void,
  ): Promise<FromWorker> {
    const id = this.nextId++;
    const message = make(id);
    return new Promise<FromWorker>((resolve, reject) => {
      this.pending.set(id, { message, resolve, reject, onProgress });
      this.send(message);
    }).then((reply) => {
      if (reply.kind === "failed") throw new Error(reply.message);
      return reply;
    });
  }

  private send(message: ToWorker): void {
    const backend = this.started();
    if (backend.kind === "worker") backend.worker.postMessage(message);
    else void this.answerInPage(backend, message);
  }

  private async answerInPage(backend: Extract<Backend, { kind: "page" }>, message: ToWorker) {
    let engine: Awaited<typeof backend.engine>;
    try {
      engine = await backend.engine;
    } catch {
      if ("id" in message) this.settle({ kind: "failed", id: message.id, message: WORKER_FAILED });
      return;
    }
    if (message.kind === "warm") return;
    if (message.kind === "forget") {
      engine.forgetRun(message.run);
      return;
    }
    const pending = this.pending.get(message.id);
    this.settle(await engine.answer(message, (progress) => pending?.onProgress?.(progress)));
  }

  private settle(message: FromWorker): void {
    if (message.kind === "ready") return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.kind === "progress") {
      pending.onProgress?.(message.progress);
      return;
    }
    this.pending.delete(message.id);
    pending.resolve(message);
  }

  private started(): Backend {
    if (this.backend) return this.backend;
    let worker: Worker;
    try {
      // webpack makes the worker a script of its own (same origin: CSP worker-src 'self').
      worker = new Worker(new URL("./check-worker.ts", import.meta.url), {
        name: "perf-eval-checker",
      });
    } catch {
      return this.inPage();
    }
    const backend: Backend = { kind: "worker", worker, ready: false };
    worker.addEventListener("message", (event: MessageEvent<FromWorker>) => {
      if (event.data.kind === "ready") backend.ready = true;
      this.settle(event.data);
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      worker.terminate();
      if (!backend.ready) {
        // The script could not even start (a page from disk): answer in the page instead.
        const page = this.inPage();
        for (const pending of this.pending.values()) void this.answerInPage(page, pending.message);
        return;
      }
      // A worker that died (out of memory) has lost its grids: every request under way fails with
      // a sentence, and the next one starts a fresh worker.
      if (this.backend === backend) this.backend = undefined;
      for (const pending of this.pending.values()) pending.reject(new Error(WORKER_FAILED));
      this.pending.clear();
    });
    this.backend = backend;
    return backend;
  }

  private inPage(): Extract<Backend, { kind: "page" }> {
    const backend = { kind: "page", engine: import("./worker-engine") } as const;
    this.backend = backend;
    return backend;
  }
}

function reportsOf(reply: FromWorker): FileReport[] {
  if (reply.kind !== "reports") throw new Error(WORKER_FAILED);
  return reply.reports;
}
