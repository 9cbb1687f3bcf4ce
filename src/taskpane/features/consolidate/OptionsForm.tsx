// "Tuỳ chọn" of a consolidation: template and period (automatic or chosen), whether files with
// errors are used anyway, the units that must report, and the consolidating body.
import {
  Button,
  Checkbox,
  Field,
  Input,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Template } from "../../../core/model/load";
import { isPeriodError, parsePeriod, periodLabel } from "../../../core/period";
import { localeOf } from "../../i18n";
import { useMessages } from "../../i18n/context";
import {
  defaultUnitsText,
  type ConsolidateForm,
  type FormProblem,
} from "../../logic/consolidate-view";
import { parseUnitsText } from "../../logic/units";
import { templateTitle } from "../../logic/template-text";
import { unitsErrorText } from "../templates/UnitsField";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  fromTemplate: { alignSelf: "flex-start" },
  // A native select is as wide as its longest option: keep it within the pane.
  select: { minWidth: 0, maxWidth: "100%" },
  selectElement: { width: "100%", minWidth: 0, textOverflow: "ellipsis" },
});

export interface OptionsFormProps {
  form: ConsolidateForm;
  templates: readonly Template[];
  onChange: (update: Partial<ConsolidateForm>) => void;
  /** Problems to show under their fields (after a "Tổng hợp" click with something to fix). */
  problems: readonly FormProblem[];
  disabled: boolean;
}

export function OptionsForm({ form, templates, onChange, problems, disabled }: OptionsFormProps) {
  const styles = useStyles();
  const { lang, messages: m } = useMessages();
  const t = m.consolidate.options;
  const locale = localeOf(lang);
  const chosen = templates.find((x) => x.id === form.template);
  const titleOf = (id: string) => {
    const found = templates.find((x) => x.id === id);
    return found ? templateTitle(found, lang) : id;
  };

  const periodProblem = problems.find((p) => p.kind === "period" || p.kind === "periodKind");
  const typed = form.period.trim();
  const parsed = typed ? parsePeriod(typed) : null;
  const periodMessage = periodProblem
    ? periodProblem.kind === "period"
      ? m.consolidate.problems.period(periodProblem.text)
      : periodProblem.kind === "periodKind"
        ? m.consolidate.problems.periodKind(
            periodProblem.text,
            titleOf(periodProblem.template),
            periodProblem.allowed.map((k) => m.period.kinds[k]).join(", ")
          )
        : undefined
    : undefined;
  const periodHint =
    parsed && !isPeriodError(parsed) ? t.periodRead(periodLabel(parsed, { lang })) : t.periodHint;

  const deadlineProblem = problems.find((p) => p.kind === "deadline");
  const deadlineMessage =
    deadlineProblem?.kind === "deadline"
      ? m.consolidate.problems.deadline(deadlineProblem.text)
      : undefined;
  const units = parseUnitsText(form.unitsText);
  const unitErrors = units.errors.map((e) => unitsErrorText(e, m, locale));
  const templateUnits = defaultUnitsText(chosen);
  const unitsHint =
    units.names.length > 0
      ? `${t.unitsHint} ${t.unitsCount(units.names.length)}`
      : `${t.unitsHint} ${t.unitsHintAuto}`;

  return (
    <section className={styles.root} aria-labelledby="consolidate-options-label">
      <Text as="h3" size={300} id="consolidate-options-label" className={styles.heading}>
        {t.heading}
      </Text>
      <Field label={t.template}>
        <Select
          className={styles.select}
          select={{ className: styles.selectElement }}
          value={form.template}
          onChange={(_, d) => onChange({ template: d.value })}
          disabled={disabled}
          data-field="consolidate-template"
        >
          <option value="">{t.templateAuto}</option>
          {templates.map((x) => (
            <option key={x.id} value={x.id}>
              {templateTitle(x, lang)}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t.period}
        hint={periodMessage ? undefined : periodHint}
        validationState={periodMessage ? "error" : "none"}
        validationMessage={periodMessage}
      >
        <Input
          value={form.period}
          onChange={(_, d) => onChange({ period: d.value })}
          placeholder={t.periodPlaceholder}
          disabled={disabled}
          data-field="consolidate-period"
        />
      </Field>
      <Field hint={t.insistHint}>
        <Checkbox
          checked={form.insist}
          onChange={(_, d) => onChange({ insist: d.checked === true })}
          label={t.insist}
          disabled={disabled}
          data-field="consolidate-insist"
        />
      </Field>
      <Field
        label={t.units}
        hint={unitErrors.length > 0 ? undefined : unitsHint}
        validationState={unitErrors.length > 0 ? "error" : "none"}
        validationMessage={
          unitErrors.length > 0
            ? unitErrors.slice(0, 3).join(" ") + (unitErrors.length > 3 ? " …" : "")
            : undefined
        }
      >
        <Textarea
          value={form.unitsText}
          onChange={(_, d) => onChange({ unitsText: d.value })}
          disabled={disabled}
          resize="vertical"
          rows={5}
          spellCheck={false}
          data-field="consolidate-units"
        />
      </Field>
      {templateUnits && form.unitsText !== templateUnits && (
        <Button
          className={styles.fromTemplate}
          size="small"
          onClick={() => onChange({ unitsText: templateUnits })}
          disabled={disabled}
        >
          {t.unitsFromTemplate}
        </Button>
      )}
      <Field label={t.issuer} hint={t.issuerHint}>
        <Input
          value={form.issuer}
          onChange={(_, d) => onChange({ issuer: d.value })}
          disabled={disabled}
          data-field="consolidate-issuer"
        />
      </Field>
      <Field
        label={t.deadline}
        hint={deadlineMessage ? undefined : t.deadlineHint}
        validationState={deadlineMessage ? "error" : "none"}
        validationMessage={deadlineMessage}
      >
        <Input
          type="date"
          value={form.deadline}
          onChange={(_, d) => onChange({ deadline: d.value })}
          disabled={disabled}
          data-field="consolidate-deadline"
        />
      </Field>
    </section>
  );
}
