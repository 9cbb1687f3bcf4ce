// "Trả lại": the return note of one unit's file — its text to copy (e-mail, chat) and the same
// note as a Word document in the official format. The note is built by the core (return-note.ts),
// as `baocao review` builds it; it is Vietnamese whatever the pane's language, since the unit
// receives it.
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons/svg/arrow-download";
import { CopyRegular } from "@fluentui/react-icons/svg/copy";
import { useEffect, useRef, useState } from "react";
import { useMessages } from "../../i18n/context";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  heading: { margin: 0, overflowWrap: "anywhere" },
  hint: { margin: 0, color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface ReturnNoteView {
  unit: string;
  file: string;
  text: string;
}

async function copyText(text: string, box: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older webviews: select the box's text and copy it the old way.
    if (!box) return false;
    box.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    }
  }
}

export function ReturnNotePanel({
  note,
  onDownload,
  onClose,
}: {
  note: ReturnNoteView;
  onDownload: () => void;
  onClose: () => void;
}) {
  const styles = useStyles();
  const { messages: m } = useMessages();
  const t = m.consolidate.returnNote;
  const box = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const root = useRef<HTMLElement>(null);
  // Opened from a button further down the files' list: bring it into view.
  useEffect(() => {
    setCopied(null);
    root.current?.scrollIntoView?.({ block: "nearest" });
  }, [note.file]);

  return (
    <section
      ref={root}
      className={styles.root}
      data-testid="return-note"
      data-file={note.file}
      aria-label={t.heading(note.unit)}
    >
      <Text as="h3" size={300} weight="semibold" className={styles.heading}>
        {t.heading(note.unit)}
      </Text>
      <Text as="p" size={200} className={styles.hint}>
        {t.hint}
      </Text>
      <Field label={t.textLabel}>
        <Textarea
          ref={box}
          value={note.text}
          readOnly
          rows={10}
          resize="vertical"
          lang="vi"
          data-testid="return-note-text"
        />
      </Field>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<CopyRegular />}
          onClick={() => void copyText(note.text, box.current).then(setCopied)}
          data-testid="return-note-copy"
        >
          {t.copy}
        </Button>
        <Button
          icon={<ArrowDownloadRegular />}
          onClick={onDownload}
          data-testid="return-note-download"
        >
          {t.download}
        </Button>
        <Button appearance="subtle" onClick={onClose}>
          {t.close}
        </Button>
      </div>
      {copied !== null && (
        <MessageBar intent={copied ? "success" : "warning"} role="status">
          <MessageBarBody>{copied ? t.copied : t.copyFailed}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
