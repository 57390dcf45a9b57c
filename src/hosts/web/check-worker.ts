/**
 * The web checker's Web Worker: reads and checks workbooks off the page's thread, so the page
 * answers clicks while 50 workbooks are read. The engine is a dynamic import: this script is tiny
 * and the reader chunk is requested by the worker, after the page has painted.
 */
import type { FromWorker, ToWorker } from "./worker-protocol";

type Engine = typeof import("./worker-engine");

interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  addEventListener(type: "message", listener: (event: MessageEvent<ToWorker>) => void): void;
}

const scope = self as unknown as WorkerScope;
let engine: Promise<Engine> | undefined;
const load = () => (engine ??= import("./worker-engine"));

scope.addEventListener("message", (event) => void handle(event.data));
scope.postMessage({ kind: "ready" });

async function handle(message: ToWorker): Promise<void> {
  if (message.kind === "warm") {
    await load().catch(() => undefined);
    return;
  }
  let engineModule: Engine;
  try {
    engineModule = await load();
  } catch {
    // The reader's script could not be fetched (server gone, page outdated by a new deployment).
    if (message.kind !== "forget") {
      scope.postMessage({ kind: "failed", id: message.id, message: ENGINE_MISSING });
    }
    return;
  }
  if (message.kind === "forget") {
    engineModule.forgetRun(message.run);
    return;
  }
  const reply = await engineModule.answer(message, (progress) =>
    scope.postMessage({ kind: "progress", id: message.id, progress }),
  );
  scope.postMessage(reply, reply.kind === "summary" ? [reply.bytes.buffer] : []);
}

const ENGINE_MISSING = "无法载入读取工作簿的程序，请刷新页面后重试";
