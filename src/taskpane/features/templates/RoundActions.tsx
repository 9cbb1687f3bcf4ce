// "Tạo kỳ sau" and "Tải dữ liệu phẳng" on the "Mẫu báo cáo" tab, in both modes: the work is in
// session/round.ts (the same core as `baocao next` and `baocao dump --format csv|xlsx`).
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons/svg/arrow-download";
import { CalendarArrowRightRegular } from "@fluentui/react-icons/svg/calendar-arrow-right";
import { DismissRegular } from "@fluentui/react-icons/svg/dismiss";
import { HistoryRegular } from "@fluentui/react-icons/svg/history";
import { useRef, useState, type ChangeEvent } from "react";
import { ErrorBar } from "../../components/ErrorBar";
import { MessageTitle } from "../../components/MessageTitle";
import { useMessages } from "../../i18n/context";
import type { Messages } from "../../i18n";
import { problemText } from "../../logic/findings-view";
import { downloadBytes } from "../export/download";
import type { AppSession, WorkbookProblem } from "../../session";
import {
  makeFlatData,
  makeNextPeriod,
  openInExcel,
  XLSX_MIME,
  type FlatFormat,
  type NextPeriodOutcome,
} from "../../session/round";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  block: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0 },
  hint: { margin: 0, color: tokens.colorNeutralForeground3 },
  row: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    flexWrap: "wrap",
  },
  file: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  hidden: { display: "none" },
});

type Made = Extract<NextPeriodOutcome, { status: "made" }>;
/** Kept as data, so the message follows a language switch. */
type Shown =
  | { kind: "next"; made: Made }
  | { kind: "flat"; rows: number; fileName: string }
  | { kind: "problem"; problem: WorkbookProblem }
  | { kind: "refused"; message: string }
  | null;

function problemOf(p: WorkbookProblem, m: Messages): string {
  if (p.kind === "noWorkbook") return m.round.noWorkbook;
  if (p.kind === "notBaoCao" && !p.file) return m.round.notBaoCao;
  return problemText(p, m);
}

