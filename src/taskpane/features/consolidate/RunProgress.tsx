// The running consolidation: a progress bar with "Đang đọc 3/7: tệp.xlsx" and "Dừng". Once every
// file is read the workbook is being written and can no longer be stopped (a half-written
// consolidation would be worse than none), so "Dừng" goes away.
import { Button, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import { StopRegular } from "@fluentui/react-icons/svg/stop";
import { useMessages } from "../../i18n/context";
import { progressView } from "../../logic/consolidate-view";
import type { ConsolidateProgress } from "../../session";

const useStyles = makeStyles({
  root: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    alignItems: "end",
    columnGap: tokens.spacingHorizontalS,
  },
  text: { overflowWrap: "anywhere" },
});

export interface RunProgressProps {
  progress: ConsolidateProgress | null;
  writing: boolean;
  stopping: boolean;
  hosted: boolean;
  onStop: () => void;
}

export function RunProgress({ progress, writing, stopping, hosted, onStop }: RunProgressProps) {
  const styles = useStyles();
  const { messages: m } = useMessages();
  const t = m.consolidate.progress;
  const view = progress ? progressView(progress, writing) : null;
  const text = !view
    ? t.starting
    : view.phase === "writing"
      ? hosted
        ? t.writingHosted
        : t.writingPreview
      : t.reading(view.index, view.total, view.file);
  return (
    <div className={styles.root} data-testid="consolidate-progress">
      <Field
        label={t.label}
        validationState="none"
        validationMessage={
          <span className={styles.text} data-testid="consolidate-progress-text">
            {text}
          </span>
        }
        validationMessageIcon={null}
      >
        <ProgressBar
          value={view && view.phase === "reading" ? view.value : undefined}
          thickness="large"
          aria-valuetext={text}
        />
      </Field>
      {!writing && (
        <Button
          icon={<StopRegular />}
          onClick={onStop}
          disabled={stopping}
          aria-label={m.consolidate.stopLabel}
          data-testid="consolidate-stop"
        >
          {m.consolidate.stop}
        </Button>
      )}
    </div>
  );
}
