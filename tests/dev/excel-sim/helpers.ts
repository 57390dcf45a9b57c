import {
  createExcelSimulator,
  type ExcelSimulator,
  type SimulatorOptions,
} from "../../../dev/excel-sim";
import { sampleWorkbook } from "../../support/host-fixtures";

export { sampleWorkbook };

export function sampleSimulator(options?: SimulatorOptions): ExcelSimulator {
  return createExcelSimulator(sampleWorkbook(), options);
}
