// The "Kiểm tra" tab: one click reads and validates the whole workbook, shows whether it is ready to
// send and the findings by sheet, and marks them (hosted: conditional formats in Excel; preview:
// highlights in the viewer). "Xoá đánh dấu" removes every mark; the user's data is never written.
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ClipboardTaskListLtrRegular } from "@fluentui/react-icons/svg/clipboard-task-list-ltr";
import { EraserRegular } from "@fluentui/react-icons/svg/eraser";
import { useCallback, useEffect, useRef, useState } from "react";
import { FEATURE_LAYOUT } from "../../components/feature-layout";
import { ErrorBar } from "../../components/ErrorBar";
import { MessageTitle } from "../../components/MessageTitle";
import { useEngine } from "../../engine/context";
import { useTemplates } from "../../templates/context";
import { useMessages } from "../../i18n/context";
import { isPreviousProblem, problemText, type FindingRef } from "../../logic/findings-view";
import { templateTitle } from "../../logic/template-text";
import type { PreviousPeriodFile, ValidationOutcome } from "../../session";
import { usePreviewState } from "../../session/usePreviewState";
import type { FeatureProps } from "../registry";
import { CheckSummary } from "./CheckSummary";
import { FindingsList } from "./FindingsList";
import { PreviousPeriodPicker } from "./PreviousPeriodPicker";

const useStyles = makeStyles({
  ...FEATURE_LAYOUT,
  run: { minWidth: "128px" },
  results: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  debug: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
});

type Action = "check" | "clear" | "select";

export function ChecksFeature({ session, debug, disabled }: FeatureProps) {
  const styles = useStyles();
  const { lang, messages: m } = useMessages();
  const engine = useEngine();
  const { list: templates } = useTemplates();
  const hosted = session.mode === "hosted";
  const preview = usePreviewState(session);
  const [busy, setBusy] = useState<Action | null>(null);
  const [outcome, setOutcome] = useState<ValidationOutcome | null>(null);
  /** Changes with every check, so the list starts afresh (filter, open groups, "Hiện thêm"). */
  const [run, setRun] = useState(0);
  const [cleared, setCleared] = useState<number | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [previous, setPrevious] = useState<PreviousPeriodFile | null>(null);
  const [error, setError] = useState<{ action: Action; error: unknown } | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  // Preview: a workbook created or opened since the check makes its findings stale.
  const workbook = preview?.workbook ?? null;
  useEffect(() => {
    setOutcome(null);
    setCleared(null);
    setSelected(null);
  }, [workbook]);

  // Keyboard and screen-reader users land on the result.
  useEffect(() => {
    if (outcome?.status === "checked") statusRef.current?.focus();
  }, [outcome]);

  const titleOf = useCallback(
    (id: string) => {
      const t = templates.find(id);
      return t ? templateTitle(t, lang) : id;
    },
    [templates, lang]
  );

  async function check() {
    setBusy("check");
    setError(null);
    const checked = session.mode === "preview" ? session.store.get().workbook : null;
    try {
      const result = await session.validate({ previous: previous ?? undefined });
      // Preview: another workbook opened meanwhile; this outcome is about the one before.
      if (session.mode === "preview" && session.store.get().workbook !== checked) return;
      setOutcome(result);
      setRun((n) => n + 1);
      setCleared(null);
      setSelected(null);
    } catch (err) {
      setError({ action: "check", error: err });
    } finally {
      setBusy(null);
    }
  }

  async function clear() {
    setBusy("clear");
    setError(null);
    try {
      setCleared(await session.clearMarks());
    } catch (err) {
      setError({ action: "clear", error: err });
    } finally {
      setBusy(null);
    }
  }

  const select = useCallback(
    async (ref: FindingRef) => {
      const { sheet, cell } = ref.finding;
      if (!sheet || !cell) return;
      setSelected(ref.index);
      try {
        await session.selectCell(sheet, cell);
      } catch (err) {
        setError({ action: "select", error: err });
      }
    },
    [session]
  );
  const onSelect = useCallback((ref: FindingRef) => void select(ref), [select]);

  // Hosted: marks may be left from an earlier session, so clearing is always offered.
  const canClear = hosted || (preview?.marks?.length ?? 0) > 0;
  const errorTitle =
    error?.action === "clear"
      ? m.errors.clearMarksTitle
      : error?.action === "select"
        ? m.errors.selectCellTitle
        : m.errors.checkTitle;

  return (
    // data-checks: how many checks ran, for tests to wait on the next outcome.
    <div className={styles.root} data-checks={run}>
      <div className={styles.intro}>
        <Text as="h2" size={400} weight="semibold" className={styles.heading}>
          {m.checks.heading}
        </Text>
        <Text as="p" size={200} className={styles.text}>
          {hosted ? m.checks.introHosted : m.checks.introPreview}
        </Text>
      </div>

      <PreviousPeriodPicker
        session={session}
        previous={previous}
        onChange={setPrevious}
        titleOf={titleOf}
        disabled={disabled || busy !== null}
      />

      <div className={styles.actions}>
        <Button
          className={styles.run}
          appearance="primary"
          size="large"
          icon={<ClipboardTaskListLtrRegular />}
          onClick={() => void check()}
          disabled={disabled || busy !== null}
          data-testid="check-button"
        >
          {m.checks.run}
        </Button>
        <Button
          icon={<EraserRegular />}
          onClick={() => void clear()}
          disabled={disabled || busy !== null || !canClear}
          data-testid="clear-marks-button"
        >
          {m.checks.clear}
        </Button>
        {busy === "check" && <Spinner size="tiny" label={m.checks.running} aria-live="polite" />}
        {busy === "clear" && <Spinner size="tiny" label={m.checks.clearing} aria-live="polite" />}
      </div>

      {error !== null && (
        <ErrorBar title={errorTitle} error={error.error} onDismiss={() => setError(null)} />
      )}

      {outcome?.status === "problem" && (
        <div className={styles.results}>
          <MessageBar
            intent={outcome.problem.kind === "noWorkbook" ? "info" : "warning"}
            layout="multiline"
            data-testid="check-problem"
          >
            <MessageBarBody>
              <MessageTitle>
                {isPreviousProblem(outcome.problem)
                  ? m.checks.previousProblemTitle
                  : m.checks.problemTitle}
              </MessageTitle>
              {problemText(outcome.problem, m, titleOf)}
            </MessageBarBody>
          </MessageBar>
          {debug && hosted && (
            <Text size={200} className={styles.debug} data-testid="checks-debug">
              {m.checks.debugSyncs(outcome.syncs.read, outcome.syncs.marks)}
            </Text>
          )}
        </div>
      )}

      {outcome?.status === "checked" && (
        <div className={styles.results} data-testid="check-result">
          <CheckSummary
            ref={statusRef}
            outcome={outcome}
            hosted={hosted}
            debug={debug}
            templateTitle={titleOf(outcome.templateId)}
            maxMarks={engine.MAX_MARKS}
            cleared={cleared}
          />
          <FindingsList
            key={run}
            findings={outcome.findings}
            hosted={hosted}
            selected={selected}
            onSelect={onSelect}
          />
        </div>
      )}
    </div>
  );
}
