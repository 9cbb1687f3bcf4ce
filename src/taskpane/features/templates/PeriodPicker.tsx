// Kỳ báo cáo: kind of period (among the template's), then year(s) and quarter, half or cut-off date.
import { Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { PeriodKind } from "../../../core/period";
import { useMessages } from "../../i18n/context";
import {
  MAX_PERIOD_YEAR,
  MIN_PERIOD_YEAR,
  CUTOFF_DATES,
  ROMAN_QUARTERS,
  fieldsOf,
  withKind,
  type Half,
  type PeriodPickerState,
  type PickerField,
  type PickerResult,
  type Quarter,
} from "../../logic/period-picker";

const useStyles = makeStyles({
  fieldset: {
    border: "none",
    margin: 0,
    padding: 0,
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  legend: {
    padding: 0,
    marginBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
  },
  row: {
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
    rowGap: tokens.spacingVerticalS,
  },
  cell: { flex: "1 1 120px", minWidth: 0 },
});

export interface PeriodPickerProps {
  kinds: readonly PeriodKind[];
  state: PeriodPickerState;
  result: PickerResult;
  onChange: (s: PeriodPickerState) => void;
  disabled?: boolean;
  /** Id of the element that shows the resulting code, label and trích yếu. */
  describedBy?: string;
}

export function PeriodPicker({
  kinds,
  state,
  result,
  onChange,
  disabled,
  describedBy,
}: PeriodPickerProps) {
  const styles = useStyles();
  const { messages: m } = useMessages();
  const error = (field: PickerField): string | undefined => {
    if (result.ok || result.field !== field) return undefined;
    return result.error === "rangeOrder"
      ? m.period.rangeOrder
      : m.period.yearRange(MIN_PERIOD_YEAR, MAX_PERIOD_YEAR);
  };
  const yearInput = (field: "year" | "startYear" | "endYear", label: string) => (
    <Field
      key={field}
      className={styles.cell}
      label={label}
      validationState={error(field) ? "error" : "none"}
      validationMessage={error(field)}
    >
      <Input
        type="number"
        inputMode="numeric"
        min={MIN_PERIOD_YEAR}
        max={MAX_PERIOD_YEAR}
        value={state[field]}
        disabled={disabled}
        onChange={(_, d) => onChange({ ...state, [field]: d.value })}
        data-field={field}
      />
    </Field>
  );

  const fields = fieldsOf(state.kind).map((f) => {
    switch (f) {
      case "quarter":
        return (
          <Field key={f} className={styles.cell} label={m.period.quarter}>
            <Select
              value={String(state.quarter)}
              disabled={disabled}
              onChange={(_, d) => onChange({ ...state, quarter: Number(d.value) as Quarter })}
              data-field="quarter"
            >
              {ROMAN_QUARTERS.map((r, i) => (
                <option key={r} value={i + 1}>
                  {m.period.quarterOption(r)}
                </option>
              ))}
            </Select>
          </Field>
        );
      case "half":
        return (
          <Field key={f} className={styles.cell} label={m.period.half}>
            <Select
              value={String(state.half)}
              disabled={disabled}
              onChange={(_, d) => onChange({ ...state, half: Number(d.value) as Half })}
              data-field="half"
            >
              <option value="1">{m.period.halfFirst}</option>
              <option value="2">{m.period.halfSecond}</option>
            </Select>
          </Field>
        );
      case "cutoff":
        return (
          <Field key={f} className={styles.cell} label={m.period.cutoff}>
            <Select
              value={String(state.half)}
              disabled={disabled}
              onChange={(_, d) => onChange({ ...state, half: Number(d.value) as Half })}
              data-field="cutoff"
            >
              {CUTOFF_DATES.map((d, i) => (
                <option key={d} value={i + 1}>
                  {d}
                </option>
              ))}
            </Select>
          </Field>
        );
      case "year":
        return yearInput("year", m.period.year);
      case "startYear":
        return yearInput("startYear", m.period.startYear);
      case "endYear":
        return yearInput("endYear", m.period.endYear);
    }
  });

  return (
    <fieldset className={styles.fieldset} aria-describedby={describedBy} disabled={disabled}>
      <legend className={styles.legend}>{m.period.legend}</legend>
      {kinds.length > 1 && (
        <Field label={m.period.kind}>
          <Select
            value={state.kind}
            disabled={disabled}
            onChange={(_, d) => onChange(withKind(state, d.value as PeriodKind))}
            data-field="kind"
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {m.period.kinds[k]}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className={styles.row}>{fields}</div>
    </fieldset>
  );
}
