/**
 * Excel.WorkbookProtection (ExcelApi 1.7): the workbook's structure protection (Review ▸ Protect
 * Workbook). Added by the Excel adapter's author: the adapter must not try to add its very hidden
 * ledger sheet to a workbook whose structure is protected. The flag lives on the simulator
 * (`sim.structureProtected`); exceljs keeps no workbook protection, so it is not saved to .xlsx.
 */
import { SimObject, type SimRequestContext } from "../client";

export class SimWorkbookProtection extends SimObject {
  constructor(context: SimRequestContext) {
    super(context, "WorkbookProtection");
  }

  private get sim(): { structureProtected?: boolean } {
    return this.context.sim as unknown as { structureProtected?: boolean };
  }

  protected scalars(): Record<string, () => unknown> {
    return { protected: () => this.sim.structureProtected === true };
  }

  get protected(): boolean {
    return this.read("protected");
  }

  protect(): void {
    this.queueAction("WorkbookProtection.protect", 32, () => {
      this.sim.structureProtected = true;
    });
  }

  unprotect(): void {
    this.queueAction("WorkbookProtection.unprotect", 32, () => {
      this.sim.structureProtected = false;
    });
  }
}
