// The "Xuất Word" tab: reads the workbook (either mode), shows what the draft will hold (template,
// period, sections with figures, validation errors: a draft can still be exported, and the tab
// says so), the settings users decide, then builds the .docx in a Web Worker (the pane stays
// responsive) and hands it over as a download. Where downloads never arrive (Excel on Mac), or
// when the user says the file did not come, it offers to copy the draft or open BáoCáo in the
// browser. The workbook is only read.
import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons/svg/arrow-download";
import { ArrowSyncRegular } from "@fluentui/react-icons/svg/arrow-sync";
import { DocumentArrowDownRegular } from "@fluentui/react-icons/svg/document-arrow-down";
import { useCallback, useEffect, useRef, useState } from "react";
import { FEATURE_LAYOUT } from "../../components/feature-layout";
import { ErrorBar } from "../../components/ErrorBar";
import { MessageTitle } from "../../components/MessageTitle";
import { useTemplates } from "../../templates/context";
import { localeOf } from "../../i18n";
import { useMessages } from "../../i18n/context";
import { templateTitle } from "../../logic/template-text";
import { usePreviewState } from "../../session/usePreviewState";
import type { FeatureProps } from "../registry";
import { useVisible } from "./useVisible";
import { settingsOf, storeChoices, storedChoices, type ExportChoices } from "./choices";
import { DraftFallback } from "./DraftFallback";
import { DOCX_MIME, downloadBytes } from "./download";
import { ExportSummaryView } from "./ExportSummaryView";
import { ExportSettings } from "./ExportSettings";
import { draftFileName } from "./file-name";
import { loadExportEngine } from "./load";
import { downloadsBlocked } from "./platform";
import type { ExportPreparation } from "../../engine/export";

const useStyles = makeStyles({
  ...FEATURE_LAYOUT,
  run: { minWidth: "128px" },
  line: { display: "block", marginTop: tokens.spacingVerticalXXS, overflowWrap: "anywhere" },
  debug: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
});

type Action = "read" | "export";

interface Exported {
  fileName: string;
  bytes: Uint8Array;
  html: string;
  text: string;
  worker: boolean;
  ms: number;
  errors: number;
}

