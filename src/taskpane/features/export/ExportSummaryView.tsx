// What the draft will hold, before it is built: template, period, sections with figures, and the
// validation errors (a draft with errors can still be exported, but the user is told).
import { Badge, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorCircleFilled } from "@fluentui/react-icons/svg/error-circle";
import { WarningFilled } from "@fluentui/react-icons/svg/warning";
import { periodLabel } from "../../../core/period";
import { MessageTitle } from "../../components/MessageTitle";
import { useMessages } from "../../i18n/context";
import type { ExportSummary } from "../../engine/export";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  line: { display: "block", marginTop: tokens.spacingVerticalXXS, overflowWrap: "anywhere" },
  counts: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
});

export function ExportSummaryView({
  summary,
  templateTitle,
}: {
  summary: ExportSummary;
  templateTitle: string;
}) {
  const styles = useStyles();
  const { lang, messages: m } = useMessages();
  const e = m.export;
  const period = summary.period
    ? e.period(periodLabel(summary.period, { lang }))
    : summary.periodCode
      ? e.period(summary.periodCode)
      : e.noPeriod;
  return (
    <div
      className={styles.root}
      data-testid="export-summary"
      aria-label={e.summaryLabel}
      role="group"
    >
      <MessageBar
        intent={summary.errors > 0 ? "warning" : "info"}
        layout="multiline"
        data-errors={summary.errors}
      >
        <MessageBarBody>
          <MessageTitle>{e.template(templateTitle)}</MessageTitle>
          <span className={styles.line} data-testid="export-period">
            {period}
          </span>
          <span className={styles.line} data-testid="export-sections">
            {e.sections(summary.sectionsWithFigures, summary.sections)}
          </span>
          {summary.sectionsWithFigures === 0 && <span className={styles.line}>{e.noFigures}</span>}
          {summary.consolidated && <span className={styles.line}>{e.consolidated}</span>}
          <span className={styles.line} data-testid="export-errors">
            {summary.errors > 0 ? e.errors(summary.errors) : e.noErrors}
          </span>
        </MessageBarBody>
      </MessageBar>
      {(summary.errors > 0 || summary.warnings > 0) && (
        <div className={styles.counts}>
          <Badge
            appearance={summary.errors > 0 ? "filled" : "tint"}
            color="danger"
            icon={<ErrorCircleFilled />}
          >
            {m.checks.counts.errors(summary.errors)}
          </Badge>
          <Badge appearance="tint" color="warning" icon={<WarningFilled />}>
            {m.checks.counts.warnings(summary.warnings)}
          </Badge>
        </div>
      )}
    </div>
  );
}
