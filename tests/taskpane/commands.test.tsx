// @vitest-environment jsdom
/**
 * Commands from the WPS ribbon reach the real pane through the URL hash: 校验 presses the pane's
 * own 校验整个工作簿 (once the pane is ready), 清除标记 its 清除标记, 插入模板 focuses the template
 * form; the hash is removed once read, and a later hash change is a new command.
 */
import "./jsdom-polyfills";
import { cleanup, render, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { MemorySheet } from "../../src/core/grid";
import { App } from "../../src/taskpane/App";
import {
  carryOut,
  commandFromHash,
  listenForPaneCommands,
  paneCommandHash,
} from "../../src/taskpane/commands";
import { FakeHost } from "./fake-host";

afterEach(() => {
  cleanup();
  window.history.replaceState(null, "", "/");
});

function pane(): FakeHost {
  const sheet = new MemorySheet("Sheet1");
  sheet.setValue(1, 1, "说明");
  const host = new FakeHost([sheet]);
  render(<App host={host} />);
  return host;
}

const calls = (host: FakeHost, method: string) => host.calls.filter((c) => c.method === method);

describe("pane commands", () => {
  it("reads only its own hash form", () => {
    expect(commandFromHash(paneCommandHash("check", 1))).toBe("check");
    expect(commandFromHash("#command=clear&n=9")).toBe("clear");
    expect(commandFromHash("#command=template")).toBe("template");
    expect(commandFromHash("")).toBeUndefined();
    expect(commandFromHash("#command=format-disk")).toBeUndefined();
    expect(commandFromHash("#other=check")).toBeUndefined();
    expect(paneCommandHash("check", 1)).not.toBe(paneCommandHash("check", 2));
  });

  it("校验 validates the whole workbook through the pane's own button", async () => {
    const host = pane();
    expect(await carryOut("check", document.body, { timeoutMs: 5000, intervalMs: 10 })).toBe(true);
    await waitFor(() => expect(calls(host, "readWorkbook")).toHaveLength(1));
    expect(calls(host, "readWorkbook")[0]!.args).toEqual(["workbook"]);
  });

  it("waits while the pane is busy, then carries the command out", async () => {
    const host = pane();
    const release = host.hold("readWorkbook");
    expect(await carryOut("check", document.body, { timeoutMs: 5000, intervalMs: 10 })).toBe(true);
    const cleared = carryOut("clear", document.body, { timeoutMs: 5000, intervalMs: 10 });
    await new Promise((r) => setTimeout(r, 100));
    expect(calls(host, "clearMarks")).toHaveLength(0);
    release();
    expect(await cleared).toBe(true);
    await waitFor(() => expect(calls(host, "clearMarks")).toHaveLength(1));
  });

  it("插入模板 brings the template form into focus without inserting anything", async () => {
    const host = pane();
    expect(await carryOut("template", document.body, { timeoutMs: 5000, intervalMs: 10 })).toBe(
      true,
    );
    const focused = document.activeElement;
    expect(focused?.tagName).toBe("SELECT");
    expect(focused?.closest("form")?.textContent).toContain("插入空白模板");
    expect(calls(host, "insertTemplate")).toHaveLength(0);
  });

  it("gives up (false) when the control never comes", async () => {
    document.body.innerHTML = "<div>空白页</div>";
    expect(await carryOut("clear", document.body, { timeoutMs: 50, intervalMs: 10 })).toBe(false);
  });

  it("listens to the hash: now, on change, and removes it once read", async () => {
    window.history.replaceState(null, "", "/taskpane.html" + paneCommandHash("check", 1));
    const host = pane();
    listenForPaneCommands(window, { timeoutMs: 5000, intervalMs: 10 });
    expect(window.location.hash).toBe("");
    expect(window.location.pathname).toBe("/taskpane.html");
    await waitFor(() => expect(calls(host, "readWorkbook")).toHaveLength(1));

    window.location.hash = paneCommandHash("clear", 2);
    await waitFor(() => expect(calls(host, "clearMarks")).toHaveLength(1));
    expect(window.location.hash).toBe("");
  });
});
