import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * Runs the built CLI as an unprivileged user. Root reads and writes any file whatever its mode, so
 * permission cases are only real without root: as root (CI) the process drops to nobody with
 * setpriv; as an ordinary user it already is one.
 */

export const NOBODY = 65534;
const DROP = [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups"];

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  error?: Error;
}

export interface UnprivilegedCli {
  /** How the privileges are dropped, for the test's name and failure messages. */
  how: string;
  run: (args: string[], cwd: string) => RunResult;
}

const isRoot = () => process.getuid?.() === 0;

/** Why the case cannot run here (root without setpriv), or undefined when it can. */
export function unprivilegedUnavailable(): string | undefined {
  if (!isRoot()) return undefined;
  const probe = spawnSync("setpriv", ["--version"], { encoding: "utf8" });
  return probe.error ? "running as root and setpriv (util-linux) is not installed" : undefined;
}

const result = (run: SpawnSyncReturns<string>): RunResult => ({
  code: run.status,
  stdout: run.stdout,
  stderr: run.stderr,
  error: run.error,
});

/**
 * `bin` is bin/perf-eval.js, `mainJs` the built dist/node/cli/main.js, `scratch` a folder everyone
 * can read. If the checkout itself cannot be read by nobody (a clone under /root, a umask of 077),
 * the CLI is loaded while still root and then drops to nobody with setgid/setuid before it touches
 * any workbook — the permission checks under test are still nobody's.
 */
export function unprivilegedCli(bin: string, mainJs: string, scratch: string): UnprivilegedCli {
  const options = { encoding: "utf8" as const, timeout: 60_000, killSignal: "SIGKILL" as const };
  if (!isRoot()) {
    return {
      how: `as the current user (uid ${process.getuid?.()})`,
      run: (args, cwd) => result(spawnSync(process.execPath, [bin, ...args], { ...options, cwd })),
    };
  }
  const viaSetpriv = (args: string[], cwd: string) =>
    result(spawnSync("setpriv", [...DROP, process.execPath, bin, ...args], { ...options, cwd }));
  if (viaSetpriv(["--version"], scratch).code === 0) {
    return { how: "as nobody via setpriv", run: viaSetpriv };
  }
  const launcher = path.join(scratch, "drop-to-nobody.cjs");
  fs.writeFileSync(
    launcher,
    [
      '"use strict";',
      "const [mainJs, ...args] = process.argv.slice(2);",
      "const { main } = require(mainJs);",
      // What main.js loads only when a command needs it (so that check starts faster) must be
      // loaded while still root too, like main.js itself, and through the module that asks for it:
      // Node caches a relative request per requiring module, and resolving it again as nobody
      // would have to read the checkout.
      'const path = require("node:path");',
      "const loaded = (file) => require.cache[require.resolve(path.join(path.dirname(mainJs), file))];",
      'for (const lazy of ["./annotate", "./template", "../../../package.json"]) loaded("main.js").require(lazy);',
      'loaded("report.js").require("../hosts/web/summary-workbook");',
      "process.setgroups([]);",
      `process.setgid(${NOBODY});`,
      `process.setuid(${NOBODY});`,
      "main(args).then((code) => { process.exitCode = code; });",
    ].join("\n"),
    { mode: 0o644 },
  );
  return {
    how: "as nobody (checkout unreadable by nobody: loaded as root, then setuid)",
    run: (args, cwd) =>
      result(spawnSync(process.execPath, [launcher, mainJs, ...args], { ...options, cwd })),
  };
}
