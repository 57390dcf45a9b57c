import path from "node:path";
import { loadSeedForms, type FormData } from "../../scripts/fixture-layouts.mjs";

/** The seed forms transcribed in tests/fixtures/forms, and the goldens' row shape, for any test. */

const seeds = loadSeedForms(path.resolve(__dirname, "..", "fixtures", "forms"));

/** A seed form by its fixture id ("003-4"), deep-copied so a test may change it. */
export function seedForm(id: string): FormData {
  for (const forms of Object.values(seeds)) {
    const found = forms.find((form) => form.id === id);
    if (found) return structuredClone(found);
  }
  throw new Error(`no fixture form ${id}`);
}

/** One finding of tests/fixtures/golden/*.json. */
export interface GoldenFinding {
  rule: string;
  severity: string;
  sheet: string;
  cell: string;
  projectName: string;
}
