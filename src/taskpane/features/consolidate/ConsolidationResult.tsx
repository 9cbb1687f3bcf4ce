// The outcome of "Tổng hợp": what was written (and, in preview, the download), who has reported,
// every file with its status, the core's notes, and the sheets made (click to open one).
import {
  Button,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons/svg/arrow-download";
import { TargetRegular } from "@fluentui/react-icons/svg/target";
import { forwardRef } from "react";
import {
  formatShortDate,
  isPeriodError,
  isValidIsoDate,
  parsePeriod,
  periodLabel,
} from "../../../core/period";

const shortDate = (iso: string) => (isValidIsoDate(iso) ? formatShortDate(iso) : iso);
import { MessageTitle } from "../../components/MessageTitle";
import { useMessages } from "../../i18n/context";
import { resultSummary, visibleSheets } from "../../logic/consolidate-view";
import type { ConsolidateOutcome } from "../../session";
import { SourcesList, type SourceActions } from "./SourcesList";
import { ReturnNotePanel, type ReturnNoteView } from "./ReturnNotePanel";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  title: { outline: "none" },
  line: { display: "block", marginTop: tokens.spacingVerticalXXS, overflowWrap: "anywhere" },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  heading: { margin: 0 },
  text: { margin: 0, overflowWrap: "anywhere" },
  hint: { margin: 0, color: tokens.colorNeutralForeground3 },
  names: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, overflowWrap: "anywhere" },
  sheets: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    listStyle: "none",
    margin: 0,
    padding: 0,
  },
  sheet: { maxWidth: "100%", minWidth: 0, textAlign: "start", overflowWrap: "anywhere" },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  debug: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
});

export interface ConsolidationResultProps {
  outcome: Exclude<ConsolidateOutcome, { status: "cancelled" }>;
  hosted: boolean;
  templateTitle: (id: string) => string;
  onSelectSheet: (sheet: string) => void;
  onDownload: (() => void) | null;
  onOpenTargets: (() => void) | null;
  /** ?debug: progress updates seen by the tab; null hides the line. */
  debugProgress: number | null;
  /** The round's actions on each file (prefer, approve, send back). */
  actions?: SourceActions;
  /** The return note open, with its download and close. */
  note?: { view: ReturnNoteView; onDownload: () => void; onClose: () => void } | null;
}

