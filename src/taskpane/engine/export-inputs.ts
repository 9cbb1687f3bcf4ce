// What "Xuất Word" hands to the code that builds the draft (a Web Worker, or the main thread when
// there is none): plain, structured-cloneable data derived from the workbook's snapshot. The
// template travels as its id and consolidated flag (the worker loads the built-in catalogue
// itself; a template that is not built in also travels as its file); the figures as ReportData; where each figure's cell is as a "locate table", a cut-down
// snapshot holding only what locateInWorkbook reads (the defined names, the sheets' names, the
// units' name column), so the worker finds exactly the cells the main thread would.
import type { RawCell, SheetSnapshot, WorkbookSnapshot } from "../../core/data/snapshot";
import { NameIndex } from "../../core/data/snapshot";
import type { ReportData } from "../../core/data/types";
import type { DocumentSettingsInput } from "../../core/document/settings";
import { definedName } from "../../core/layout/names";
import type { Template } from "../../core/model/load";
import type { TemplateFileInput } from "../../core/model/template-file";

/** A template by id, in the form the workbook was made with. */
export interface TemplateRef {
  id: string;
  /** Made by consolidation: read with the consolidated form of the template. */
  consolidated: boolean;
  /** The template's file when it is not built in (office-wide or the user's): the worker loads it. */
  file?: TemplateFileInput;
}

/** Where the figures are: a snapshot with only the parts locateInWorkbook reads. */
export type LocateTable = WorkbookSnapshot;

export interface ExportInputs {
  /** A built-in template by reference, or a loaded template (structured-cloneable as it is). */
  template: TemplateRef | Template;
  data: ReportData;
  locate: LocateTable;
  /** The user's settings; parsed (and defaulted) where the draft is built. */
  settings: DocumentSettingsInput;
}

export function isTemplateRef(t: TemplateRef | Template): t is TemplateRef {
  return !("sections" in t);
}

/**
 * The locate table of a snapshot: every defined name, every sheet's name and position without its
 * cells, and only the cells of the units' name column (unit figures are found by the unit's row).
 */
export function locateTableOf(snapshot: WorkbookSnapshot): LocateTable {
  const bare = (s: SheetSnapshot): SheetSnapshot => ({
    name: s.name,
    visible: s.visible,
    top: 1,
    left: 1,
    values: [],
  });
  const sheets = snapshot.sheets.map(bare);
  const units = new NameIndex(snapshot).resolve(definedName({ kind: "unitName" }));
  if (units.ok) {
    const { sheet, range } = units.value;
    const column: RawCell[][] = [];
    for (let row = range.top; row <= range.bottom; row++) {
      column.push([sheet.values[row - sheet.top]?.[range.left - sheet.left] ?? null]);
    }
    const i = snapshot.sheets.indexOf(sheet);
    sheets[i] = { ...sheets[i], top: range.top, left: range.left, values: column };
  }
  return { sheets, names: snapshot.names.map((n) => ({ name: n.name, ref: n.ref })) };
}
