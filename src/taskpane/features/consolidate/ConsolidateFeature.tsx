// The "Tổng hợp" tab: the user picks the units' workbooks and options, "Tổng hợp" reads them one
// by one (progress bar, "Dừng" really stops and leaves nothing written), and the consolidated
// workbook is inserted into the open workbook (hosted) or shown and offered for download (preview).
// Same core and driver as `baocao consolidate`, so the pane and the CLI decide alike.
import {
  Button,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { TableStackBelowRegular } from "@fluentui/react-icons/svg/table-stack-below";
import { useCallback, useEffect, useRef, useState } from "react";
import { useConfirm } from "../../components/ConfirmDialog";
import { FEATURE_LAYOUT } from "../../components/feature-layout";
import { ErrorBar } from "../../components/ErrorBar";
import { MessageTitle } from "../../components/MessageTitle";
import { useTemplates } from "../../templates/context";
import { useMessages } from "../../i18n/context";
import {
  EMPTY_FORM,
  defaultUnitsText,
  resolveForm,
  type ConsolidateForm,
  type FormProblem,
} from "../../logic/consolidate-view";
import { existingTemplateName, templateTitle } from "../../logic/template-text";
import type { ConsolidateOutcome, ConsolidateProgress, ExistingTemplate } from "../../session";
import type { FeatureProps } from "../registry";
import { SheetList } from "../templates/SheetList";
import { ConsolidationResult } from "./ConsolidationResult";
import { FilePicker } from "./FilePicker";
import { OptionsForm } from "./OptionsForm";
import { RunProgress } from "./RunProgress";
import type { ReturnNoteView } from "./ReturnNotePanel";
import type { Approval } from "../../../core/consolidate/round";
import { returnNote, returnNoteName } from "../../../core/consolidate/return-note";
import type { SourceRecord } from "../../../core/data/types";
import { approveFile, preferFile } from "../../logic/consolidate-view";
import { DOCX_MIME, downloadBytes } from "../export/download";

/** Today in Vietnam (UTC+7), the date a return note carries. */
const todayInVietnam = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

const useStyles = makeStyles({
  ...FEATURE_LAYOUT,
  run: { alignSelf: "flex-start", minWidth: "128px" },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

interface Running {
  progress: ConsolidateProgress | null;
  writing: boolean;
  stopping: boolean;
}

export function ConsolidateFeature({
  session,
  debug,
  disabled,
  openFeature,
  hasFeature,
}: FeatureProps) {
  const styles = useStyles();
  const { lang, messages: m } = useMessages();
  const t = m.consolidate;
  const { dialog, choose } = useConfirm();
  const hosted = session.mode === "hosted";
  // The pane's list (built-in, office-wide, the user's own); empty built-ins when they failed to
  // load, which the Mẫu báo cáo tab reports: here "Tự động" still works.
  const { list } = useTemplates();
  const templates = list.templates;

  const [files, setFiles] = useState<File[]>([]);
  const [form, setForm] = useState<ConsolidateForm>(EMPTY_FORM);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [running, setRunning] = useState<Running | null>(null);
  const [outcome, setOutcome] = useState<ConsolidateOutcome | null>(null);
  const [runs, setRuns] = useState(0);
  const [error, setError] = useState<{ title: string; error: unknown } | null>(null);
  // The round's decisions, kept for every later run of this tab: files preferred for their unit
  // ("Dùng tệp này") and files approved ("Duyệt").
  const [prefer, setPrefer] = useState<string[]>([]);
  const [approvals, setApprovals] = useState<Approval[]>([]);
  const [note, setNote] = useState<(ReturnNoteView & { source: SourceRecord }) | null>(null);
  const abort = useRef<AbortController | null>(null);
  const progressUpdates = useRef(0);
  const resultRef = useRef<HTMLDivElement>(null);

  // Keyboard and screen-reader users land on the outcome.
  useEffect(() => {
    if (outcome && outcome.status !== "cancelled") resultRef.current?.focus();
  }, [outcome]);
  // A run still reading when the pane goes away stops (nothing is written).
  useEffect(() => () => abort.current?.abort(), []);

  const titleOf = useCallback(
    (id: string) => {
      const found = list.find(id);
      return found ? templateTitle(found, lang) : id;
    },
    [list, lang]
  );

  function update(change: Partial<ConsolidateForm>) {
    setForm((f) => {
      const next = { ...f, ...change };
      // Choosing a template fills the expected units with its list, unless the user typed one.
      if (change.template !== undefined && change.template !== f.template) {
        const before = defaultUnitsText(list.find(f.template));
        if (f.unitsText.trim() === "" || f.unitsText === before)
          next.unitsText = defaultUnitsText(list.find(change.template));
      }
      return next;
    });
    if (problems.length > 0) setProblems([]);
  }

  async function confirmReplace(existing: ExistingTemplate): Promise<boolean | "newWorkbook"> {
    const name = existingTemplateName(existing.templateId, list.find, lang, m);
    // Excel 2019 cannot open a workbook from the pane: replace or keep, as before.
    const newWorkbook = session.mode === "hosted" && session.canOpenNewWorkbook;
    const answer = await choose({
      title: m.replace.title,
      body: (
        <SheetList
          intro={m.replace.body(`"${name}"`)}
          sheets={existing.sheets}
          outro={
            newWorkbook
              ? `${m.replace.keepOthers} ${m.replace.newWorkbookHint}`
              : m.replace.keepOthers
          }
        />
      ),
      confirm: m.replace.confirm,
      cancel: m.replace.cancel,
      danger: true,
      alternative: newWorkbook ? m.replace.newWorkbook : undefined,
    });
    return answer === "alternative" ? "newWorkbook" : answer === "confirm";
  }

  async function run(round?: { prefer: string[]; approvals: Approval[] }) {
    if (running || disabled) return;
    const decisions = round ?? { prefer, approvals };
    // Redoing the same consolidation for the user's own click replaces the consolidation it
    // wrote just before without asking again; anything else asks as usual.
    const previous = outcome && outcome.status === "written" ? outcome.result.template?.id : null;
    const replace = async (existing: ExistingTemplate) =>
      round !== undefined && previous !== null && existing.templateId === previous
        ? true
        : confirmReplace(existing);
    const resolved = resolveForm(form, files.length, list.find);
    if (!resolved.ok) {
      setProblems(resolved.problems);
      return;
    }
    setProblems([]);
    setError(null);
    setOutcome(null);
    setNote(null);
    const controller = new AbortController();
    abort.current = controller;
    progressUpdates.current = 0;
    setRunning({ progress: null, writing: false, stopping: false });
    try {
      const choices = { ...resolved.choices };
      if (decisions.prefer.length > 0) choices.prefer = decisions.prefer;
      if (decisions.approvals.length > 0) choices.approvals = decisions.approvals;
      const result = await session.consolidate(files, choices, {
        signal: controller.signal,
        onProgress: (progress) => {
          progressUpdates.current++;
          setRunning((r) => r && { ...r, progress });
        },
        onWriting: () => setRunning((r) => r && { ...r, writing: true }),
        confirmReplace: replace,
      });
      setOutcome(result);
      setRuns((n) => n + 1);
    } catch (err) {
      setError({ title: t.errorTitle, error: err });
    } finally {
      abort.current = null;
      setRunning(null);
    }
  }

  function preferAndRun(file: string) {
    if (!outcome || outcome.status === "cancelled") return;
    const next = preferFile(prefer, outcome.result.sources, file);
    setPrefer(next);
    void run({ prefer: next, approvals });
  }

  function approveAndRun(source: SourceRecord) {
    const next = approveFile(approvals, source, new Date().toISOString());
    setApprovals(next);
    void run({ prefer, approvals: next });
  }

  function openReturnNote(source: SourceRecord) {
    if (!outcome || outcome.status === "cancelled") return;
    const template = list.find(source.template ?? outcome.result.template?.id ?? "");
    if (!template) return;
    const made = returnNote(template, source, outcome.result.issues[source.file] ?? [], {
      issuer: form.issuer.replace(/\s+/g, " ").trim() || undefined,
      date: todayInVietnam(),
    });
    if (made) setNote({ unit: made.unit, file: made.file, text: made.text, source });
  }

  async function downloadReturnNote() {
    if (!note || !outcome || outcome.status === "cancelled") return;
    try {
      const template = list.find(note.source.template ?? outcome.result.template?.id ?? "");
      const made =
        template &&
        returnNote(template, note.source, outcome.result.issues[note.source.file] ?? [], {
          issuer: form.issuer.replace(/\s+/g, " ").trim() || undefined,
          date: todayInVietnam(),
        });
      if (!made) return;
      // The Word writer is large: loaded only when a note is downloaded.
      const { renderDocx } = await import(
        /* webpackChunkName: "return-note" */ "../../../adapters/docx"
      );
      downloadBytes(
        await renderDocx(made.document),
        `${returnNoteName(made.unit)}.docx`,
        DOCX_MIME
      );
    } catch (err) {
      setError({ title: t.returnNote.downloadTitle, error: err });
    }
  }

  function stop() {
    abort.current?.abort();
    setRunning((r) => r && { ...r, stopping: true });
  }

  async function selectSheet(sheet: string) {
    try {
      await session.selectCell(sheet, "A1");
    } catch (err) {
      setError({ title: t.sheets.selectTitle, error: err });
    }
  }

  function download() {
    if (session.mode !== "preview") return;
    try {
      session.download();
    } catch (err) {
      setError({ title: m.errors.downloadTitle, error: err });
    }
  }

  const busy = running !== null;
  const formProblems = problems.filter((p) => p.kind === "noFiles" || p.kind === "units");
  const canOpenTargets = hasFeature?.("targets") === true && openFeature !== undefined;

  return (
    // data-runs: finished runs, for tests to wait on the next outcome.
    <div className={styles.root} data-runs={runs} data-testid="consolidate-feature">
      <div className={styles.intro}>
        <Text as="h2" size={400} weight="semibold" className={styles.heading}>
          {t.heading}
        </Text>
        <Text as="p" size={200} className={styles.text}>
          {hosted ? t.introHosted : t.introPreview}
        </Text>
      </div>

      <FilePicker
        files={files}
        onChange={(next) => {
          setFiles(next);
          if (problems.length > 0) setProblems([]);
        }}
        disabled={disabled || busy}
      />
      <OptionsForm
        form={form}
        templates={templates}
        onChange={update}
        problems={problems}
        disabled={disabled || busy}
      />

      {formProblems.length > 0 && (
        <MessageBar intent="error" layout="multiline" role="alert" data-testid="consolidate-fix">
          <MessageBarBody>
            <MessageTitle>{t.problems.title}</MessageTitle>
            <ul className={styles.problems}>
              {formProblems.map((p) => (
                <li key={p.kind}>{p.kind === "noFiles" ? t.problems.noFiles : t.problems.units}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      {running ? (
        <RunProgress
          progress={running.progress}
          writing={running.writing}
          stopping={running.stopping}
          hosted={hosted}
          onStop={stop}
        />
      ) : (
        <Button
          className={styles.run}
          appearance="primary"
          size="large"
          icon={<TableStackBelowRegular />}
          onClick={() => void run()}
          disabled={disabled}
          data-testid="consolidate-run"
        >
          {t.run}
        </Button>
      )}

      {error !== null && (
        <ErrorBar title={error.title} error={error.error} onDismiss={() => setError(null)} />
      )}

      {outcome?.status === "cancelled" && (
        <MessageBar intent="info" data-testid="consolidate-cancelled">
          <MessageBarBody>{hosted ? t.cancelledHosted : t.cancelledPreview}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && outcome.status !== "cancelled" && (
        <ConsolidationResult
          ref={resultRef}
          outcome={outcome}
          hosted={hosted}
          templateTitle={titleOf}
          onSelectSheet={(sheet) => void selectSheet(sheet)}
          onDownload={session.mode === "preview" ? download : null}
          onOpenTargets={canOpenTargets ? () => openFeature?.("targets") : null}
          debugProgress={debug ? progressUpdates.current : null}
          actions={{
            onPrefer: preferAndRun,
            onApprove: approveAndRun,
            onReturn: openReturnNote,
            disabled: disabled || busy,
          }}
          note={
            note && {
              view: note,
              onDownload: () => void downloadReturnNote(),
              onClose: () => setNote(null),
            }
          }
        />
      )}
      {dialog}
    </div>
  );
}
