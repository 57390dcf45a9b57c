/// <reference types="et-jsapi-declare" />
/**
 * The WPS 表格 host adapter (ET object model) behind the task pane:
 * `createWpsHost({ Application: window.Application, wps: window.wps })`. Tests pass the simulated
 * ET object model in dev/wps-sim instead. It mirrors the Excel adapter (src/hosts/excel): the same
 * mark ledger, messages, protected-sheet policy and template decisions, with WPS's synchronous
 * COM-style calls in place of Office.js batches.
 */
import type { Finding } from "../../core/findings";
import type { WorkbookGrid } from "../../core/grid";
import { templateSpec, type TemplateKind, type TemplateOptions } from "../../core/templates";
import { checkedCell } from "../shared/address";
import {
  HostError,
  type CellEdit,
  type ClearSummary,
  type HostAdapter,
  type HostCapabilities,
  type MarkSummary,
  type ReadScope,
} from "../types";
import { detectFeatures, limitationsOf, activeWorkbook, type WpsEnv } from "./env";
import { asHostCall } from "./errors";
import { WpsWrites, listenForEdits } from "./events";
import { clearCells, markCells } from "./marks";
import { readWorkbookGrid } from "./read";
import { writeReportSheet } from "./report";
import { WorkbookSettings } from "./settings";
import { SheetIndex } from "./sheets";
import { renderTemplateSheet } from "./template";

export type { WpsEnv, WpsRoot } from "./env";

export function createWpsHost(env: WpsEnv): HostAdapter {
  const features = detectFeatures(env);
  const writes = new WpsWrites(env);
  const settings = new WorkbookSettings(env);
  const call = <T>(work: () => T) => asHostCall(work);
  const write = <T>(work: () => T) => asHostCall(() => writes.around(work));
  const sheet = (name: string) => new SheetIndex(activeWorkbook(env)).get(name);

  return {
    hostLabel: "WPS 表格",

    async capabilities(): Promise<HostCapabilities> {
      return {
        notes: true,
        liveRecheck: features.events,
        templates: true,
        limitations: limitationsOf(features),
      };
    },

    readWorkbook(scope: ReadScope): Promise<WorkbookGrid> {
      return call(() => readWorkbookGrid(env, scope));
    },

    mark(findings: readonly Finding[]): Promise<MarkSummary> {
      return write(() => markCells(env, findings));
    },

    clearMarks(): Promise<ClearSummary> {
      return write(() => clearCells(env));
    },

    selectCell(name: string, cell: string): Promise<void> {
      return call(() => {
        const worksheet = sheet(name);
        worksheet.Activate();
        worksheet.Range(checkedCell(cell)).Select();
      });
    },

    writeCell(name: string, cell: string, value: number | string, numFmt?: string): Promise<void> {
      // A plain Value2 write (writing Value is reported to fail in WPS); no unprotect around it.
      // NumberFormat goes first, so a text-formatted cell takes the number as a number.
      return write(() => {
        const worksheet = sheet(name);
        const range = worksheet.Range(checkedCell(cell));
        if (worksheet.ProtectContents === true && range.Locked === true) {
          throw new HostError(
            `工作表“${name}”受保护，单元格 ${checkedCell(cell)} 不能修改；请先撤销工作表保护后再改。`,
          );
        }
        if (numFmt !== undefined) range.NumberFormat = numFmt;
        range.Value2 = value as string;
      });
    },

    insertTemplate(kind: TemplateKind, options: TemplateOptions): Promise<{ sheet: string }> {
      const spec = templateSpec(kind, options);
      return write(() => ({ sheet: renderTemplateSheet(env, spec) }));
    },

    writeReport(findings: readonly Finding[]): Promise<{ sheet: string }> {
      return write(() => ({ sheet: writeReportSheet(env, findings) }));
    },

    loadSetting(key: string): Promise<string | null> {
      return call(() => settings.load(key));
    },

    saveSetting(key: string, value: string): Promise<void> {
      return write(() => settings.save(key, value));
    },

    onUserEdit(
      listener: (edits: readonly CellEdit[]) => void,
    ): Promise<(() => Promise<void>) | null> {
      return call(() => {
        const remove = listenForEdits(env, writes, listener);
        return remove && (() => asHostCall(remove));
      });
    },
  };
}
