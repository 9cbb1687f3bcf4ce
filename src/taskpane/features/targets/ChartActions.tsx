// "Vẽ biểu đồ trong Excel" / "Xoá biểu đồ": a native bar chart of the completions on the Chỉ tiêu
// sheet (hosted only). The add-in's chart is found by name, so the buttons reflect a chart drawn in
// an earlier session too. In preview the button is shown disabled with why: charts need Excel.
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DataBarHorizontalRegular } from "@fluentui/react-icons/svg/data-bar-horizontal";
import { DeleteRegular } from "@fluentui/react-icons/svg/delete";
import { useEffect, useState } from "react";
import { ErrorBar } from "../../components/ErrorBar";
import { MessageTitle } from "../../components/MessageTitle";
import { useMessages } from "../../i18n/context";
import type { AppSession } from "../../session";
import { drawTargetsChart, removeTargetsChart, targetsChartPresent } from "./chart";
import { chartProblemText, isChartProblem } from "./problems";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
  debug: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
});

type Action = "draw" | "remove";

export interface ChartActionsProps {
  session: AppSession;
  sheetName: string;
  targetIds: readonly string[];
  debug: boolean;
  disabled: boolean;
}

export function ChartActions({
  session,
  sheetName,
  targetIds,
  debug,
  disabled,
}: ChartActionsProps) {
  const styles = useStyles();
  const { messages: m } = useMessages();
  const t = m.targets.chart;
  const hosted = session.mode === "hosted";
  const [present, setPresent] = useState(false);
  const [busy, setBusy] = useState<Action | null>(null);
  const [done, setDone] = useState<{ action: Action; syncs: number } | null>(null);
  const [error, setError] = useState<{ action: Action; error: unknown } | null>(null);

  // A chart left from an earlier session: offer to remove it (one sync, read only).
  useEffect(() => {
    if (!hosted) return;
    let live = true;
    targetsChartPresent(sheetName).then(
      (p) => live && setPresent(p),
      () => undefined
    );
    return () => {
      live = false;
    };
  }, [hosted, sheetName]);

  async function act(action: Action) {
    setBusy(action);
    setError(null);
    setDone(null);
    try {
      const r =
        action === "draw"
          ? await drawTargetsChart(sheetName, targetIds)
          : await removeTargetsChart(sheetName);
      setPresent(action === "draw");
      setDone({ action, syncs: r.syncs });
    } catch (err) {
      setError({ action, error: err });
    } finally {
      setBusy(null);
    }
  }

  if (!hosted) {
    return (
      <div className={styles.root}>
        <div className={styles.actions}>
          <Button icon={<DataBarHorizontalRegular />} disabled data-testid="chart-draw-button">
            {t.draw}
          </Button>
        </div>
        <Text as="p" size={200} className={styles.note} data-testid="chart-needs-excel">
          {t.needsExcel}
        </Text>
      </div>
    );
  }

  const problem = error && isChartProblem(error.error) ? error.error : null;
  const errorTitle = error?.action === "remove" ? t.removeTitle : t.drawTitle;
  return (
    <div className={styles.root} data-chart={present ? "present" : "absent"}>
      <div className={styles.actions}>
        <Button
          icon={<DataBarHorizontalRegular />}
          onClick={() => void act("draw")}
          disabled={disabled || busy !== null}
          data-testid="chart-draw-button"
        >
          {present ? t.redraw : t.draw}
        </Button>
        {present && (
          <Button
            icon={<DeleteRegular />}
            onClick={() => void act("remove")}
            disabled={disabled || busy !== null}
            data-testid="chart-remove-button"
          >
            {t.remove}
          </Button>
        )}
        {busy && (
          <Spinner
            size="tiny"
            label={busy === "draw" ? t.drawing : t.removing}
            aria-live="polite"
          />
        )}
      </div>
      {done && (
        <MessageBar intent="success" layout="multiline" data-testid="chart-done">
          <MessageBarBody>{done.action === "draw" ? t.drawn(sheetName) : t.removed}</MessageBarBody>
        </MessageBar>
      )}
      {problem && (
        <MessageBar intent="warning" layout="multiline" role="alert" data-testid="chart-problem">
          <MessageBarBody>
            <MessageTitle>{errorTitle}</MessageTitle>
            {chartProblemText(problem, m, sheetName)}
          </MessageBarBody>
        </MessageBar>
      )}
      {error && !problem && (
        <ErrorBar title={errorTitle} error={error.error} onDismiss={() => setError(null)} />
      )}
      {debug && done && (
        <Text size={200} className={styles.debug} data-testid="chart-debug">
          {t.debugSyncs(done.syncs)}
        </Text>
      )}
    </div>
  );
}
