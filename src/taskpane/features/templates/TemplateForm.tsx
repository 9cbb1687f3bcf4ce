// The form for one template: period, issuing body, units (per-unit templates), sample data, then
// "Chèn mẫu vào sổ tính" (hosted) or "Tạo sổ tính" (preview).
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowLeftRegular } from "@fluentui/react-icons/svg/arrow-left";
import { useMemo, useState, type FormEvent } from "react";
import type { Template } from "../../../core/model/load";
import { expandTitle, templatePeriod } from "../../../core/model/title";
import { periodLabel } from "../../../core/period";
import { useEngine } from "../../engine/context";
import { useTemplates } from "../../templates/context";
import { useConfirm } from "../../components/ConfirmDialog";
import { ErrorBar } from "../../components/ErrorBar";
import { useMessages } from "../../i18n/context";
import { insertReport } from "../../logic/insert-report";
import {
  defaultPickerState,
  pickerCode,
  resolvePicker,
  stateFromPeriod,
  type PeriodPickerState,
} from "../../logic/period-picker";
import { existingTemplateName, templateTitle } from "../../logic/template-text";
import { parseUnitsText, unitsToText } from "../../logic/units";
import type { AppSession, ExistingTemplate, InsertOutcome } from "../../session";
import { PeriodPicker } from "./PeriodPicker";
import { PeriodSummary } from "./PeriodSummary";
import { ResultBar } from "./ResultBar";
import { SheetList } from "./SheetList";
import { UnitsField } from "./UnitsField";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  back: { alignSelf: "flex-start", paddingLeft: 0, minWidth: 0 },
  heading: { margin: 0, overflowWrap: "anywhere" },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
});

export interface TemplateFormProps {
  template: Template;
  session: AppSession;
  debug: boolean;
  disabled: boolean;
  onBack: () => void;
}

