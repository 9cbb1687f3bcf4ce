// What the chosen period becomes: its code, its words in the document, and the resulting trích yếu.
import { makeStyles, tokens } from "@fluentui/react-components";
import { useMessages } from "../../i18n/context";

const useStyles = makeStyles({
  list: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    display: "grid",
    gridTemplateColumns: "fit-content(8.5em) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: "anywhere", color: tokens.colorNeutralForeground1 },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

export interface PeriodSummaryProps {
  id: string;
  code: string | null;
  label: string | null;
  title: string | null;
}

export function PeriodSummary({ id, code, label, title }: PeriodSummaryProps) {
  const styles = useStyles();
  const { messages: m } = useMessages();
  if (!code) return null;
  return (
    <dl id={id} className={styles.list} aria-live="polite" data-testid="period-summary">
      <dt className={styles.term}>{m.period.code}</dt>
      <dd className={`${styles.value} ${styles.code}`} data-testid="period-code">
        {code}
      </dd>
      {label && (
        <>
          <dt className={styles.term}>{m.period.label}</dt>
          <dd className={styles.value} data-testid="period-label" lang="vi">
            {label}
          </dd>
        </>
      )}
      {title && (
        <>
          <dt className={styles.term}>{m.period.title}</dt>
          <dd className={styles.value} data-testid="period-title" lang="vi">
            {title}
          </dd>
        </>
      )}
    </dl>
  );
}
