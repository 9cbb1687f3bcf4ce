// One target: its label, a bar of how far it is met (capped at 100%, with a marker beyond), the
// percent, "kết quả / chỉ tiêu" and the status in words. The bar is a meter for assistive
// technology, and the colour repeats what the text already says.
import { Badge, Text, Tooltip, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { memo } from "react";
import { useMessages } from "../../i18n/context";
import type { TargetRowView, TargetTone } from "../../logic/targets-view";

const useStyles = makeStyles({
  row: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  label: { overflowWrap: "anywhere" },
  meterLine: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  track: {
    position: "relative",
    flexGrow: 1,
    minWidth: "64px",
    height: "10px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground5,
    // Windows high contrast draws no background colours: the outline keeps the track visible.
    outline: `${tokens.strokeWidthThin} solid transparent`,
  },
  fill: {
    height: "100%",
    borderRadius: tokens.borderRadiusMedium,
    "@media (forced-colors: active)": { backgroundColor: "Highlight" },
  },
  overflow: {
    position: "absolute",
    right: "-2px",
    top: "-3px",
    bottom: "-3px",
    width: "4px",
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralForeground1,
  },
  percent: {
    minWidth: "48px",
    textAlign: "right",
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
  },
  facts: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground2,
  },
  figures: { fontVariantNumeric: "tabular-nums" },
  badge: { flexShrink: 0, marginLeft: "auto" },
});

const FILL: Record<TargetTone, string> = {
  success: tokens.colorPaletteGreenBackground3,
  warning: tokens.colorPaletteDarkOrangeBackground3,
  danger: tokens.colorPaletteRedBackground3,
  neutral: tokens.colorNeutralForeground3,
};

const BADGE: Record<TargetTone, "success" | "warning" | "danger" | "informative"> = {
  success: "success",
  warning: "warning",
  danger: "danger",
  neutral: "informative",
};

export const TargetRow = memo(function TargetRow({ row }: { row: TargetRowView }) {
  const styles = useStyles();
  const { messages: m } = useMessages();
  const t = m.targets;
  const label = (
    <Text weight="semibold" size={300} className={styles.label}>
      {row.label}
    </Text>
  );
  return (
    <li className={styles.row} data-testid="target-row" data-state={row.state} data-key={row.key}>
      {row.detail ? (
        <Tooltip content={row.detail} relationship="description" withArrow>
          {label}
        </Tooltip>
      ) : (
        label
      )}
      {row.percent !== null && row.percentText !== null && (
        <div className={styles.meterLine}>
          <div
            className={styles.track}
            role="meter"
            aria-label={t.meterLabel(row.label, row.percentText)}
            aria-valuemin={0}
            aria-valuemax={Math.max(100, row.percent)}
            aria-valuenow={row.percent}
            aria-valuetext={`${row.percentText} (${row.statusLabel})`}
            data-testid="target-meter"
          >
            <div
              className={styles.fill}
              style={{ width: `${row.barWidth}%`, backgroundColor: FILL[row.tone] }}
            />
            {row.overflow && (
              <span className={styles.overflow} title={t.overflow} data-testid="target-overflow" />
            )}
          </div>
          <Text size={300} weight="semibold" className={styles.percent} aria-hidden>
            {row.percentText}
          </Text>
        </div>
      )}
      <div className={styles.facts}>
        {row.figures && (
          <Text size={200} className={styles.figures} title={t.figuresLabel}>
            {row.figures}
          </Text>
        )}
        {row.targetText && <Text size={200}>{row.targetText}</Text>}
        <Badge
          appearance="tint"
          color={BADGE[row.tone]}
          className={mergeClasses(styles.badge)}
          data-testid="target-status"
        >
          {row.statusLabel}
        </Badge>
      </div>
    </li>
  );
});
