// @vitest-environment jsdom
/**
 * The pane on the real Excel adapter over the simulated Excel (dev/excel-sim), loaded with the
 * Beijing seed fixture (26 forms, one printed 总分 that does not add up): it lists what the engine finds in the same .xlsx, a quick fix writes the cell
 * and its finding goes, and marking then clearing touches the same number of cells.
 */
import "./jsdom-polyfills";
import { readFileSync } from "node:fs";
import path from "node:path";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { allFindings } from "../../src/core/file-report";
import { fromA1 } from "../../src/core/grid";
import { national } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read-buffer";
import { App } from "../../src/taskpane/App";
import { UNDO_CLEARED_SENTENCE } from "../../src/taskpane/messages";
import { simHost } from "../hosts/excel/sim-host";

const FIXTURE = path.resolve(__dirname, "..", "fixtures", "beijing.xlsx");

function listedRows(): string[][] {
  return [...document.querySelectorAll("[data-rule]")].map((row) => [
    row.getAttribute("data-rule") ?? "",
    row.getAttribute("data-cell") ?? "",
  ]);
}

afterEach(cleanup);

/** Waits until the pane no longer lists the finding of `rule` on `cell` (after a fix's re-check). */
function findingGone(rule: string, cell: string): Promise<void> {
  return waitFor(
    () => expect(document.querySelector(`[data-rule="${rule}"][data-cell="${cell}"]`)).toBeNull(),
    { timeout: 20_000 },
  );
}

describe("the pane on the simulated Excel", () => {
  it("lists the engine's findings, quick-fixes a cell, marks and clears", async () => {
    const bytes = new Uint8Array(readFileSync(FIXTURE));
    const { sim, host } = await simHost(bytes);
    const report = validateWorkbook(await readXlsxBuffer(bytes), national);
    const expected = allFindings({ file: "", ...report }).map((f) => [
      f.rule,
      f.sheet && f.cell ? `${f.sheet}!${f.cell}` : "",
    ]);
    expect(expected.length).toBeGreaterThan(0);

    render(<App host={host} />);
    fireEvent.click(await screen.findByRole("button", { name: "校验整个工作簿" }));
    await screen.findByText(/整个工作簿：\d+ 张自评表/, undefined, { timeout: 20_000 });
    // Cards are added a slice at a time: wait for the last.
    await waitFor(() => expect(document.querySelector("[data-rendering]")).toBeNull(), {
      timeout: 20_000,
    });
    expect(listedRows()).toEqual(expected);

    const row = document.querySelector<HTMLElement>('[data-rule="total-mismatch"]')!;
    const cell = row.getAttribute("data-cell")!;
    fireEvent.click(within(row).getByRole("button", { name: /^改为/ }));
    await findingGone("total-mismatch", cell);
    // What the pane lists now is what the engine finds in the workbook as the simulator saves it.
    const fixed = validateWorkbook(await readXlsxBuffer(await sim.toXlsx()), national);
    expect(listedRows()).toEqual(
      allFindings({ file: "", ...fixed }).map((f) => [f.rule, `${f.sheet}!${f.cell}`]),
    );

    // A number typed as text ("12.142 988"): the fix writes the number and a format that shows it.
    const asText = [...document.querySelectorAll<HTMLElement>('[data-rule="number-as-text"]')];
    expect(asText.length).toBeGreaterThan(0);
    const textRow = asText.find((candidate) => /12\.142/.test(candidate.textContent ?? ""))!;
    const textCell = textRow.getAttribute("data-cell")!;
    fireEvent.click(within(textRow).getByRole("button", { name: "改为 “12.142988”" }));
    await findingGone("number-as-text", textCell);
    const [textSheet, textAddress] = textCell.split("!");
    const model = sim.model;
    const { row: textRowIndex, col: textCol } = fromA1(textAddress)!;
    expect(model.cellView(model.sheetByKey(textSheet)!, textRowIndex, textCol)).toMatchObject({
      value: 12.142988,
      text: "12.142988",
    });
    const refixed = validateWorkbook(await readXlsxBuffer(await sim.toXlsx()), national);
    expect(listedRows()).toEqual(
      allFindings({ file: "", ...refixed }).map((f) => [f.rule, `${f.sheet}!${f.cell}`]),
    );

    fireEvent.click(screen.getByRole("button", { name: "标记问题单元格" }));
    const marked = await screen.findByText(/已标记 (\d+) 个单元格/, undefined, { timeout: 20_000 });
    const count = /已标记 (\d+) 个单元格/.exec(marked.textContent ?? "")![1];
    expect(Number(count)).toBeGreaterThan(0);
    // The workbook's first marking created the ledger sheet, which empties Excel's undo history.
    expect(marked.textContent).toContain(UNDO_CLEARED_SENTENCE);
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    const restored = await screen.findByText(/已恢复 \d+ 个单元格/, undefined, { timeout: 20_000 });
    expect(restored.textContent).toContain(`已恢复 ${count} 个单元格`);
  });
});
