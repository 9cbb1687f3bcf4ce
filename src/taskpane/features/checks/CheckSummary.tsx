// The outcome of a check at a glance: ready or not (as `baocao validate` words it), the counts, the
// template and previous period used, where the marks are, and (?debug, hosted) the syncs.
import {
  Badge,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ErrorCircleFilled } from "@fluentui/react-icons/svg/error-circle";
import { WarningFilled } from "@fluentui/react-icons/svg/warning";
import { forwardRef } from "react";
import { periodLabel } from "../../../core/period";
import { MessageTitle } from "../../components/MessageTitle";
import { useMessages } from "../../i18n/context";
import { clearReminder, marksText, statusText } from "../../logic/findings-view";
import type { ValidationOutcome } from "../../session";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  title: { outline: "none" },
  line: { display: "block", marginTop: tokens.spacingVerticalXXS, overflowWrap: "anywhere" },
  counts: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
  debug: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
});

export interface CheckSummaryProps {
  outcome: Extract<ValidationOutcome, { status: "checked" }>;
  hosted: boolean;
  debug: boolean;
  templateTitle: string;
  maxMarks: number;
  /** Syncs of "Xoá đánh dấu" when the marks were cleared since the check, else null. */
  cleared: number | null;
}

export const CheckSummary = forwardRef<HTMLDivElement, CheckSummaryProps>(function CheckSummary(
  { outcome, hosted, debug, templateTitle, maxMarks, cleared },
  titleRef
) {
  const styles = useStyles();
  const { lang, messages: m } = useMessages();
  const status = statusText(outcome, m);
  const reminder = clearReminder(outcome, hosted, m);
  const previous = outcome.previous;
  return (
    <div className={styles.root}>
      <MessageBar
        intent={status.ready ? "success" : "error"}
        layout="multiline"
        data-testid="check-status"
        data-ready={status.ready}
      >
        <MessageBarBody>
          <div ref={titleRef} tabIndex={-1} className={styles.title}>
            <MessageTitle>{status.title}</MessageTitle>
          </div>
          {status.detail}
          <span className={styles.line}>
            {m.checks.status.template(templateTitle, outcome.templateVersion)}
          </span>
          {previous && (
            <span className={styles.line} data-testid="check-compared">
              {m.checks.status.compared(
                previous.period
                  ? periodLabel(previous.period, { lang })
                  : m.checks.previous.file(previous.fileName)
              )}
            </span>
          )}
        </MessageBarBody>
      </MessageBar>
      <div className={styles.counts} aria-label={m.checks.counts.label} role="group">
        <Badge
          appearance={outcome.errors > 0 ? "filled" : "tint"}
          color="danger"
          icon={<ErrorCircleFilled />}
          data-testid="count-errors"
        >
          {m.checks.counts.errors(outcome.errors)}
        </Badge>
        <Badge
          appearance="tint"
          color="warning"
          icon={<WarningFilled />}
          data-testid="count-warnings"
        >
          {m.checks.counts.warnings(outcome.warnings)}
        </Badge>
      </div>
      {cleared === null ? (
        <>
          {marksText(outcome, hosted, maxMarks, m).map((line, i) => (
            <Text as="p" size={200} key={i} className={styles.note} data-testid="marks-note">
              {line}
            </Text>
          ))}
          {reminder && (
            <MessageBar intent="warning" layout="multiline" data-testid="marks-reminder">
              <MessageBarBody>
                <MessageTitle>{reminder.title}</MessageTitle>
                {reminder.body}
              </MessageBarBody>
            </MessageBar>
          )}
        </>
      ) : (
        <MessageBar intent="success" data-testid="marks-cleared">
          <MessageBarBody>
            {hosted ? m.checks.clearedHosted : m.checks.clearedPreview}
          </MessageBarBody>
        </MessageBar>
      )}
      {debug && hosted && (
        <Text size={200} className={styles.debug} data-testid="checks-debug">
          {m.checks.debugSyncs(outcome.syncs.read, outcome.syncs.marks)}
          {cleared !== null && (
            <span className={styles.line} data-testid="checks-debug-clear">
              {m.checks.debugClear(cleared)}
            </span>
          )}
        </Text>
      )}
    </div>
  );
});
