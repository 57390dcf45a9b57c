/**
 * Excel.DataValidation (ExcelApi 1.8) over exceljs' per-cell data validations.
 */
import type ExcelJS from "exceljs";
import { SimObject, type SimRequestContext } from "../client";
import { invalidArgument } from "../errors";
import type { SimRange } from "./range";

const OPERATORS: Record<string, string> = {
  Between: "between",
  NotBetween: "notBetween",
  EqualTo: "equal",
  NotEqualTo: "notEqual",
  GreaterThan: "greaterThan",
  LessThan: "lessThan",
  GreaterThanOrEqualTo: "greaterThanOrEqual",
  LessThanOrEqualTo: "lessThanOrEqual",
};
const OPERATOR_BACK = Object.fromEntries(Object.entries(OPERATORS).map(([k, v]) => [v, k]));

const RULE_TYPES: Record<string, string> = {
  wholeNumber: "whole",
  decimal: "decimal",
  textLength: "textLength",
  date: "date",
  time: "time",
};
const TYPE_NAMES: Record<string, string> = {
  whole: "WholeNumber",
  decimal: "Decimal",
  textLength: "TextLength",
  date: "Date",
  time: "Time",
  list: "List",
  custom: "Custom",
};

type Validation = ExcelJS.DataValidation;

interface Store {
  find(address: string): Validation | undefined;
  add(address: string, v: Validation): void;
  remove(address: string): void;
}

export class SimDataValidation extends SimObject {
  constructor(
    context: SimRequestContext,
    private readonly range: SimRange,
  ) {
    super(context, "DataValidation");
  }

  private store(): Store {
    this.context.requireApi("1.8", "dataValidation");
    const { sheet } = this.range.resolveNow();
    return (sheet.ws as unknown as { dataValidations: Store }).dataValidations;
  }

  private first(): Validation | undefined {
    const { sheet, rect } = this.range.resolveNow();
    const address = sheet.ws.getCell(rect.top, rect.left).address;
    return this.store().find(address);
  }

  protected scalars(): Record<string, () => unknown> {
    return {
      type: () => {
        const v = this.first();
        return v ? (TYPE_NAMES[v.type] ?? "None") : "None";
      },
      rule: () => ruleOf(this.first()),
      errorAlert: () => {
        const v = this.first();
        return {
          showAlert: v ? v.showErrorMessage !== false : true,
          style:
            v?.errorStyle === "warning"
              ? "Warning"
              : v?.errorStyle === "information"
                ? "Information"
                : "Stop",
          title: v?.errorTitle ?? "",
          message: v?.error ?? "",
        };
      },
      prompt: () => {
        const v = this.first();
        return {
          showPrompt: Boolean(v?.showInputMessage),
          title: v?.promptTitle ?? "",
          message: v?.prompt ?? "",
        };
      },
      ignoreBlanks: () => this.first()?.allowBlank !== false,
    };
  }

  get type(): string {
    return this.read("type");
  }

  get rule(): Record<string, unknown> {
    return this.read("rule");
  }
  set rule(rule: Record<string, unknown>) {
    this.update("rule", rule, (current) => ({ ...fromRule(rule), ...keepMessages(current) }));
  }

  get errorAlert(): Record<string, unknown> {
    return this.read("errorAlert");
  }
  set errorAlert(alert: Record<string, unknown>) {
    this.update("errorAlert", alert, (current) => {
      if (!current) return undefined;
      const style = String(alert.style ?? "Stop");
      return {
        ...current,
        showErrorMessage: alert.showAlert !== false,
        errorStyle:
          style === "Warning" ? "warning" : style === "Information" ? "information" : "stop",
        errorTitle: alert.title === undefined ? current.errorTitle : String(alert.title),
        error: alert.message === undefined ? current.error : String(alert.message),
      } as Validation;
    });
  }