export const ConsolidationResult = forwardRef<HTMLDivElement, ConsolidationResultProps>(
  function ConsolidationResult(
    {
      outcome,
      hosted,
      templateTitle,
      onSelectSheet,
      onDownload,
      onOpenTargets: openTargets,
      debugProgress,
      actions,
      note,
    },
    titleRef
  ) {
    const styles = useStyles();
    const { lang, messages: m } = useMessages();
    const t = m.consolidate;
    const r = outcome.result;
    const s = resultSummary(r);
    const code = r.data?.header.period ?? null;
    const parsed = code ? parsePeriod(code) : null;
    const period = parsed && !isPeriodError(parsed) ? periodLabel(parsed, { lang }) : (code ?? "");
    const written = outcome.status === "written" ? outcome : null;
    // "Mở sổ mới": the sheets are in another window, where the pane cannot select them.
    const elsewhere = written?.newWorkbook === true;
    // The Chỉ tiêu tab reads the workbook the pane is in, not the new one.
    const onOpenTargets = elsewhere ? null : openTargets;
    const c = r.data?.consolidation;
    const timely =
      c?.deadline && c.timeliness ? { deadline: shortDate(c.deadline), rows: c.timeliness } : null;

    return (
      <div className={styles.root} data-testid="consolidate-result" data-status={outcome.status}>
        {written ? (
          <MessageBar intent="success" layout="multiline" data-testid="consolidate-written">
            <MessageBarBody>
              <div ref={titleRef} tabIndex={-1} className={styles.title}>
                <MessageTitle>
                  {elsewhere
                    ? t.result.titleNewWorkbook
                    : hosted
                      ? t.result.titleHosted
                      : t.result.titlePreview}
                </MessageTitle>
              </div>
              <span className={styles.line} data-testid="consolidate-summary">
                {t.result.summary(s.total, s.used, s.leftOut)}
              </span>
              {s.forced > 0 && <span className={styles.line}>{t.result.forced(s.forced)}</span>}
              {s.superseded > 0 && (
                <span className={styles.line} data-testid="consolidate-superseded">
                  {t.result.superseded(s.superseded)}
                </span>
              )}
              {r.template && (
                <span className={styles.line}>
                  {t.result.template(templateTitle(r.template.id), period)}
                </span>
              )}
              {written.fileName && (
                <span className={styles.line}>{t.result.file(written.fileName)}</span>
              )}
              {elsewhere && <span className={styles.line}>{t.result.newWorkbookNote}</span>}
            </MessageBarBody>
          </MessageBar>
        ) : (
          <MessageBar
            intent={outcome.status === "notReplaced" ? "info" : "error"}
            layout="multiline"
            data-testid="consolidate-not-written"
          >
            <MessageBarBody>
              <div ref={titleRef} tabIndex={-1} className={styles.title}>
                <MessageTitle>
                  {outcome.status === "notReplaced" ? t.notReplaced : t.nothingTitle}
                </MessageTitle>
              </div>
              <span className={styles.line} data-testid="consolidate-summary">
                {t.result.summary(s.total, s.used, s.leftOut)}
              </span>
              {outcome.status === "nothingUsable" &&
                r.messages.map((msg, i) => (
                  <span key={i} className={styles.line} lang="vi">
                    {msg}
                  </span>
                ))}
              {outcome.status === "nothingUsable" &&
                r.stop &&
                r.stop.kind in t.result.stopHints && (
                  <span className={styles.line} data-testid="consolidate-stop-hint">
                    {t.result.stopHints[r.stop.kind as keyof typeof t.result.stopHints]}
                  </span>
                )}
            </MessageBarBody>
          </MessageBar>
        )}

        {written && (onDownload || onOpenTargets) && (
          <div className={styles.actions}>
            {onDownload && (
              <Button
                appearance="primary"
                icon={<ArrowDownloadRegular />}
                onClick={onDownload}
                data-testid="consolidate-download"
              >
                {t.result.download}
              </Button>
            )}
            {onOpenTargets && (
              <Button
                icon={<TargetRegular />}
                onClick={onOpenTargets}
                data-testid="consolidate-open-targets"
              >
                {t.result.openTargets}
              </Button>
            )}
          </div>
        )}

        {written && (
          <section className={styles.section} data-testid="consolidate-completeness">
            <Text as="h3" size={300} weight="semibold" className={styles.heading}>
              {t.completeness.heading}
            </Text>
            <Text as="p" size={200} className={styles.text}>
              {s.expected > 0
                ? t.completeness.summary(s.expected, s.receivedExpected)
                : t.completeness.noList(r.received.length)}
              {s.expected > 0 && s.missing.length === 0 && ` ${t.completeness.allIn}`}
            </Text>
            {s.missing.length > 0 && (
              <>
                <Text as="p" size={200} weight="semibold" className={styles.text}>
                  {t.completeness.missing(s.missing.length)}
                </Text>
                <ul className={styles.names} data-testid="consolidate-missing">
                  {s.missing.map((u) => (
                    <li key={u}>
                      <Text size={200}>{u}</Text>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {s.expected > 0 && s.extra.length > 0 && (
              <Text as="p" size={200} className={styles.text}>
                {t.completeness.extra(s.extra.length)} {s.extra.join("; ")}
              </Text>
            )}
            {timely && (
              <>
                <Text as="p" size={200} weight="semibold" className={styles.text}>
                  {t.completeness.onTime(
                    timely.rows.filter((x) => x.state === "onTime").length,
                    timely.rows.length,
                    timely.deadline
                  )}
                </Text>
                <ul
                  className={styles.names}
                  aria-label={t.completeness.timelinessLabel}
                  data-testid="consolidate-timeliness"
                >
                  {timely.rows.map((x) => (
                    <li key={x.unit} data-state={x.state}>
                      <Text size={200}>
                        {x.unit}:{" "}
                        {x.state === "late"
                          ? t.completeness.state.late(x.daysLate ?? 0)
                          : t.completeness.state[x.state]}
                        {x.reportDate && x.state !== "missing"
                          ? ` (${t.completeness.reportDate(shortDate(x.reportDate))})`
                          : ""}
                      </Text>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        )}

        {written && !elsewhere && (
          <section className={styles.section} data-testid="consolidate-sheets">
            <Text as="h3" size={300} weight="semibold" className={styles.heading}>
              {t.sheets.heading}
            </Text>
            <Text as="p" size={200} className={styles.hint}>
              {hosted ? t.sheets.hintHosted : t.sheets.hintPreview}
            </Text>
            <ul className={styles.sheets}>
              {visibleSheets(written.insert.sheets).map((sheet) => (
                <li key={sheet} style={{ maxWidth: "100%" }}>
                  <Button
                    className={styles.sheet}
                    size="small"
                    appearance="outline"
                    onClick={() => onSelectSheet(sheet)}
                    aria-label={t.sheets.open(sheet)}
                    data-testid="consolidate-sheet"
                    data-sheet={sheet}
                  >
                    {sheet}
                  </Button>
                </li>
              ))}
            </ul>
          </section>
        )}

        {r.messages.length > 0 && outcome.status !== "nothingUsable" && (
          <section className={styles.section} data-testid="consolidate-messages">
            <Text as="h3" size={300} weight="semibold" className={styles.heading}>
              {t.result.messages}
            </Text>
            <ul className={styles.notes}>
              {r.messages.map((msg, i) => (
                <li key={i} lang="vi">
                  <Text size={200}>{msg}</Text>
                </li>
              ))}
            </ul>
          </section>
        )}

        {note && (
          <ReturnNotePanel note={note.view} onDownload={note.onDownload} onClose={note.onClose} />
        )}

        <SourcesList sources={r.sources} actions={actions} />

        {debugProgress !== null && (
          <Text size={200} className={styles.debug} data-testid="consolidate-debug">
            {t.debug(debugProgress, written?.insert.syncs ?? 0)}
          </Text>
        )}
      </div>
    );
  }
);
