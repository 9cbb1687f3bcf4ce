// Every file read, with its status badge (Đã dùng / Bị loại / Dùng dù có lỗi, as on the
// "Nguồn tổng hợp" sheet), its unit and the reasons it was left out or what to know about it.
import { Badge, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { SourceRecord } from "../../../core/data/types";
import { useMessages } from "../../i18n/context";
import { sourcesInOrder } from "../../logic/consolidate-view";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { margin: 0 },
  note: { margin: 0, color: tokens.colorNeutralForeground3 },
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    maxHeight: "50vh",
    overflowY: "auto",
    overscrollBehavior: "contain",
  },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: "2px",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    ":not(:first-child)": {
      borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    },
  },
  top: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: "2px",
  },
  file: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere", minWidth: 0 },
  detail: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  reason: { overflowWrap: "anywhere", fontSize: tokens.fontSizeBase200 },
});

const COLORS = {
  used: "success",
  leftOut: "danger",
  forced: "warning",
  superseded: "informative",
  duplicate: "subtle",
} as const;

export function SourcesList({ sources }: { sources: readonly SourceRecord[] }) {
  const styles = useStyles();
  const { lang, messages: m } = useMessages();
  const t = m.consolidate.sources;
  return (
    <section className={styles.root} aria-labelledby="consolidate-sources-heading">
      <Text
        as="h3"
        size={300}
        weight="semibold"
        id="consolidate-sources-heading"
        className={styles.heading}
      >
        {t.heading}
      </Text>
      {lang !== "vi" && (
        <Text as="p" size={200} className={styles.note}>
          {t.languageNote}
        </Text>
      )}
      <ul className={styles.list} data-testid="consolidate-sources">
        {sourcesInOrder(sources).map((s) => (
          <li
            key={`${s.file}-${s.checksum}`}
            className={styles.item}
            data-testid="consolidate-source"
            data-file={s.file}
            data-status={s.status}
          >
            <span className={styles.top}>
              <Badge appearance="tint" color={COLORS[s.status]} data-testid="source-status">
                {t.status[s.status]}
              </Badge>
              <span className={styles.file}>{s.file}</span>
            </span>
            <Text size={200} className={styles.detail}>
              {s.unit ? t.unit(s.unit) : t.noUnit}
              {(s.errors > 0 || s.warnings > 0) && ` · ${t.counts(s.errors, s.warnings)}`}
            </Text>
            {s.reasons.length > 0 && (
              <ul className={styles.reasons}>
                {s.reasons.map((r, i) => (
                  <li key={i} className={styles.reason} lang="vi" data-testid="source-reason">
                    {r}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
