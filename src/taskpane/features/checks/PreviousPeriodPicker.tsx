// "So sánh với kỳ trước" (optional): the previous period's .xlsx, read once when picked, gives the
// check its outlier warnings (as `baocao validate --previous` does).
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons/svg/dismiss";
import { HistoryRegular } from "@fluentui/react-icons/svg/history";
import { useRef, useState, type ChangeEvent } from "react";
import { periodLabel } from "../../../core/period";
import { ErrorBar } from "../../components/ErrorBar";
import { MessageTitle } from "../../components/MessageTitle";
import { useMessages } from "../../i18n/context";
import { problemText } from "../../logic/findings-view";
import type { AppSession, PreviousPeriodFile, WorkbookProblem } from "../../session";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  label: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  hint: { margin: 0, color: tokens.colorNeutralForeground3 },
  choose: { alignSelf: "flex-start", marginTop: tokens.spacingVerticalXS },
  chosen: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  chosenIcon: { flexShrink: 0, fontSize: "20px", color: tokens.colorNeutralForeground3 },
  chosenText: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1 },
  file: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  remove: { flexShrink: 0 },
  hidden: { display: "none" },
});

export interface PreviousPeriodPickerProps {
  session: AppSession;
  previous: PreviousPeriodFile | null;
  onChange: (previous: PreviousPeriodFile | null) => void;
  titleOf: (templateId: string) => string;
  disabled: boolean;
}

export function PreviousPeriodPicker({
  session,
  previous,
  onChange,
  titleOf,
  disabled,
}: PreviousPeriodPickerProps) {
  const styles = useStyles();
  const { lang, messages: m } = useMessages();
  const input = useRef<HTMLInputElement>(null);
  const [reading, setReading] = useState(false);
  const [problem, setProblem] = useState<WorkbookProblem | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = ""; // the same file can be chosen again
    if (!file) return;
    setReading(true);
    setProblem(null);
    setError(null);
    try {
      const r = await session.readPreviousPeriod(file);
      if (r.ok) onChange(r.previous);
      else setProblem(r.problem);
    } catch (err) {
      setError(err);
    } finally {
      setReading(false);
    }
  }

  return (
    <section
      className={styles.root}
      aria-labelledby="previous-period-label"
      data-testid="previous-period"
    >
      <Text as="h3" size={300} id="previous-period-label" className={styles.label}>
        {m.checks.previous.label}
      </Text>
      <Text as="p" size={200} className={styles.hint}>
        {m.checks.previous.hint}
      </Text>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(e) => void onFile(e)}
        data-testid="previous-file-input"
        tabIndex={-1}
        aria-hidden="true"
      />
      {previous ? (
        <div className={styles.chosen} data-testid="previous-chosen">
          <HistoryRegular className={styles.chosenIcon} aria-hidden="true" />
          <span className={styles.chosenText}>
            <Text size={200} weight="semibold">
              {m.checks.previous.chosen(
                previous.period
                  ? periodLabel(previous.period, { lang })
                  : m.checks.previous.unknownPeriod
              )}
            </Text>
            <Text size={200} className={styles.file}>
              {m.checks.previous.file(previous.fileName)}
            </Text>
          </span>
          <Button
            className={styles.remove}
            appearance="subtle"
            size="small"
            icon={<DismissRegular />}
            onClick={() => onChange(null)}
            disabled={disabled}
            aria-label={m.checks.previous.removeLabel(previous.fileName)}
            title={m.checks.previous.remove}
            data-testid="previous-remove"
          />
        </div>
      ) : (
        <Button
          className={styles.choose}
          size="small"
          icon={<HistoryRegular />}
          onClick={() => input.current?.click()}
          disabled={disabled || reading}
          aria-label={m.checks.previous.chooseLabel}
          data-testid="previous-choose"
        >
          {m.checks.previous.choose}
        </Button>
      )}
      {reading && <Spinner size="tiny" label={m.checks.previous.reading} />}
      {problem && (
        <MessageBar intent="warning" layout="multiline" data-testid="previous-problem">
          <MessageBarBody>
            <MessageTitle>{m.checks.previousProblemTitle}</MessageTitle>
            {problemText(problem, m, titleOf)}
          </MessageBarBody>
        </MessageBar>
      )}
      {error !== null && (
        <ErrorBar title={m.errors.previousTitle} error={error} onDismiss={() => setError(null)} />
      )}
    </section>
  );
}
