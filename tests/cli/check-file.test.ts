import { describe, expect, it } from "vitest";
import { checkFile } from "../../src/cli/check-file";
import { national } from "../../src/core/profiles";
import { readXlsxFile } from "../../src/hosts/xlsx/read";
import { formFacts } from "../../src/hosts/web/summary";
import { fixture } from "./helpers";

/**
 * checkFile gives the summary's facts from the forms it detected for the rules (one detection per
 * workbook): the same facts, in the same order, as detecting again (formFacts, the web checker's).
 */
describe("checkFile with the summary's facts", () => {
  it.each([
    "beijing.xlsx",
    "shanghai.xlsx",
    "offset.xlsx",
    "sichuan.xlsx",
    "yuan.xlsx",
    "department.xlsx",
  ])("%s: facts as formFacts reads them, one per project form", async (name) => {
    const checked = await checkFile(fixture(name), national, true);
    const expected = formFacts(await readXlsxFile(fixture(name)));
    expect(checked.facts).toEqual(expected);
    const projectForms = checked.report.forms.filter((form) => form.execution.rate !== null);
    expect(checked.facts!.length).toBeGreaterThanOrEqual(projectForms.length);
  });

  it("gives no facts unless asked", async () => {
    const checked = await checkFile(fixture("beijing.xlsx"), national, false);
    expect(checked.facts).toBeUndefined();
    expect(checked.report.forms.length).toBeGreaterThan(20);
  });
});
