/**
 * The Excel host adapter (Office.js) behind the task pane: `createExcelHost({ run: Excel.run,
 * isSetSupported: (n, v) => Office.context.requirements.isSetSupported(n, v) })`. Tests pass the
 * simulated Excel in dev/excel-sim instead.
 */
import type { Finding } from "../../core/findings";
import type { WorkbookGrid } from "../../core/grid";
import { templateSpec, type TemplateKind, type TemplateOptions } from "../../core/templates";
import {
  type CellEdit,
  type ClearSummary,
  type HostAdapter,
  type HostCapabilities,
  type MarkSummary,
  type ReadScope,
} from "../types";
import { checkedCell } from "../shared/address";
import { detectFeatures, limitationsOf, requireBase, type ExcelEnv } from "./env";
import { asHostCall } from "./errors";
import { OwnWrites, listenForEdits } from "./events";
import { clearCells, markCells } from "./marks";
import { readWorkbookGrid } from "./read";
import { writeReportSheet } from "./report";
import { WorkbookSettings } from "./settings";
import { withEventsOff } from "./sheets";
import { renderTemplateSheet } from "./template";

export type { ExcelEnv } from "./env";

export function createExcelHost(env: ExcelEnv): HostAdapter {
  const features = detectFeatures(env);
  const own = new OwnWrites();
  const settings = new WorkbookSettings(env, features);

  /** Every call: the minimum requirement set first, every failure as one Chinese sentence. */
  const call = <T>(work: () => Promise<T>) =>
    asHostCall(async () => {
      requireBase(features);
      return work();
    });
  const write = <T>(work: () => Promise<T>) => call(() => own.around(work));

  return {
    hostLabel: "Excel",

    async capabilities(): Promise<HostCapabilities> {
      return {
        notes: features.base && features.notes,
        liveRecheck: features.base,
        templates: features.base,
        limitations: limitationsOf(features),
      };
    },

    readWorkbook(scope: ReadScope): Promise<WorkbookGrid> {
      return call(() => readWorkbookGrid(env, features, scope));
    },

    mark(findings: readonly Finding[]): Promise<MarkSummary> {
      return write(() => markCells(env, features, findings));
    },

    clearMarks(): Promise<ClearSummary> {
      return write(() => clearCells(env, features));
    },

    selectCell(sheet: string, cell: string): Promise<void> {
      return call(() =>
        env.run(async (context) => {
          const worksheet = context.workbook.worksheets.getItem(sheet);
          worksheet.activate();
          worksheet.getRange(checkedCell(cell)).select();
          await context.sync();
        }),
      );
    },

    writeCell(sheet: string, cell: string, value: number | string, numFmt?: string): Promise<void> {
      // A plain value (and number format) write: Excel's undo takes it back (no protect/unprotect
      // around it, which would empty the undo stack). The format is queued before the value, in the
      // same sync, so a text-formatted cell is a number cell by the time the number arrives. Events
      // off: the pane re-checks the form itself after a quick fix.
      return write(() =>
        env.run((context) =>
          withEventsOff(context, features, async () => {
            const range = context.workbook.worksheets.getItem(sheet).getRange(checkedCell(cell));
            if (numFmt !== undefined) range.numberFormat = [[numFmt]];
            range.values = [[value]];
            await context.sync();
          }),
        ),
      );
    },

    insertTemplate(kind: TemplateKind, options: TemplateOptions): Promise<{ sheet: string }> {
      const spec = templateSpec(kind, options);
      return write(() =>
        env.run(async (context) => ({
          sheet: await renderTemplateSheet(context, features, spec),
        })),
      );
    },

    writeReport(findings: readonly Finding[]): Promise<{ sheet: string }> {
      return write(() =>
        env.run(async (context) => ({
          sheet: await writeReportSheet(context, features, findings),
        })),
      );
    },

    loadSetting(key: string): Promise<string | null> {
      return call(() => settings.load(key));
    },

    saveSetting(key: string, value: string): Promise<void> {
      return call(() => settings.save(key, value));
    },

    onUserEdit(
      listener: (edits: readonly CellEdit[]) => void,
    ): Promise<(() => Promise<void>) | null> {
      if (!features.base) return Promise.resolve(null);
      return call(async () => {
        const remove = await listenForEdits(env, features, own, listener);
        return remove && (() => asHostCall(remove));
      });
    },
  };
}
