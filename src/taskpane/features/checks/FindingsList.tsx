// The findings, grouped by sheet in an accordion ("Chung" first). Clicking a finding (or Enter on
// it) shows its cell. Thousands of findings stay responsive: closed groups render nothing, and an
// open group lists PAGE_SIZE findings at a time ("Hiện thêm").
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Checkbox,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { ErrorCircleFilled } from "@fluentui/react-icons/svg/error-circle";
import { WarningFilled } from "@fluentui/react-icons/svg/warning";
import { memo, useMemo, useState } from "react";
import type { Finding } from "../../../core/findings";
import { useMessages } from "../../i18n/context";
import {
  PAGE_SIZE,
  countsText,
  groupFindings,
  initiallyOpen,
  type FindingGroup,
  type FindingRef,
} from "../../logic/findings-view";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  heading: { margin: 0 },
  hint: { margin: 0, color: tokens.colorNeutralForeground3 },
  // The list scrolls in its own box, so the preview's viewer under it stays within reach.
  accordion: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    maxHeight: "70vh",
    overflowY: "auto",
    overscrollBehavior: "contain",
  },
  item: {
    ":not(:first-child)": {
      borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
  },
  // A group's header stays on top while its findings scroll by.
  header: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  headerText: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalS,
    minWidth: 0,
    textAlign: "start",
  },
  sheet: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  groupCounts: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  panel: { margin: 0, padding: 0 },
  list: { listStyle: "none", margin: 0, padding: 0 },
  entry: {
    ":not(:first-child)": {
      borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    },
  },
  finding: {
    display: "grid",
    gridTemplateColumns: "16px minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    width: "100%",
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: "none",
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    textAlign: "start",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  clickable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  current: {
    backgroundColor: tokens.colorBrandBackground2,
    ":hover": { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  icon: { fontSize: "16px", lineHeight: "16px", marginTop: "1px" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  body: { display: "flex", flexDirection: "column", rowGap: "2px", minWidth: 0 },
  cell: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  message: { overflowWrap: "anywhere" },
  more: {
    margin: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}`,
  },
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export interface FindingsListProps {
  findings: readonly Finding[];
  hosted: boolean;
  /** Index (in findings) of the finding whose cell was shown last. */
  selected: number | null;
  onSelect: (ref: FindingRef) => void;
}

export function FindingsList({ findings, hosted, selected, onSelect }: FindingsListProps) {
  const styles = useStyles();
  const { lang, messages: m } = useMessages();
  const [errorsOnly, setErrorsOnly] = useState(false);
  const groups = useMemo(() => groupFindings(findings, { errorsOnly }), [findings, errorsOnly]);
  const [open, setOpen] = useState<string[]>(() => initiallyOpen(groupFindings(findings)));
  const clickable = findings.some((f) => f.sheet && f.cell);

  if (findings.length === 0) {
    return (
      <Text as="p" className={styles.empty} data-testid="findings-none">
        {m.checks.list.none}
      </Text>
    );
  }
  return (
    <section className={styles.root} aria-labelledby="findings-heading" data-testid="findings">
      <div className={styles.toolbar}>
        <Text as="h3" id="findings-heading" size={300} weight="semibold" className={styles.heading}>
          {m.checks.list.heading}
        </Text>
        <Checkbox
          checked={errorsOnly}
          onChange={(_, d) => setErrorsOnly(d.checked === true)}
          label={m.checks.list.errorsOnly}
          data-testid="errors-only"
        />
      </div>
      {(clickable || lang !== "vi") && (
        <Text as="p" size={200} className={styles.hint}>
          {[
            clickable ? (hosted ? m.checks.list.hintHosted : m.checks.list.hintPreview) : "",
            lang !== "vi" ? m.checks.list.languageNote : "",
          ]
            .filter(Boolean)
            .join(" ")}
        </Text>
      )}
      {groups.length === 0 ? (
        <Text as="p" className={styles.empty}>
          {m.checks.list.noErrors}
        </Text>
      ) : (
        <Accordion
          className={styles.accordion}
          multiple
          collapsible
          openItems={open}
          onToggle={(_, d) => setOpen(d.openItems.map(String))}
        >
          {groups.map((g) => (
            <AccordionItem
              key={g.key}
              value={g.key}
              className={styles.item}
              data-testid="finding-group"
              data-sheet={g.sheet ?? ""}
            >
              <AccordionHeader className={styles.header} size="small">
                <span className={styles.headerText}>
                  <span className={styles.sheet}>{g.sheet ?? m.checks.list.general}</span>
                  <span className={styles.groupCounts} data-testid="group-counts">
                    {countsText(g.errors, g.warnings, m)}
                  </span>
                </span>
              </AccordionHeader>
              <AccordionPanel className={styles.panel}>
                <GroupFindings group={g} selected={selected} onSelect={onSelect} />
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
    </section>
  );
}

function GroupFindings({
  group,
  selected,
  onSelect,
}: {
  group: FindingGroup;
  selected: number | null;
  onSelect: (ref: FindingRef) => void;
}) {
  const styles = useStyles();
  const { messages: m } = useMessages();
  const [limit, setLimit] = useState(PAGE_SIZE);
  const shown = group.items.slice(0, limit);
  const rest = group.items.length - shown.length;
  return (
    <>
      <ul className={styles.list}>
        {shown.map((ref) => (
          <li key={ref.index} className={styles.entry}>
            <FindingEntry item={ref} current={ref.index === selected} onSelect={onSelect} />
          </li>
        ))}
      </ul>
      {rest > 0 && (
        <Button
          className={styles.more}
          size="small"
          appearance="secondary"
          onClick={() => setLimit((n) => n + PAGE_SIZE)}
          data-testid="show-more"
        >
          {m.checks.list.showMore(Math.min(PAGE_SIZE, rest))}
        </Button>
      )}
    </>
  );
}

const FindingEntry = memo(function FindingEntry({
  item,
  current,
  onSelect,
}: {
  item: FindingRef;
  current: boolean;
  onSelect: (ref: FindingRef) => void;
}) {
  const styles = useStyles();
  const { messages: m } = useMessages();
  const f = item.finding;
  const error = f.severity === "error";
  const content = (
    <>
      <span
        className={mergeClasses(styles.icon, error ? styles.error : styles.warning)}
        role="img"
        aria-label={error ? m.checks.list.error : m.checks.list.warning}
      >
        {error ? <ErrorCircleFilled /> : <WarningFilled />}
      </span>
      <span className={styles.body}>
        {f.cell && <span className={styles.cell}>{m.checks.list.cell(f.cell)}</span>}
        <span className={styles.message} lang="vi">
          {f.message}
        </span>
      </span>
    </>
  );
  const data = {
    "data-testid": "finding",
    "data-severity": f.severity,
    "data-sheet": f.sheet ?? "",
    "data-cell": f.cell ?? "",
  };
  if (!f.sheet || !f.cell) {
    return (
      <div className={styles.finding} {...data}>
        {content}
      </div>
    );
  }
  return (
    <button
      type="button"
      className={mergeClasses(styles.finding, styles.clickable, current && styles.current)}
      onClick={() => onSelect(item)}
      aria-current={current ? "true" : undefined}
      {...data}
    >
      {content}
    </button>
  );
});
