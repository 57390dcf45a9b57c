// @vitest-environment jsdom
/**
 * The task pane's entry on a page: it starts when Office.onReady reports Excel (with Excel.run
 * there), and in a plain browser it shows the "no Excel or WPS" message.
 */
import "./jsdom-polyfills";
import { cleanup, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

type Globals = { Office?: unknown; Excel?: unknown };

beforeEach(() => {
  vi.resetModules();
  document.body.innerHTML = '<div id="root"></div>';
});

afterEach(() => {
  cleanup();
  delete (globalThis as Globals).Office;
  delete (globalThis as Globals).Excel;
  document.body.innerHTML = "";
});

describe("task pane entry", () => {
  it("starts the pane on Excel once Office.onReady resolves", async () => {
    const isSetSupported = vi.fn(() => true);
    const run = vi.fn(() => new Promise(() => {}));
    (globalThis as Globals).Excel = { run };
    (globalThis as Globals).Office = {
      context: { requirements: { isSetSupported } },
      onReady: (callback: (info: { host: string; platform: string }) => void) => {
        setTimeout(() => callback({ host: "Excel", platform: "OfficeOnline" }), 0);
        return Promise.resolve({ host: "Excel", platform: "OfficeOnline" });
      },
    };
    await import("../../src/taskpane/index");
    expect(await screen.findByRole("button", { name: "校验整个工作簿" })).toBeTruthy();
    expect(screen.queryByText(/未检测到 Excel 或 WPS/)).toBeNull();
    // The pane asked the adapter what Excel can do here.
    await waitFor(() => expect(isSetSupported).toHaveBeenCalled());
  });

  it("shows the plain-browser message without office.js", async () => {
    await import("../../src/taskpane/index");
    expect(await screen.findByText(/未检测到 Excel 或 WPS/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "校验整个工作簿" })).toBeNull();
  });

  it("shows the plain-browser message when office.js runs outside Office", async () => {
    (globalThis as Globals).Office = {
      onReady: (callback: (info: { host: null; platform: null }) => void) => {
        callback({ host: null, platform: null });
        return Promise.resolve({ host: null, platform: null });
      },
    };
    await import("../../src/taskpane/index");
    expect(await screen.findByText(/未检测到 Excel 或 WPS/)).toBeTruthy();
  });
});
