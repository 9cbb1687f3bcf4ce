// The units' files: a drop zone with "Chọn tệp…" (several at once), the list of chosen files with a
// remove button on each, and a note on what was not added (not .xlsx, Excel's lock files, repeats).
import {
  Button,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons/svg/dismiss";
import { DocumentMultipleRegular } from "@fluentui/react-icons/svg/document-multiple";
import { useRef, useState, type ChangeEvent, type DragEvent } from "react";
import { localeOf } from "../../i18n";
import { useMessages } from "../../i18n/context";
import { addPickedFiles, type AddedFiles } from "../../logic/consolidate-files";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  label: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  zone: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    textAlign: "center",
  },
  dragging: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  zoneText: { color: tokens.colorNeutralForeground2 },
  count: { margin: 0, color: tokens.colorNeutralForeground2 },
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    maxHeight: "240px",
    overflowY: "auto",
    overscrollBehavior: "contain",
  },
  item: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto auto",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS} ${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    ":not(:first-child)": {
      borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    },
  },
  name: { overflowWrap: "anywhere", fontSize: tokens.fontSizeBase200 },
  size: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  clear: { alignSelf: "flex-start" },
  hidden: { display: "none" },
});

/** File names as the messages list them: "a.xls", "b.pdf". */
const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(", ");

export interface FilePickerProps {
  files: readonly File[];
  onChange: (files: File[]) => void;
  disabled: boolean;
}

export function FilePicker({ files, onChange, disabled }: FilePickerProps) {
  const styles = useStyles();
  const { lang, messages: m } = useMessages();
  const t = m.consolidate.files;
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [added, setAdded] = useState<AddedFiles<File> | null>(null);
  const kb = (bytes: number) =>
    (bytes / 1024).toLocaleString(localeOf(lang), { maximumFractionDigits: 0 });

  function add(incoming: readonly File[]) {
    const r = addPickedFiles(files, incoming);
    setAdded(r);
    onChange(r.files);
  }

  function onInput(e: ChangeEvent<HTMLInputElement>) {
    const picked = Array.from(e.target.files ?? []);
    e.target.value = ""; // the same files can be chosen again
    if (picked.length > 0) add(picked);
  }

  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setDragging(false);
    if (disabled) return;
    const dropped = Array.from(e.dataTransfer.files ?? []);
    if (dropped.length > 0) add(dropped);
  }

  const notes = added
    ? [
        added.notXlsx.length > 0 ? t.notXlsx(quoted(added.notXlsx)) : "",
        added.lockFiles.length > 0 ? t.lockFiles(quoted(added.lockFiles)) : "",
        added.repeated > 0 ? t.repeated(added.repeated) : "",
      ].filter(Boolean)
    : [];

  return (
    <section className={styles.root} aria-labelledby="consolidate-files-label">
      <Text as="h3" size={300} id="consolidate-files-label" className={styles.label}>
        {t.label}
      </Text>
      <div
        className={mergeClasses(styles.zone, dragging && styles.dragging)}
        role="group"
        aria-label={t.dropLabel}
        data-testid="consolidate-drop"
        onDragOver={(e) => {
          e.preventDefault();
          if (!disabled) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Text size={200} className={styles.zoneText}>
          {t.drop}
        </Text>
        <Button
          size="small"
          icon={<DocumentMultipleRegular />}
          onClick={() => input.current?.click()}
          disabled={disabled}
          aria-label={t.chooseLabel}
          data-testid="consolidate-choose"
        >
          {t.choose}
        </Button>
      </div>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={onInput}
        data-testid="consolidate-file-input"
        tabIndex={-1}
        aria-hidden="true"
      />
      <Text as="p" size={200} className={styles.count} aria-live="polite">
        {t.count(files.length)}
      </Text>
      {notes.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="consolidate-pick-note">
          <MessageBarBody>{notes.join(" ")}</MessageBarBody>
        </MessageBar>
      )}
      {files.length > 0 && (
        <>
          <ul className={styles.list} aria-label={t.listLabel} data-testid="consolidate-files">
            {files.map((f, i) => (
              <li key={`${f.name}-${f.size}-${f.lastModified}`} className={styles.item}>
                <span className={styles.name} data-testid="consolidate-file">
                  {f.name}
                </span>
                <span className={styles.size}>{t.size(kb(f.size))}</span>
                <Button
                  appearance="subtle"
                  size="small"
                  icon={<DismissRegular />}
                  onClick={() => {
                    setAdded(null);
                    onChange(files.filter((_, j) => j !== i));
                  }}
                  disabled={disabled}
                  aria-label={t.removeLabel(f.name)}
                  title={t.remove}
                  data-testid="consolidate-file-remove"
                />
              </li>
            ))}
          </ul>
          <Button
            className={styles.clear}
            appearance="transparent"
            size="small"
            onClick={() => {
              setAdded(null);
              onChange([]);
            }}
            disabled={disabled}
          >
            {t.clear}
          </Button>
        </>
      )}
    </section>
  );
}
