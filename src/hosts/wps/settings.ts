/**
 * Settings (the profile the user chose) kept in the workbook as custom document properties
 * (`Workbook.CustomDocumentProperties`), under the same names the Excel adapter uses
 * (src/hosts/shared/settings.ts), so a profile chosen in Excel is the one WPS shows. Where the
 * collection cannot be reached the setting lives for this session only.
 */
import { SETTING_PREFIX } from "../shared/settings";
import { activeWorkbook, type WpsEnv } from "./env";

/** MsoDocProperties.msoPropertyTypeString. */
const PROPERTY_STRING = 4;

export class WorkbookSettings {
  private readonly session = new Map<string, string>();

  constructor(private readonly env: WpsEnv) {}

  load(key: string): string | null {
    const properties = this.properties();
    if (!properties) return this.session.get(key) ?? null;
    const property = findProperty(properties, SETTING_PREFIX + key);
    if (!property) return null;
    const value: unknown = property.Value;
    return value === null || value === undefined ? null : String(value);
  }

  save(key: string, value: string): void {
    const properties = this.properties();
    if (!properties) {
      this.session.set(key, value);
      return;
    }
    const name = SETTING_PREFIX + key;
    const property = findProperty(properties, name);
    if (property) property.Value = value;
    else properties.Add(name, false, PROPERTY_STRING, value);
  }

  private properties(): Kso.DocumentProperties | undefined {
    const properties = activeWorkbook(this.env).CustomDocumentProperties as
      Kso.DocumentProperties | null | undefined;
    return properties && typeof properties.Add === "function" ? properties : undefined;
  }
}

/** By name, walking the collection: Item(name) throws for a missing one. */
function findProperty(
  properties: Kso.DocumentProperties,
  name: string,
): Kso.DocumentProperty | undefined {
  const count = properties.Count;
  for (let i = 1; i <= count; i++) {
    const property = properties.Item(i);
    if (property.Name === name) return property;
  }
  return undefined;
}
