/** 插入模板: kind, year and unit name; the host renders it into a new sheet. */
import {
  Button,
  Field,
  Input,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useId, useState, type FormEvent } from "react";
import { TEMPLATE_KINDS, TEMPLATE_TITLES, type TemplateKind } from "../core/templates";

const useStyles = makeStyles({
  // A select is as wide as its longest option; at a 320 px pane it must shrink instead.
  fitSelect: { minWidth: 0, maxWidth: "100%" },
  fitSelectControl: { minWidth: 0, width: "100%", textOverflow: "ellipsis" },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  title: { margin: 0 },
});

/** Years a template can be made for: anything else is almost surely a typing slip. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/** The year as typed, or a Chinese sentence saying what is wrong with it. */
export function parseYear(text: string): number | string {
  const trimmed = text.trim();
  if (!/^\d{4}$/.test(trimmed)) return "请填写四位数字的年度，例如 2024。";
  const year = Number(trimmed);
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    return `年度应在 ${FIRST_YEAR} 到 ${LAST_YEAR} 之间。`;
  }
  return year;
}

export interface TemplatePanelProps {
  disabled: boolean;
  /** Why templates cannot be inserted here, if they cannot. */
  unavailable?: string;
  onInsert(kind: TemplateKind, year: number, unit: string): void;
}

export function TemplatePanel({ disabled, unavailable, onInsert }: TemplatePanelProps) {
  const styles = useStyles();
  const headingId = useId();
  const [kind, setKind] = useState<TemplateKind>(TEMPLATE_KINDS[0]);
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [unit, setUnit] = useState("");
  const parsed = parseYear(year);
  const yearProblem = typeof parsed === "string" ? parsed : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typeof parsed === "number") onInsert(kind, parsed, unit);
  };

  return (
    <form className={styles.form} aria-labelledby={headingId} onSubmit={submit}>
      <Subtitle2 as="h2" id={headingId} className={styles.title}>
        插入空白模板
      </Subtitle2>
      <Field label="模板">
        <Select
          className={styles.fitSelect}
          select={{ className: styles.fitSelectControl }}
          value={kind}
          onChange={(_, data) => setKind(data.value as TemplateKind)}
        >
          {TEMPLATE_KINDS.map((k) => (
            <option key={k} value={k}>
              {TEMPLATE_TITLES[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="年度"
        validationState={yearProblem ? "error" : "none"}
        validationMessage={yearProblem}
      >
        <Input
          value={year}
          inputMode="numeric"
          maxLength={4}
          onChange={(_, data) => setYear(data.value)}
        />
      </Field>
      <Field label="单位名称（可不填）" hint="填入主管部门和实施单位">
        <Input value={unit} onChange={(_, data) => setUnit(data.value)} />
      </Field>
      <Button type="submit" disabled={disabled || yearProblem !== undefined || !!unavailable}>
        插入模板
      </Button>
    </form>
  );
}
