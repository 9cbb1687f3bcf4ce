// Danh sách đơn vị: one unit per line, checked as the user types.
import { Field, Textarea } from "@fluentui/react-components";
import { useMessages } from "../../i18n/context";
import { localeOf, type Messages } from "../../i18n";
import { MAX_UNIT_NAME, MAX_UNITS, type ParsedUnits, type UnitsError } from "../../logic/units";

export function unitsErrorText(e: UnitsError, m: Messages, locale: string): string {
  const n = (x: number) => x.toLocaleString(locale);
  switch (e.kind) {
    case "duplicate":
      return m.units.duplicate(e.name, e.first, e.line);
    case "tooMany":
      return m.units.tooMany(n(e.count), n(MAX_UNITS));
    case "tooLong":
      return m.units.tooLong(e.line, MAX_UNIT_NAME);
  }
}

export interface UnitsFieldProps {
  text: string;
  parsed: ParsedUnits;
  hasDefaults: boolean;
  onChange: (text: string) => void;
  disabled?: boolean;
}

export function UnitsField({ text, parsed, hasDefaults, onChange, disabled }: UnitsFieldProps) {
  const { lang, messages: m } = useMessages();
  const locale = localeOf(lang);
  const errors = parsed.errors.map((e) => unitsErrorText(e, m, locale));
  const status =
    parsed.names.length === 0
      ? hasDefaults
        ? m.units.noneDefaults
        : m.units.none
      : m.units.count(parsed.names.length.toLocaleString(locale));
  return (
    <Field
      label={m.units.label}
      hint={`${m.units.hint(MAX_UNITS.toLocaleString(locale))} ${status}`}
      validationState={errors.length > 0 ? "error" : "none"}
      validationMessage={
        errors.length > 0
          ? errors.slice(0, 3).join(" ") + (errors.length > 3 ? " …" : "")
          : undefined
      }
    >
      <Textarea
        value={text}
        onChange={(_, d) => onChange(d.value)}
        disabled={disabled}
        resize="vertical"
        rows={8}
        spellCheck={false}
        data-field="units"
      />
    </Field>
  );
}
