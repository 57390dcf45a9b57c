// ESLint flat config: typescript-eslint's recommended rules, the Office-specific rules of
// eslint-plugin-office-addins (its v4 is flat-config ready; only its office-addins/* rules are taken,
// not its whole preset, which pins ecmaVersion 6 and runs Prettier as a lint rule), and
// eslint-config-prettier last so formatting is Prettier's job alone (`prettier --check`).
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

const NODE_GLOBALS = Object.fromEntries(
  [
    "require",
    "module",
    "__dirname",
    "__filename",
    "process",
    "console",
    "Buffer",
    "globalThis",
    "URL",
  ].map((name) => [name, "readonly"]),
);

const officeRules = Object.fromEntries(
  Object.entries(officeAddins.configs.recommended.at(-1).rules).filter(([rule]) =>
    rule.startsWith("office-addins/"),
  ),
);

export default tseslint.config(
  { ignores: ["dist/**", "coverage/**", "node_modules/**", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      // TypeScript checks names in .ts files; plain .js/.mjs scripts here run on Node.
      globals: NODE_GLOBALS,
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Only where Office.js is used: exceljs code (src/hosts/xlsx) has look-alike objects these rules
    // would misread as proxy objects needing load()/sync().
    files: ["src/{hosts/excel,taskpane,commands,functions}/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    languageOptions: {
      globals: { Office: "readonly", Excel: "readonly", CustomFunctions: "readonly" },
    },
    rules: officeRules,
  },
  {
    // Custom function signatures take whatever the spreadsheet passes: `any` is the declared type
    // the metadata generator turns into "type": "any".
    files: ["src/functions/functions.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  prettier,
);
