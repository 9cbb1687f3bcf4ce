// Preview mode's workbook: open an .xlsx, download the current workbook, and look at its sheets.
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
import { FolderOpenRegular } from "@fluentui/react-icons/svg/folder-open";
import { useRef, useState, useSyncExternalStore, type ChangeEvent } from "react";
import { useTemplates } from "../../templates/context";
import { ErrorBar } from "../../components/ErrorBar";
import { useMessages } from "../../i18n/context";
import { templateTitle } from "../../logic/template-text";
import type { PreviewSession } from "../../session";
import { SheetViewer } from "./SheetViewer";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  heading: { margin: 0 },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    alignItems: "center",
  },
  file: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  hidden: { display: "none" },
});

export function PreviewPanel({ session }: { session: PreviewSession }) {
  const styles = useStyles();
  const { lang, messages: m } = useMessages();
  const { list: templates } = useTemplates();
  const state = useSyncExternalStore(session.store.subscribe, session.store.get);
  const input = useRef<HTMLInputElement>(null);
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<{ action: "open" | "download"; error: unknown } | null>(null);
  /** Name of the file the user opened last (the message is rendered from it in the current language). */
  const [opened, setOpened] = useState<string | null>(null);
  const wb = state.workbook;
  const openedTemplate = wb?.templateId ? templates.find(wb.templateId) : undefined;

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = ""; // the same file can be chosen again
    if (!file) return;
    setOpening(true);
    setError(null);
    setOpened(null);
    try {
      await session.openFile(file);
      setOpened(file.name);
    } catch (err) {
      setError({ action: "open", error: err });
    } finally {
      setOpening(false);
    }
  }

  function download() {
    try {
      session.download();
    } catch (err) {
      setError({ action: "download", error: err });
    }
  }

  return (
    <section className={styles.root} aria-labelledby="preview-heading" data-testid="preview-panel">
      <Text as="h2" id="preview-heading" size={400} weight="semibold" className={styles.heading}>
        {m.preview.heading}
      </Text>
      <div className={styles.toolbar}>
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => void onFile(e)}
          data-testid="open-file-input"
          tabIndex={-1}
          aria-hidden="true"
        />
        <Button
          icon={<FolderOpenRegular />}
          onClick={() => input.current?.click()}
          disabled={opening}
          aria-label={m.preview.openLabel}
        >
          {m.preview.open}
        </Button>
        <Button
          icon={<ArrowDownloadRegular />}
          appearance="primary"
          onClick={download}
          disabled={!wb}
          aria-label={wb ? m.preview.downloadLabel(wb.fileName) : undefined}
          data-testid="download-button"
        >
          {m.preview.download}
        </Button>
        {opening && <Spinner size="tiny" label={m.preview.opening} />}
      </div>
      {error && (
        <ErrorBar
          title={error.action === "open" ? m.errors.openTitle : m.errors.downloadTitle}
          error={error.error}
          onDismiss={() => setError(null)}
        />
      )}
      {opened && wb?.origin === "opened" && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {m.preview.opened(opened, wb.snapshot.sheets.length)}
            {openedTemplate && ` ${m.preview.openedTemplate(templateTitle(openedTemplate, lang))}`}
          </MessageBarBody>
        </MessageBar>
      )}
      {wb ? (
        <>
          <Text as="p" size={200} className={styles.file} data-testid="preview-file">
            {m.preview.current(wb.fileName)}
          </Text>
          <SheetViewer workbook={wb} selection={state.selection} marks={state.marks} />
        </>
      ) : (
        <Text as="p" size={200} className={styles.file}>
          {m.preview.none}
        </Text>
      )}
    </section>
  );
}
