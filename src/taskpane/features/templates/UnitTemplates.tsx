// "Mẫu của đơn vị" in the gallery: the office-wide templates (templates/ next to the add-in), the
// user's own imported from a file (kept for next time, removable), and every file left out with
// why — a template's own mistakes at their place in the file, as `baocao --template-file` lists them.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowUploadRegular } from "@fluentui/react-icons/svg/arrow-upload";
import { DeleteRegular } from "@fluentui/react-icons/svg/delete";
import { useRef, useState, type ChangeEvent } from "react";
import type { Template } from "../../../core/model/load";
import { issueLine } from "../../../core/model/template-issues";
import { MessageTitle } from "../../components/MessageTitle";
import { LIBRARY, type LibraryMessages } from "../../i18n/templates";
import { useMessages } from "../../i18n/context";
import { templateTitle } from "../../logic/template-text";
import { useTemplateStore } from "../../templates/context";
import type { ListedTemplate } from "../../templates/list";
import type { FileProblem, ImportOutcome, ListedProblem } from "../../templates/store";
import { TemplateCard } from "./TemplateCard";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  text: { margin: 0, color: tokens.colorNeutralForeground2 },
  note: { margin: 0, color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  shadow: { margin: 0, color: tokens.colorPaletteMarigoldForeground2, overflowWrap: "anywhere" },
  row: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    flexWrap: "wrap",
  },
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  lines: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  line: { overflowWrap: "anywhere" },
  block: { display: "block", marginTop: tokens.spacingVerticalXS, overflowWrap: "anywhere" },
  hidden: { display: "none" },
});

/** At most this many mistakes are listed; the rest are counted (a broken file can have hundreds). */
const MAX_LINES = 20;

/** What a problem says: a sentence, and for a template's own mistakes one line per place. */
export function problemText(p: FileProblem, t: LibraryMessages): { text: string; lines: string[] } {
  switch (p.kind) {
    case "issues":
      return { text: t.issues(p.issues.length), lines: p.issues.map(issueLine) };
    case "notJson":
      return { text: t.notJson(p.detail), lines: [] };
    case "list":
      return { text: t.list(p.count), lines: [] };
    case "fileKind":
      return { text: t.fileKind, lines: [] };
    case "empty":
      return { text: t.empty, lines: [] };
    case "unreadable":
      return { text: t.unreadable(p.detail), lines: [] };
    case "index":
      return { text: t.index(p.detail), lines: [] };
    case "missing":
      return { text: t.missing(p.status), lines: [] };
  }
}

function ProblemBody({ problem, imported }: { problem: FileProblem; imported?: boolean }) {
  const styles = useStyles();
  const t = LIBRARY[useMessages().lang];
  const { text, lines } = problemText(problem, t);
  return (
    <>
      {text}
      {lines.length > 0 && (
        <ul className={styles.lines} data-testid="template-issues">
          {lines.slice(0, MAX_LINES).map((l, i) => (
            <li key={i} className={styles.line}>
              {l}
            </li>
          ))}
          {lines.length > MAX_LINES && <li>{t.moreIssues(lines.length - MAX_LINES)}</li>}
        </ul>
      )}
      {imported && problem.kind === "issues" && (
        <span className={styles.block}>{t.fixAndImport}</span>
      )}
      {problem.kind === "issues" && <span className={styles.block}>{t.help}</span>}
    </>
  );
}

type Shown =
  | { kind: "outcome"; outcome: ImportOutcome }
  | { kind: "removed"; title: string }
  | { kind: "failed"; name: string; error: unknown }
  | null;

