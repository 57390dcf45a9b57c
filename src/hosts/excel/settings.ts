/**
 * Settings (the profile the user chose) kept in the workbook as custom document properties
 * (ExcelApi 1.12, docProps/custom.xml). Chosen over Office.context.document.settings, which is
 * tied to the add-in's id (lost when the manifest id changes) and invisible to WPS, and over a row
 * in the ledger sheet, which would create a hidden sheet (and empty Excel's undo stack) just to
 * remember one word. Custom properties travel with the file, WPS reads them as
 * CustomDocumentProperties, and a profile name is far below their 255-character limit.
 * Without ExcelApi 1.12 the setting lives for this session only (capabilities() says so).
 */
import { SETTING_PREFIX } from "../shared/settings";
import type { ExcelEnv, ExcelFeatures } from "./env";

/** Property names are prefixed so ours never collide with the user's own properties (shared with WPS). */
export { SETTING_PREFIX };

export class WorkbookSettings {
  private readonly session = new Map<string, string>();

  constructor(
    private readonly env: ExcelEnv,
    private readonly features: ExcelFeatures,
  ) {}

  async load(key: string): Promise<string | null> {
    if (!this.features.customProperties) return this.session.get(key) ?? null;
    return this.env.run(async (context) => {
      const property = context.workbook.properties.custom
        .getItemOrNullObject(SETTING_PREFIX + key)
        .load("value");
      await context.sync();
      if (property.isNullObject || property.value === null || property.value === undefined) {
        return null;
      }
      return String(property.value);
    });
  }

  async save(key: string, value: string): Promise<void> {
    if (!this.features.customProperties) {
      this.session.set(key, value);
      return;
    }
    await this.env.run(async (context) => {
      // add() replaces an existing property of the same key.
      context.workbook.properties.custom.add(SETTING_PREFIX + key, value);
      await context.sync();
    });
  }
}
