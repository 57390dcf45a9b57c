import { describe, expect, it, vi } from "vitest";
import { checkJson, fixture, HAN, runCli, STACK_LINE } from "./helpers";

// A bug inside validation (here: a rule throwing) must not crash the run nor show a stack trace.
vi.mock("../../src/core/validate", () => ({
  validateWorkbook: () => {
    throw new TypeError(
      "Cannot read properties of undefined (reading 'text')\n    at rule (x.ts:1:1)",
    );
  },
}));

describe("an internal error while checking", () => {
  it("is one Chinese line for that file, exit 2, every file still listed", async () => {
    const { run, report } = await checkJson([fixture("shanghai.xlsx"), fixture("beijing.xlsx")]);
    expect(run.code).toBe(2);
    expect(report.files).toHaveLength(2);
    for (const file of report.files) {
      expect(file.findings).toHaveLength(1);
      expect(file.findings[0].message).toMatch(HAN);
      expect(file.findings[0].message).not.toContain("\n");
    }
    const text = await runCli(["check", fixture("shanghai.xlsx")]);
    expect(text.code).toBe(2);
    expect(text.stdout + text.stderr).not.toMatch(STACK_LINE);
  });
});
