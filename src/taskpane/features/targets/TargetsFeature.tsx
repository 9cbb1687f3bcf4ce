// The "Chỉ tiêu" tab: reads the workbook (either mode) and shows each target's completion as a bar
// with its status, a summary "Đạt/vượt 9/15 chỉ tiêu", and per-unit targets. In Excel it can also
// draw the same as a native chart on the Chỉ tiêu sheet, and remove it again. Reading never writes.
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowSyncRegular } from "@fluentui/react-icons/svg/arrow-sync";
import { TargetRegular } from "@fluentui/react-icons/svg/target";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { FEATURE_LAYOUT } from "../../components/feature-layout";
import { ErrorBar } from "../../components/ErrorBar";
import { MessageTitle } from "../../components/MessageTitle";
import { useEngine } from "../../engine/context";
import { useTemplates } from "../../templates/context";
import { useMessages } from "../../i18n/context";
import { templateTitle } from "../../logic/template-text";
import type { TargetsReading } from "../../logic/targets-read";
import { usePreviewState } from "../../session/usePreviewState";
import type { FeatureProps } from "../registry";
import { ChartActions } from "./ChartActions";
import { TargetsList } from "./TargetsList";
import { problemText } from "./problems";

const useStyles = makeStyles({
  ...FEATURE_LAYOUT,
  read: { minWidth: "128px" },
  results: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  summary: { outline: "none" },
  line: { display: "block", marginTop: tokens.spacingVerticalXXS, overflowWrap: "anywhere" },
});

export function TargetsFeature({ session, debug, disabled }: FeatureProps) {
  const styles = useStyles();
  const { lang, messages: m } = useMessages();
  const engine = useEngine();
  const { list: templates } = useTemplates();
  const hosted = session.mode === "hosted";
  const preview = usePreviewState(session);
  const [busy, setBusy] = useState(false);
  const [reading, setReading] = useState<TargetsReading | null>(null);
  /** Changes with every reading, so the chart part starts afresh. */
  const [run, setRun] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const workbook = preview?.workbook ?? null;
  useEffect(() => setReading(null), [workbook]);

  useEffect(() => {
    if (reading?.ok) summaryRef.current?.focus();
  }, [reading]);

  const titleOf = useCallback(
    (id: string) => {
      const t = templates.find(id);
      return t ? templateTitle(t, lang) : id;
    },
    [templates, lang]
  );
  const withTargets = useMemo(
    () =>
      templates.templates
        .filter(engine.hasTargets)
        .map((t) => `"${templateTitle(t, lang)}"`)
        .join(", "),
    [engine, templates, lang]
  );

  // Built at render, so switching the language rewords the list without reading again.
  const view = useMemo(
    () => (reading?.ok ? engine.buildTargetsView(reading.template, reading.data, lang, m) : null),
    [engine, reading, lang, m]
  );

  async function read() {
    setBusy(true);
    setError(null);
    const before = session.mode === "preview" ? session.store.get().workbook : null;
    try {
      const snapshot = await session.readWorkbook();
      if (session.mode === "preview" && session.store.get().workbook !== before) return;
      setReading(await engine.readTargets(snapshot));
      setRun((n) => n + 1);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    // data-reads: how many readings finished, for tests to wait on the next one.
    <div className={styles.root} data-reads={run}>
      <div className={styles.intro}>
        <Text as="h2" size={400} weight="semibold" className={styles.heading}>
          {m.targets.heading}
        </Text>
        <Text as="p" size={200} className={styles.text}>
          {hosted ? m.targets.introHosted : m.targets.introPreview}
        </Text>
      </div>

      <div className={styles.actions}>
        <Button
          className={styles.read}
          appearance="primary"
          size="large"
          icon={reading ? <ArrowSyncRegular /> : <TargetRegular />}
          onClick={() => void read()}
          disabled={disabled || busy}
          data-testid="targets-read-button"
        >
          {reading ? m.targets.refresh : m.targets.read}
        </Button>
        {busy && <Spinner size="tiny" label={m.targets.reading} aria-live="polite" />}
      </div>

      {error !== null && (
        <ErrorBar title={m.targets.readTitle} error={error} onDismiss={() => setError(null)} />
      )}

      {reading && !reading.ok && (
        <MessageBar
          intent={reading.problem.kind === "noWorkbook" ? "info" : "warning"}
          layout="multiline"
          data-testid="targets-problem"
        >
          <MessageBarBody>
            <MessageTitle>{m.targets.problemTitle}</MessageTitle>
            {problemText(reading.problem, m, titleOf, withTargets)}
          </MessageBarBody>
        </MessageBar>
      )}

      {reading?.ok && view && (
        <div className={styles.results} data-testid="targets-result">
          {view.rows.length > 0 && (
            <MessageBar
              intent={
                view.summary.achieved === view.summary.total && view.summary.total > 0
                  ? "success"
                  : "info"
              }
              layout="multiline"
              data-testid="targets-summary"
            >
              <MessageBarBody>
                <div ref={summaryRef} tabIndex={-1} className={styles.summary}>
                  <MessageTitle>{view.summary.text}</MessageTitle>
                </div>
                {view.summary.detail && <span className={styles.line}>{view.summary.detail}</span>}
                <span className={styles.line}>
                  {m.targets.template(titleOf(reading.template.id))}
                </span>
              </MessageBarBody>
            </MessageBar>
          )}
          {reading.targetsSheet && view.rows.length > 0 && (
            <ChartActions
              key={run}
              session={session}
              sheetName={reading.targetsSheet}
              targetIds={reading.template.targets.map((t) => t.id)}
              debug={debug}
              disabled={disabled}
            />
          )}
          <TargetsList view={view} />
        </div>
      )}
    </div>
  );
}
