// Read-only view of the preview workbook: a sheet picker and an HTML table of the sheet's values.
// selectCell() on the session switches to the sheet, scrolls to the cell and highlights it; the
// marks of "Kiểm tra" colour the cells of findings (in the view only, never in the workbook).
import { Field, Select, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import { columnLetters } from "../../../core/layout/a1";
import { localeOf } from "../../i18n";
import { useMessages } from "../../i18n/context";
import { countsText } from "../../logic/findings-view";
import { markAt, markGrid, marksBySheet } from "../../logic/sheet-marks";
import { sheetView } from "../../logic/sheet-view";
import type { PreviewMark, PreviewSelection, PreviewWorkbook } from "../../session";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  scroller: {
    overflow: "auto",
    maxHeight: "60vh",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: {
    borderCollapse: "separate",
    borderSpacing: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  caption: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
  },
  colHead: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    padding: "2px 6px",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    padding: "2px 6px",
    textAlign: "end",
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  corner: { left: 0, zIndex: 3 },
  cell: {
    padding: "2px 6px",
    // Wide enough for a few words per line: the table scrolls sideways inside its box at 320–350 px.
    minWidth: "6em",
    maxWidth: "18em",
    verticalAlign: "top",
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    color: tokens.colorNeutralForeground1,
  },
  number: { textAlign: "end", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  markError: {
    backgroundColor: tokens.colorPaletteRedBackground2,
    boxShadow: `inset 0 0 0 ${tokens.strokeWidthThick} ${tokens.colorPaletteRedBorder2}`,
    color: tokens.colorPaletteRedForeground2,
  },
  markWarning: {
    backgroundColor: tokens.colorPaletteMarigoldBackground2,
    boxShadow: `inset 0 0 0 ${tokens.strokeWidthThick} ${tokens.colorPaletteMarigoldBorder2}`,
    color: tokens.colorNeutralForeground1,
  },
  selected: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
  },
  selectedPlain: { backgroundColor: tokens.colorBrandBackground2 },
  // A selected finding keeps its mark's colour and ring; the selection's outline goes inside.
  selectedMarked: { outlineOffset: "-4px" },
  // Long sheet names (and marks counts) must not widen the pane: the picker shrinks to fit it.
  picker: { minWidth: 0, "& select": { minWidth: 0, textOverflow: "ellipsis" } },
  meta: { color: tokens.colorNeutralForeground3 },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground2,
  },
  swatch: {
    display: "inline-block",
    width: "12px",
    height: "12px",
    marginRight: tokens.spacingHorizontalXS,
    verticalAlign: "-1px",
    borderRadius: tokens.borderRadiusSmall,
  },
});

