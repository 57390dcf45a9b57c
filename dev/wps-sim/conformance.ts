/// <reference types="et-jsapi-declare" />
/**
 * Compile-time check that the simulator invents no object-model members: every PascalCase member
 * of a simulated class must exist on the et-jsapi-declare interface it stands for. (The adapter is
 * typed against those interfaces, so it cannot reach a simulator-only member; this keeps the
 * simulator from quietly offering behaviour under a name real WPS lacks.) `tsc` fails with the
 * offending names if one is added.
 */
import type {
  SimApiEvent,
  SimApplication,
  SimDocumentProperties,
  SimDocumentProperty,
  SimPluginStorage,
  SimRibbonUI,
  SimTaskPane,
  SimWorkbook,
} from "./application";
import type {
  SimAreas,
  SimBorder,
  SimBorders,
  SimComment,
  SimFont,
  SimInterior,
  SimRange,
  SimValidation,
} from "./range";
import type { SimComments, SimPageSetup, SimProtection, SimSheets, SimWorksheet } from "./sheet";

type IsComName<K> = K extends `${infer First}${string}`
  ? First extends Uppercase<First>
    ? First extends Lowercase<First>
      ? false
      : true
    : false
  : false;
type ComMembers<T> = { [K in keyof T]: IsComName<K> extends true ? K : never }[keyof T];
/** The simulated members the declared interface lacks (never when the simulator conforms). */
type Extra<Sim, Declared> = Exclude<ComMembers<Sim>, keyof Declared>;
type Conforms<Sim, Declared> = [Extra<Sim, Declared>] extends [never] ? true : Extra<Sim, Declared>;

export const CONFORMANCE: {
  Application: Conforms<SimApplication, WPSMergedRoot>;
  Workbook: Conforms<SimWorkbook, Et.Workbook>;
  Sheets: Conforms<SimSheets, Et.Sheets>;
  Worksheet: Conforms<SimWorksheet, Et.Worksheet>;
  Range: Conforms<SimRange, Et.Range>;
  Areas: Conforms<SimAreas, Et.Areas>;
  Interior: Conforms<SimInterior, Et.Interior>;
  Font: Conforms<SimFont, Et.Font>;
  Borders: Conforms<SimBorders, Et.Borders>;
  Border: Conforms<SimBorder, Et.Border>;
  Validation: Conforms<SimValidation, Et.Validation>;
  Comment: Conforms<SimComment, Et.Comment>;
  Comments: Conforms<SimComments, Et.Comments>;
  Protection: Conforms<SimProtection, Et.Protection>;
  PageSetup: Conforms<SimPageSetup, Et.PageSetup>;
  DocumentProperties: Conforms<SimDocumentProperties, Kso.DocumentProperties>;
  DocumentProperty: Conforms<SimDocumentProperty, Kso.DocumentProperty>;
  ApiEvent: Conforms<SimApiEvent, WPS.EtApiEvent>;
  TaskPane: Conforms<SimTaskPane, WPS.CustomTaskpane>;
  PluginStorage: Conforms<SimPluginStorage, WPS.PluginStorage>;
  RibbonUI: Conforms<SimRibbonUI, WPS.RibbonUi>;
} = {
  Application: true,
  Workbook: true,
  Sheets: true,
  Worksheet: true,
  Range: true,
  Areas: true,
  Interior: true,
  Font: true,
  Borders: true,
  Border: true,
  Validation: true,
  Comment: true,
  Comments: true,
  Protection: true,
  PageSetup: true,
  DocumentProperties: true,
  DocumentProperty: true,
  ApiEvent: true,
  TaskPane: true,
  PluginStorage: true,
  RibbonUI: true,
};
