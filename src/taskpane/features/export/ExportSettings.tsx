// The settings users decide for the draft: amounts in full, compact or approximate, zero-padded small counts,
// per-unit footnotes, and where each figure's source is written.
import { Checkbox, Field, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import { useMessages } from "../../i18n/context";
import { isMoneyStyle, type ExportChoices } from "./choices";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    margin: 0,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
});

export function ExportSettings({
  choices,
  onChange,
  disabled,
}: {
  choices: ExportChoices;
  onChange: (c: ExportChoices) => void;
  disabled: boolean;
}) {
  const styles = useStyles();
  const { messages: m } = useMessages();
  const s = m.export.settings;
  const set = <K extends keyof ExportChoices>(k: K, v: ExportChoices[K]) =>
    onChange({ ...choices, [k]: v });
  return (
    <fieldset className={styles.root} data-testid="export-settings" disabled={disabled}>
      <legend className={styles.legend}>{s.legend}</legend>
      <Field label={s.money}>
        <RadioGroup
          value={choices.money}
          onChange={(_, d) => set("money", isMoneyStyle(d.value) ? d.value : "auto")}
          disabled={disabled}
        >
          <Radio value="auto" label={s.moneyAuto} data-testid="money-auto" />
          <Radio value="full" label={s.moneyFull} data-testid="money-full" />
          <Radio value="compact" label={s.moneyCompact} data-testid="money-compact" />
          <Radio value="approximate" label={s.moneyApproximate} data-testid="money-approximate" />
        </RadioGroup>
      </Field>
      <Checkbox
        checked={choices.zeroPad}
        onChange={(_, d) => set("zeroPad", d.checked === true)}
        label={s.zeroPad}
        disabled={disabled}
        data-testid="zero-pad"
      />
      <Checkbox
        checked={choices.footnotes}
        onChange={(_, d) => set("footnotes", d.checked === true)}
        label={s.footnotes}
        disabled={disabled}
        data-testid="footnotes"
      />
      <Field label={s.sources}>
        <RadioGroup
          value={choices.sources}
          onChange={(_, d) =>
            set("sources", d.value === "appendix" || d.value === "comments" ? d.value : "none")
          }
          disabled={disabled}
        >
          <Radio value="none" label={s.sourcesNone} data-testid="sources-none" />
          <Radio value="appendix" label={s.sourcesAppendix} data-testid="sources-appendix" />
          <Radio value="comments" label={s.sourcesComments} data-testid="sources-comments" />
        </RadioGroup>
      </Field>
    </fieldset>
  );
}