export function SheetViewer({
  workbook,
  selection,
  marks = null,
}: {
  workbook: PreviewWorkbook;
  selection: PreviewSelection | null;
  /** Findings of the last check, drawn over their cells. */
  marks?: readonly PreviewMark[] | null;
}) {
  const styles = useStyles();
  const { lang, messages: m } = useMessages();
  const sheets = workbook.snapshot.sheets;
  const firstVisible = sheets.find((s) => s.visible)?.name ?? sheets[0]?.name ?? "";
  const [sheetName, setSheetName] = useState(firstVisible);
  const selectedRef = useRef<HTMLTableCellElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);

  // A new workbook starts on its first visible sheet (the cover of a template).
  useEffect(() => setSheetName(firstVisible), [workbook, firstVisible]);
  // A selection request switches to its sheet.
  useEffect(() => {
    if (selection) setSheetName(selection.sheet);
  }, [selection]);

  const sheet = sheets.find((s) => s.name === sheetName) ?? sheets[0];
  const selectedHere = selection && sheet && selection.sheet === sheet.name ? selection : null;
  const view = useMemo(
    () =>
      sheet
        ? sheetView(sheet, {
            numFmts: workbook.numFmts[sheet.name],
            locale: localeOf(lang),
            focusRow: selectedHere?.row,
          })
        : null,
    [sheet, workbook, lang, selectedHere?.row]
  );
  const marked = useMemo(() => marksBySheet(marks), [marks]);
  // Only the cells in view are looked up, whatever the number of marks.
  const grid = useMemo(() => {
    const cols = view?.columns ?? [];
    const window = {
      top: view?.from ?? 1,
      bottom: view?.to ?? 0,
      left: cols[0]?.col ?? 1,
      right: cols[cols.length - 1]?.col ?? 0,
    };
    return markGrid(marks, sheet?.name ?? "", window);
  }, [marks, sheet, view]);

  useEffect(() => {
    const cell = selectedRef.current;
    const box = scrollerRef.current;
    if (!selectedHere || !cell || !box) return;
    // Centre the cell vertically and show its left edge just right of the row numbers, then bring
    // the viewer itself into the pane's view.
    const c = cell.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    const rowHeader = box.querySelector("tbody th")?.getBoundingClientRect().width ?? 0;
    box.scrollTop += c.top - b.top - (box.clientHeight - c.height) / 2;
    box.scrollLeft += c.left - b.left - rowHeader;
    box.scrollIntoView({ block: "nearest" });
  }, [selectedHere, view]);

  if (!sheet || !view) return null;
  const selectedAddress = selectedHere
    ? `${columnLetters(selectedHere.col)}${selectedHere.row}`
    : null;

  return (
    <div className={styles.root} data-testid="sheet-viewer">
      <Field label={m.viewer.sheet}>
        <Select
          className={styles.picker}
          value={sheet.name}
          onChange={(_, d) => setSheetName(d.value)}
          data-testid="sheet-picker"
        >
          {sheets.map((s) => {
            const name = s.visible ? s.name : m.viewer.hidden(s.name);
            const count = marked.get(s.name);
            return (
              <option key={s.name} value={s.name}>
                {count
                  ? m.viewer.withMarks(name, countsText(count.errors, count.warnings, m))
                  : name}
              </option>
            );
          })}
        </Select>
      </Field>
      {view.rows.length === 0 ? (
        <Text as="p" className={styles.meta}>
          {m.viewer.empty}
        </Text>
      ) : (
        <>
          <div
            ref={scrollerRef}
            className={styles.scroller}
            role="region"
            aria-label={m.viewer.regionLabel}
            tabIndex={0}
          >
            <table className={styles.table} data-sheet={sheet.name}>
              <caption className={styles.caption}>{m.viewer.caption(sheet.name)}</caption>
              <thead>
                <tr>
                  <td className={mergeClasses(styles.colHead, styles.corner)} />
                  {view.columns.map((c) => (
                    <th key={c.col} scope="col" className={styles.colHead}>
                      {c.letters}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {view.rows.map((r) => (
                  <tr key={r.row}>
                    <th scope="row" className={styles.rowHead}>
                      {r.row}
                    </th>
                    {r.cells.map((c) => {
                      // A cell inside a merged area highlights the whole area.
                      const isSelected =
                        selectedHere !== null &&
                        selectedHere.row >= r.row &&
                        selectedHere.row < r.row + c.rowSpan &&
                        selectedHere.col >= c.col &&
                        selectedHere.col < c.col + c.colSpan;
                      const mark = markAt(grid, r.row, c.col, c.rowSpan, c.colSpan);
                      return (
                        <td
                          key={c.col}
                          ref={isSelected ? selectedRef : undefined}
                          colSpan={c.colSpan > 1 ? c.colSpan : undefined}
                          rowSpan={c.rowSpan > 1 ? c.rowSpan : undefined}
                          className={mergeClasses(
                            styles.cell,
                            c.numeric && styles.number,
                            mark === "error" && styles.markError,
                            mark === "warning" && styles.markWarning,
                            isSelected && styles.selected,
                            isSelected &&
                              (mark === null ? styles.selectedPlain : styles.selectedMarked)
                          )}
                          data-cell={c.address}
                          data-mark={mark ?? undefined}
                          title={
                            mark === "error"
                              ? m.viewer.legendError
                              : mark === "warning"
                                ? m.viewer.legendWarning
                                : undefined
                          }
                          aria-current={isSelected ? "true" : undefined}
                        >
                          {c.text}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Text size={200} className={styles.meta} aria-live="polite">
            {m.viewer.rows(view.from, view.to, view.total)}
            {selectedAddress ? ` ${m.viewer.selected(sheet.name, selectedAddress)}` : ""}
          </Text>
          {marks && marks.length > 0 && (
            <Text size={200} className={styles.legend} data-testid="viewer-legend">
              <span>{m.viewer.legend}</span>
              <span>
                <span className={mergeClasses(styles.swatch, styles.markError)} />
                {m.viewer.legendError}
              </span>
              <span>
                <span className={mergeClasses(styles.swatch, styles.markWarning)} />
                {m.viewer.legendWarning}
              </span>
            </Text>
          )}
        </>
      )}
    </div>
  );
}