  get prompt(): Record<string, unknown> {
    return this.read("prompt");
  }
  set prompt(prompt: Record<string, unknown>) {
    this.update("prompt", prompt, (current) =>
      current
        ? ({
            ...current,
            showInputMessage: prompt.showPrompt !== false,
            promptTitle: prompt.title === undefined ? current.promptTitle : String(prompt.title),
            prompt: prompt.message === undefined ? current.prompt : String(prompt.message),
          } as Validation)
        : undefined,
    );
  }

  get ignoreBlanks(): boolean {
    return this.read("ignoreBlanks");
  }
  set ignoreBlanks(value: boolean) {
    this.update("ignoreBlanks", value, (current) =>
      current ? { ...current, allowBlank: value } : undefined,
    );
  }

  clear(): void {
    this.queueAction("DataValidation.clear", 16, () => {
      this.range.guard("structure");
      const store = this.store();
      this.range.forEachCell((sheet, r, c) => store.remove(sheet.ws.getCell(r, c).address));
    });
  }

  /** Applies to every cell; a part set before the rule (alert, prompt) waits for a rule. */
  private update(
    name: string,
    value: unknown,
    next: (current: Validation | undefined) => Validation | undefined,
  ) {
    this.write(name, value, () => {
      this.range.guard("structure");
      const store = this.store();
      this.range.forEachCell((sheet, r, c) => {
        const address = sheet.ws.getCell(r, c).address;
        const result = next(store.find(address));
        if (result) store.add(address, result);
      });
    });
  }
}

function keepMessages(current: Validation | undefined): Partial<Validation> {
  if (!current) return { showErrorMessage: true, errorStyle: "stop" } as Partial<Validation>;
  const { showErrorMessage, errorStyle, errorTitle, error, showInputMessage, promptTitle, prompt } =
    current;
  return { showErrorMessage, errorStyle, errorTitle, error, showInputMessage, promptTitle, prompt };
}

function fromRule(rule: Record<string, unknown>): Validation {
  const keys = Object.keys(rule);
  if (keys.length !== 1) throw invalidArgument("a data validation rule has exactly one type");
  const kind = keys[0];
  const body = rule[kind] as Record<string, unknown>;
  if (kind === "list") {
    const source = body.source;
    const text = typeof source === "string" ? source : String(source ?? "");
    const formula = text.startsWith("=") ? text.slice(1) : `"${text}"`;
    return {
      type: "list",
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      // exceljs writes showDropDown="1" to hide the arrow (OOXML's inverted flag).
      ...(body.inCellDropDown === false ? { showDropDown: true } : {}),
    } as unknown as Validation;
  }
  if (kind === "custom") {
    return {
      type: "custom",
      allowBlank: true,
      formulae: [String(body.formula ?? "").replace(/^=/, "")],
    } as Validation;
  }
  const type = RULE_TYPES[kind];
  if (!type) throw invalidArgument(`data validation rule ${kind}`);
  const operator = OPERATORS[String(body.operator ?? "Between")];
  if (!operator) throw invalidArgument(`data validation operator ${String(body.operator)}`);
  const formulae = [body.formula1, body.formula2]
    .filter((f) => f !== undefined && f !== null)
    .map((f) => (typeof f === "string" ? f.replace(/^=/, "") : f));
  return { type, operator, allowBlank: true, formulae } as Validation;
}

function ruleOf(v: Validation | undefined): Record<string, unknown> {
  if (!v) return {};
  const formulae = (v.formulae ?? []) as unknown[];
  if (v.type === "list") {
    const f = String(formulae[0] ?? "");
    const source = f.startsWith('"') && f.endsWith('"') ? f.slice(1, -1) : `=${f}`;
    return {
      list: { inCellDropDown: !(v as unknown as { showDropDown?: boolean }).showDropDown, source },
    };
  }
  if (v.type === "custom") return { custom: { formula: `=${String(formulae[0] ?? "")}` } };
  const kind = Object.entries(RULE_TYPES).find(([, t]) => t === v.type)?.[0] ?? "decimal";
  const body: Record<string, unknown> = {
    operator: OPERATOR_BACK[v.operator ?? "between"] ?? "Between",
    formula1: formulae[0],
  };
  if (formulae[1] !== undefined) body.formula2 = formulae[1];
  return { [kind]: body };
}
