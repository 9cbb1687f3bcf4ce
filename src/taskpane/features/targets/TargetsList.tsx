// The targets with their bars, then the per-unit targets, one group per target.
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMessages } from "../../i18n/context";
import type { TargetsView } from "../../logic/targets-view";
import { TargetRow } from "./TargetRow";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, minWidth: 0 },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  groupHeading: { margin: 0, overflowWrap: "anywhere" },
  groupSummary: { margin: 0, color: tokens.colorNeutralForeground2 },
  units: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
});

export function TargetsList({ view }: { view: TargetsView }) {
  const styles = useStyles();
  const { messages: m } = useMessages();
  return (
    <>
      {view.rows.length > 0 && (
        <ul className={styles.list} aria-label={m.targets.listLabel} data-testid="target-list">
          {view.rows.map((row) => (
            <TargetRow key={row.key} row={row} />
          ))}
        </ul>
      )}
      {view.units.length > 0 && (
        <section className={styles.units} aria-label={m.targets.units.heading}>
          <Text as="h3" size={400} weight="semibold" className={styles.groupHeading}>
            {m.targets.units.heading}
          </Text>
          {view.units.map((group) => (
            <div key={group.key} className={styles.group} data-testid="unit-target-group">
              <Text as="h4" size={300} weight="semibold" className={styles.groupHeading}>
                {group.label}
              </Text>
              <Text as="p" size={200} className={styles.groupSummary}>
                {group.summary.text}
                {group.summary.detail && ` · ${group.summary.detail}`}
              </Text>
              <ul className={styles.list} aria-label={group.label}>
                {group.rows.map((row) => (
                  <TargetRow key={row.key} row={row} />
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
    </>
  );
}