export function UnitTemplates({
  entries,
  problems,
  onChoose,
}: {
  entries: readonly ListedTemplate[];
  problems: readonly ListedProblem[];
  onChoose: (t: Template) => void;
}) {
  const styles = useStyles();
  const { lang } = useMessages();
  const t = LIBRARY[lang];
  const store = useTemplateStore();
  const input = useRef<HTMLInputElement>(null);
  const importButton = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Shown>(null);

  async function picked(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    // The same file can be picked again after fixing it.
    e.target.value = "";
    if (!file) return;
    setBusy(true);
    setShown(null);
    try {
      setShown({
        kind: "outcome",
        outcome: await store.importFile(file.name, await file.arrayBuffer()),
      });
    } catch (error) {
      setShown({ kind: "failed", name: file.name, error });
    } finally {
      setBusy(false);
    }
  }

  function remove(e: ListedTemplate) {
    store.remove({ id: e.template.id });
    setShown({ kind: "removed", title: templateTitle(e.template, lang) });
    // The card's buttons are gone: keep keyboard users in this section.
    importButton.current?.focus();
  }

  const note = (e: ListedTemplate) => (
    <>
      <Text as="p" size={200} className={styles.note} data-testid="template-origin">
        {e.origin === "office" ? t.fromOffice : t.fromUser(e.name ?? "")}
      </Text>
      {e.shadows && (
        <Text as="p" size={200} className={styles.shadow} data-testid="template-shadows">
          {t.shadows(e.shadows.origin, e.template.id, e.shadows.version)}
          {e.shadows.origin === "builtIn" && e.origin === "user" ? ` ${t.shadowsBuiltInHint}` : ""}
        </Text>
      )}
    </>
  );

  return (
    <section
      className={styles.root}
      aria-labelledby="unit-templates-heading"
      data-testid="unit-templates"
    >
      <Text
        as="h2"
        id="unit-templates-heading"
        size={400}
        weight="semibold"
        className={styles.heading}
      >
        {t.heading}
      </Text>
      <Text as="p" size={200} className={styles.text} id="unit-templates-intro">
        {t.intro}
      </Text>
      <div className={styles.row}>
        <input
          ref={input}
          type="file"
          accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className={styles.hidden}
          onChange={(e) => void picked(e)}
          aria-label={t.importLabel}
          data-testid="template-file-input"
        />
        <Button
          ref={importButton}
          icon={<ArrowUploadRegular />}
          onClick={() => input.current?.click()}
          disabled={busy}
          aria-describedby="unit-templates-intro"
        >
          {t.import}
        </Button>
        {busy && <Spinner size="tiny" label={t.importing} />}
      </div>
      <div aria-live="polite" data-testid="template-import-result">
        {shown?.kind === "outcome" && shown.outcome.ok && (
          <MessageBar intent={shown.outcome.persisted ? "success" : "warning"} layout="multiline">
            <MessageBarBody>
              <MessageTitle>{t.added(templateTitle(shown.outcome.template, lang))}</MessageTitle>
              {t.addedBody}
              {shown.outcome.replaced &&
                ` ${t.shadows(shown.outcome.replaced.origin, shown.outcome.template.id, shown.outcome.replaced.version)}`}
              {!shown.outcome.persisted && ` ${t.notKept}`}
            </MessageBarBody>
          </MessageBar>
        )}
        {shown?.kind === "outcome" && !shown.outcome.ok && (
          <MessageBar intent="error" layout="multiline" data-testid="template-import-error">
            <MessageBarBody>
              <MessageTitle>{t.failed(shown.outcome.name)}</MessageTitle>
              <ProblemBody problem={shown.outcome.problem} imported />
            </MessageBarBody>
          </MessageBar>
        )}
        {shown?.kind === "failed" && (
          <MessageBar intent="error" layout="multiline" data-testid="template-import-error">
            <MessageBarBody>
              <MessageTitle>{t.failed(shown.name)}</MessageTitle>
              {t.unreadable(
                shown.error instanceof Error ? shown.error.message : String(shown.error)
              )}
            </MessageBarBody>
          </MessageBar>
        )}
        {shown?.kind === "removed" && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{t.removed(shown.title)}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {problems.map((p) => (
        <MessageBar
          key={`${p.origin}:${p.name}`}
          intent="warning"
          layout="multiline"
          data-testid="template-file-problem"
        >
          <MessageBarBody>
            <MessageTitle>
              {p.origin === "office" ? t.officeProblem(p.name) : t.storedProblem(p.name)}
            </MessageTitle>
            <ProblemBody problem={p.problem} />
            <span className={styles.block}>
              {p.origin === "office" ? t.officeProblemHint : t.storedProblemHint}
            </span>
          </MessageBarBody>
          {p.origin === "user" && (
            <MessageBarActions>
              <Button
                size="small"
                icon={<DeleteRegular />}
                onClick={() => store.remove({ name: p.name })}
                aria-label={t.removeStoredLabel(p.name)}
              >
                {t.removeStored}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      ))}
      {entries.length === 0 ? (
        <Text as="p" size={200} className={styles.note}>
          {t.none}
        </Text>
      ) : (
        <div role="list" className={styles.list} aria-labelledby="unit-templates-heading">
          {entries.map((e) => (
            <TemplateCard
              key={e.template.id}
              template={e.template}
              onChoose={onChoose}
              note={note(e)}
              actions={
                e.origin === "user" && (
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<DeleteRegular />}
                    onClick={() => remove(e)}
                    aria-label={t.removeLabel(templateTitle(e.template, lang))}
                  >
                    {t.remove}
                  </Button>
                )
              }
            />
          ))}
        </div>
      )}
    </section>
  );
}