export function TemplateForm({ template, session, debug, disabled, onBack }: TemplateFormProps) {
  const styles = useStyles();
  const { lang, messages: m } = useMessages();
  const { dialog, ask } = useConfirm();
  const engine = useEngine();
  const { list: templates } = useTemplates();
  // The samples are the built-in templates' own: not offered for a template that shadows one.
  const builtIn = templates.entry(template.id)?.origin === "builtIn";
  const hosted = session.mode === "hosted";
  const defaults = template.units?.defaults ?? [];

  const [picker, setPicker] = useState<PeriodPickerState>(() =>
    defaultPickerState(template.periodKinds)
  );
  const [issuingBody, setIssuingBody] = useState("");
  const [unitsText, setUnitsText] = useState(() => unitsToText(defaults));
  const [useSample, setUseSample] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<InsertOutcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [showInvalid, setShowInvalid] = useState(false);

  const picked = useMemo(() => resolvePicker(picker), [picker]);
  const units = useMemo(() => parseUnitsText(unitsText), [unitsText]);
  const sample = useMemo(
    () => (useSample && builtIn ? engine.sampleData(template) : null),
    [useSample, builtIn, template, engine]
  );

  // What the summary shows: the sample's period when the sample is used, else the picker's.
  const period = sample
    ? templatePeriod(template, sample.header.period)
    : picked.ok
      ? picked.period
      : null;
  const code = sample
    ? (sample.header.period ?? null)
    : picked.ok
      ? picked.period.text
      : pickerCode(picker);
  const label = period ? periodLabel(period, { lang: "vi" }) : null;
  const title = sample
    ? (sample.header.title ?? expandTitle(template, code ?? undefined))
    : period
      ? expandTitle(template, period.text)
      : null;
  const invalid = !sample && (!picked.ok || (template.hasPerUnitTables && units.errors.length > 0));
  const summaryId = `period-summary-${template.id}`;

  async function confirmReplace(existing: ExistingTemplate): Promise<boolean> {
    const name = existingTemplateName(existing.templateId, templates.find, lang, m);
    return ask({
      title: m.replace.title,
      body: (
        <SheetList
          intro={m.replace.body(`"${name}"`)}
          sheets={existing.sheets}
          outro={m.replace.keepOthers}
        />
      ),
      confirm: m.replace.confirm,
      cancel: m.replace.cancel,
      danger: true,
    });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || disabled) return;
    if (invalid) {
      setShowInvalid(true);
      return;
    }
    setShowInvalid(false);
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      const data =
        sample ??
        engine.buildReportData(template, {
          period: picked.ok ? picked.period.text : "",
          issuingBody,
          units: units.names,
        });
      setOutcome(await session.insertTemplate({ template, data, confirmReplace }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const tTitle = templateTitle(template, lang);
  return (
    <form className={styles.form} onSubmit={submit} aria-label={m.form.formLabel} noValidate>
      <Button
        className={styles.back}
        appearance="transparent"
        size="small"
        icon={<ArrowLeftRegular />}
        onClick={onBack}
        type="button"
      >
        {m.form.back}
      </Button>
      <Text
        as="h2"
        size={400}
        weight="semibold"
        className={styles.heading}
        tabIndex={-1}
        data-form-heading
      >
        {m.form.heading(tTitle)}
      </Text>

      <PeriodPicker
        kinds={template.periodKinds}
        state={sample && period ? stateFromPeriod(period) : picker}
        result={sample && period ? { ok: true, period } : picked}
        onChange={(s) => {
          setPicker(s);
          setOutcome(null);
        }}
        disabled={busy || !!sample}
        describedBy={summaryId}
      />
      <PeriodSummary id={summaryId} code={code} label={label} title={title} />

      <Field label={m.form.issuingBody} hint={m.form.issuingBodyHint}>
        <Input
          value={sample ? (sample.header.issuingBody ?? "") : issuingBody}
          onChange={(_, d) => setIssuingBody(d.value)}
          placeholder={m.form.issuingBodyPlaceholder}
          disabled={busy || !!sample}
          data-field="issuingBody"
        />
      </Field>

      {template.hasPerUnitTables && (
        <UnitsField
          text={sample ? unitsToText(sample.units) : unitsText}
          parsed={sample ? parseUnitsText(unitsToText(sample.units)) : units}
          hasDefaults={defaults.length > 0}
          onChange={setUnitsText}
          disabled={busy || !!sample}
        />
      )}

      {builtIn && engine.hasSample(template.id) && (
        <Checkbox
          checked={useSample}
          onChange={(_, d) => setUseSample(d.checked === true)}
          label={m.form.sample}
          disabled={busy}
          data-field="sample"
        />
      )}
      {sample && label && (
        <Text as="p" size={200} className={styles.note}>
          {m.form.sampleNote(label)}
        </Text>
      )}

      <div className={styles.actions}>
        <Button
          appearance="primary"
          type="submit"
          disabled={busy || disabled}
          data-testid="insert-button"
        >
          {hosted ? m.form.insert : m.form.create}
        </Button>
        {busy && (
          <Spinner
            size="tiny"
            label={hosted ? m.form.inserting : m.form.creating}
            aria-live="polite"
          />
        )}
      </div>

      {showInvalid && invalid && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{m.form.fixErrors}</MessageBarBody>
        </MessageBar>
      )}
      {error !== null && (
        <ErrorBar
          title={hosted ? m.errors.insertTitle : m.errors.createTitle}
          error={error}
          onDismiss={() => setError(null)}
        />
      )}
      {outcome?.status === "inserted" && (
        <ResultBar
          title={hosted ? m.result.insertedTitle : m.result.createdTitle}
          report={insertReport(outcome, m, { debug: debug && hosted, hosted })}
        />
      )}
      {outcome?.status === "cancelled" && (
        <MessageBar intent="info" data-testid="insert-cancelled">
          <MessageBarBody>{m.result.cancelled}</MessageBarBody>
        </MessageBar>
      )}
      {dialog}
    </form>
  );
}