export function RoundActions({ session, disabled }: { session: AppSession; disabled: boolean }) {
  const styles = useStyles();
  const { messages: m } = useMessages();
  const r = m.round;
  const input = useRef<HTMLInputElement>(null);
  const [lastYear, setLastYear] = useState<File | null>(null);
  const [busy, setBusy] = useState<"next" | FlatFormat | null>(null);
  const [shown, setShown] = useState<Shown>(null);
  const [error, setError] = useState<unknown>(null);

  async function run(what: "next" | FlatFormat) {
    setBusy(what);
    setShown(null);
    setError(null);
    try {
      if (what === "next") {
        const out = await makeNextPeriod(session, {
          lastYear: lastYear ?? undefined,
          open: session.mode === "hosted" ? (b) => openInExcel(b, session.supports) : undefined,
        });
        if (out.status === "made" && !out.opened) downloadBytes(out.bytes, out.fileName, XLSX_MIME);
        setShown(
          out.status === "made"
            ? { kind: "next", made: out }
            : out.status === "problem"
              ? { kind: "problem", problem: out.problem }
              : { kind: "refused", message: out.message }
        );
      } else {
        const out = await makeFlatData(session, what);
        if (out.status === "problem") {
          setShown({ kind: "problem", problem: out.problem });
          return;
        }
        if (out.rows > 0) downloadBytes(out.bytes, out.fileName, out.mime);
        setShown({ kind: "flat", rows: out.rows, fileName: out.fileName });
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  function picked(e: ChangeEvent<HTMLInputElement>) {
    const f = e.target.files?.[0] ?? null;
    e.target.value = "";
    if (f) setLastYear(f);
  }

  const next = shown?.kind === "next" ? shown.made : null;
  return (
    <section className={styles.root} aria-label={r.heading} data-testid="round-actions">
      <div className={styles.block}>
        <h3 className={styles.title}>{r.next.title}</h3>
        <Text as="p" className={styles.text}>
          {r.next.intro} {session.mode === "hosted" ? r.next.hosted : r.next.preview}
        </Text>
        <Text as="p" className={styles.hint}>
          {r.next.lastYear}: {r.next.lastYearHint}
        </Text>
        <div className={styles.row}>
          <input
            ref={input}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className={styles.hidden}
            onChange={picked}
            aria-label={r.next.chooseLabel}
            data-testid="last-year-input"
          />
          <Button
            icon={<HistoryRegular />}
            onClick={() => input.current?.click()}
            disabled={disabled || busy !== null}
            aria-label={r.next.chooseLabel}
          >
            {r.next.choose}
          </Button>
          {lastYear && (
            <>
              <Text className={styles.file} data-testid="last-year-file">
                {lastYear.name}
              </Text>
              <Button
                appearance="subtle"
                icon={<DismissRegular />}
                onClick={() => setLastYear(null)}
                aria-label={r.next.removeLabel(lastYear.name)}
              >
                {r.next.remove}
              </Button>
            </>
          )}
        </div>
        <div className={styles.row}>
          <Button
            appearance="primary"
            icon={<CalendarArrowRightRegular />}
            onClick={() => void run("next")}
            disabled={disabled || busy !== null}
            data-testid="next-period-button"
          >
            {r.next.make}
          </Button>
          {busy === "next" && <Spinner size="tiny" label={r.next.making} />}
        </div>
        {next && (
          <MessageBar intent="success" layout="multiline" data-testid="next-period-status">
            <MessageBarBody>
              <MessageTitle>
                {next.opened
                  ? r.next.opened(next.periodLabel)
                  : r.next.downloaded(next.periodLabel, next.fileName)}
              </MessageTitle>
              {next.baselinesFilled > 0 && <div>{r.next.baselines(next.baselinesFilled)}</div>}
              {next.tasksCarried && <div>{r.next.tasks}</div>}
              <div>{r.next.toFill}</div>
              {!next.opened && (
                <Button
                  appearance="transparent"
                  icon={<ArrowDownloadRegular />}
                  onClick={() => downloadBytes(next.bytes, next.fileName, XLSX_MIME)}
                >
                  {r.next.downloadAgain}
                </Button>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div className={styles.block}>
        <h3 className={styles.title}>{r.flat.title}</h3>
        <Text as="p" className={styles.text}>
          {r.flat.intro}
        </Text>
        <div className={styles.row}>
          {(["csv", "xlsx"] as const).map((f) => (
            <Button
              key={f}
              icon={<ArrowDownloadRegular />}
              onClick={() => void run(f)}
              disabled={disabled || busy !== null}
              data-testid={`flat-${f}-button`}
            >
              {f === "csv" ? r.flat.csv : r.flat.xlsx}
            </Button>
          ))}
          {(busy === "csv" || busy === "xlsx") && <Spinner size="tiny" label={r.flat.working} />}
        </div>
        {shown?.kind === "flat" && (
          <MessageBar intent={shown.rows > 0 ? "success" : "info"} data-testid="flat-status">
            <MessageBarBody>
              {shown.rows > 0 ? r.flat.done(shown.rows, shown.fileName) : r.flat.empty}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {(shown?.kind === "problem" || shown?.kind === "refused") && (
        <MessageBar intent="warning" layout="multiline" data-testid="round-problem">
          <MessageBarBody>
            <MessageTitle>
              {shown.kind === "refused" ? r.next.refusedTitle : r.problemTitle}
            </MessageTitle>
            {shown.kind === "refused" ? shown.message : problemOf(shown.problem, m)}
          </MessageBarBody>
        </MessageBar>
      )}
      {error !== null && (
        <ErrorBar title={r.errorTitle} error={error} onDismiss={() => setError(null)} />
      )}
    </section>
  );
}