export function ExportFeature({ session, debug, disabled }: FeatureProps) {
  const styles = useStyles();
  const { lang, messages: m } = useMessages();
  const { list: templates } = useTemplates();
  const hosted = session.mode === "hosted";
  const mac = hosted && downloadsBlocked();
  const preview = usePreviewState(session);
  const [busy, setBusy] = useState<Action | null>(null);
  const [prepared, setPrepared] = useState<ExportPreparation | null>(null);
  const [choices, setChoices] = useState<ExportChoices>(() => storedChoices());
  const [exported, setExported] = useState<Exported | null>(null);
  /** Changes with every export, for tests to wait on the next one. */
  const [runs, setRuns] = useState(0);
  const [fallback, setFallback] = useState(false);
  const [error, setError] = useState<{ action: Action; error: unknown } | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const visible = useVisible(rootRef);
  /** The summary is of another workbook (or none was read yet): read when the tab is shown. */
  const [stale, setStale] = useState(true);

  const titleOf = useCallback(
    (id: string) => {
      const t = templates.find(id);
      return t ? templateTitle(t, lang) : id;
    },
    [templates, lang]
  );

  /** Reads the workbook as it is now; null when another workbook was opened meanwhile. */
  const read = useCallback(async (): Promise<ExportPreparation | null> => {
    const before = session.mode === "preview" ? session.store.get().workbook : null;
    const [snapshot, exportEngine] = await Promise.all([
      session.readWorkbook(),
      loadExportEngine(),
    ]);
    if (session.mode === "preview" && session.store.get().workbook !== before) return null;
    const p = exportEngine.prepareExport(snapshot);
    setPrepared(p);
    return p;
  }, [session]);

  const refresh = useCallback(async () => {
    setBusy("read");
    setError(null);
    try {
      await read();
    } catch (err) {
      setError({ action: "read", error: err });
    } finally {
      setBusy(null);
    }
  }, [read]);

  // What will be written: read when the tab is shown, and again for each workbook opened.
  const workbook = preview?.workbook ?? null;
  useEffect(() => {
    setExported(null);
    setFallback(false);
    setStale(true);
  }, [workbook]);
  useEffect(() => {
    if (!visible || !stale || disabled) return;
    setStale(false);
    void refresh();
  }, [visible, stale, disabled, refresh]);

  useEffect(() => {
    if (exported) doneRef.current?.focus();
  }, [exported]);

  function changeChoices(c: ExportChoices) {
    setChoices(c);
    storeChoices(c);
  }

  async function run() {
    setBusy("export");
    setError(null);
    setExported(null);
    try {
      // Read again: the export is of the workbook as it is now, not as it was when the tab opened.
      const p = await read();
      if (!p?.ok) return;
      const exportEngine = await loadExportEngine();
      const t0 = performance.now();
      const r = await exportEngine.runExport({ ...p.inputs, settings: settingsOf(choices) });
      const fileName = draftFileName(p.summary.templateId, p.summary.periodCode);
      // Excel on Mac ignores the download: the fallback below takes its place.
      if (!mac) downloadBytes(r.bytes, fileName, DOCX_MIME);
      setExported({
        fileName,
        bytes: r.bytes,
        html: r.html,
        text: r.text,
        worker: r.thread === "worker",
        ms: Math.round(performance.now() - t0),
        errors: p.summary.errors,
      });
      setFallback(mac);
      setRuns((n) => n + 1);
    } catch (err) {
      setError({ action: "export", error: err });
    } finally {
      setBusy(null);
    }
  }

  const size = exported
    ? `${Math.max(1, Math.round(exported.bytes.length / 1024)).toLocaleString(localeOf(lang))} KB`
    : "";
  const ready = prepared?.ok === true;

  return (
    <div className={styles.root} data-exports={runs} ref={rootRef}>
      <div className={styles.intro}>
        <Text as="h2" size={400} weight="semibold" className={styles.heading}>
          {m.export.heading}
        </Text>
        <Text as="p" size={200} className={styles.text}>
          {hosted ? m.export.introHosted : m.export.introPreview}
        </Text>
        <Text as="p" size={200} className={styles.text} data-testid="export-tokens">
          {m.export.tokens}
        </Text>
      </div>

      {prepared?.ok === false && (
        <MessageBar
          intent={prepared.problem.kind === "noWorkbook" ? "info" : "warning"}
          layout="multiline"
          data-testid="export-problem"
        >
          <MessageBarBody>
            <MessageTitle>{m.export.problemTitle}</MessageTitle>
            {problemText(prepared, m, titleOf)}
          </MessageBarBody>
        </MessageBar>
      )}

      {prepared?.ok && (
        <ExportSummaryView
          summary={prepared.summary}
          templateTitle={titleOf(prepared.summary.templateId)}
        />
      )}

      <ExportSettings
        choices={choices}
        onChange={changeChoices}
        disabled={disabled || busy !== null}
      />

      <div className={styles.actions}>
        <Button
          className={styles.run}
          appearance="primary"
          size="large"
          icon={<DocumentArrowDownRegular />}
          onClick={() => void run()}
          disabled={disabled || busy !== null || !ready}
          data-testid="export-button"
        >
          {m.export.run}
        </Button>
        <Button
          icon={<ArrowSyncRegular />}
          onClick={() => void refresh()}
          disabled={disabled || busy !== null}
          data-testid="export-reread-button"
        >
          {m.export.reread}
        </Button>
        {busy !== null && (
          <Spinner
            size="tiny"
            label={busy === "read" ? m.export.reading : m.export.running}
            aria-live="polite"
            data-testid="export-busy"
          />
        )}
      </div>

      {error !== null && (
        <ErrorBar
          title={error.action === "export" ? m.export.exportTitle : m.export.problemTitle}
          error={error.error}
          onDismiss={() => setError(null)}
        />
      )}

      {exported && !mac && (
        <MessageBar
          intent={exported.errors > 0 ? "warning" : "success"}
          layout="multiline"
          data-testid="export-done"
          data-file={exported.fileName}
        >
          <MessageBarBody>
            <div ref={doneRef} tabIndex={-1} style={{ outline: "none" }}>
              <MessageTitle>{m.export.done(exported.fileName, size)}</MessageTitle>
            </div>
            {m.export.doneHint}
            {exported.errors > 0 && <span className={styles.line}>{m.export.doneDraft}</span>}
            <span className={styles.line}>
              <Link
                as="button"
                onClick={() => downloadBytes(exported.bytes, exported.fileName, DOCX_MIME)}
                data-testid="download-again"
              >
                <ArrowDownloadRegular style={{ verticalAlign: "middle" }} />{" "}
                {m.export.downloadAgain}
              </Link>
              {!fallback && (
                <>
                  {" · "}
                  <Link as="button" onClick={() => setFallback(true)} data-testid="not-arrived">
                    {m.export.notArrived}
                  </Link>
                </>
              )}
            </span>
          </MessageBarBody>
        </MessageBar>
      )}

      {exported && fallback && (
        <div ref={mac ? doneRef : undefined} tabIndex={-1} style={{ outline: "none" }}>
          <DraftFallback html={exported.html} text={exported.text} mac={mac} hosted={hosted} />
        </div>
      )}

      {debug && exported && (
        <Text size={200} className={styles.debug} data-testid="export-debug">
          {m.export.debugThread(exported.worker, exported.ms)}
        </Text>
      )}
    </div>
  );
}

function problemText(
  p: Extract<ExportPreparation, { ok: false }>,
  m: ReturnType<typeof useMessages>["messages"],
  titleOf: (id: string) => string
): string {
  const t = m.export.problems;
  const problem = p.problem;
  switch (problem.kind) {
    case "noWorkbook":
      return t.noWorkbook;
    case "notBaoCao":
      return t.notBaoCao;
    case "unknownTemplate":
      return t.unknownTemplate(problem.templateId);
    case "editedDefinition":
      return t.editedDefinition(problem.templateId, problem.cell);
    case "incompatible":
      return t.incompatible(titleOf(problem.templateId), problem.version, problem.supported);
  }
}
