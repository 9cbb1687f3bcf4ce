// Finding a BáoCáo template already in the open workbook, and removing it on request:
// every sheet and defined name the add-in wrote can be taken out again by the add-in.
import { RESERVED_SHEETS } from "../../core/model/load";
import { META_KEYS, META_SHEET_PREFIX } from "../../core/layout/meta-sheet";
import { isOwnName } from "../../core/layout/names";

export interface ExistingTemplate {
  templateId: string | null;
  templateVersion: string | null;
  /** The template's sheets still present in the workbook. */
  sheets: string[];
  names: string[];
}

/** A name the add-in wrote, so it may remove it: the same test as the file readers'. */
export const isTemplateName = isOwnName;

/** Reads the metadata sheet (one sync) to learn which sheets the existing template owns. */
export async function readTemplateMeta(
  context: Excel.RequestContext,
  existingSheets: string[],
  templateNames: string[]
): Promise<{ info: ExistingTemplate; syncs: number }> {
  const metaName = existingSheets.find(
    (n) => n.toLocaleLowerCase("vi") === RESERVED_SHEETS.meta.toLocaleLowerCase("vi")
  );
  const info: ExistingTemplate = {
    templateId: null,
    templateVersion: null,
    sheets: [],
    names: templateNames,
  };
  if (!metaName) return { info, syncs: 0 };
  const used = context.workbook.worksheets.getItem(metaName).getUsedRangeOrNullObject(true);
  used.load("values");
  await context.sync();
  const present = new Map(existingSheets.map((s) => [s.toLocaleLowerCase("vi"), s]));
  const sheets = new Set<string>([metaName]);
  if (!used.isNullObject) {
    for (const [k, v] of used.values as unknown[][]) {
      if (typeof k !== "string" || typeof v !== "string") continue;
      if (k === META_KEYS.templateId) info.templateId = v;
      else if (k === META_KEYS.templateVersion) info.templateVersion = v;
      else if (k.startsWith(META_SHEET_PREFIX)) {
        const actual = present.get(v.toLocaleLowerCase("vi"));
        if (actual) sheets.add(actual);
      }
    }
  }
  info.sheets = [...sheets];
  return { info, syncs: 1 };
}

/** Finds the template in the open workbook (two syncs); null when there is none. */
export async function findTemplateInWorkbook(
  context: Excel.RequestContext
): Promise<ExistingTemplate | null> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const names = context.workbook.names;
  names.load("items/name");
  await context.sync();
  const sheetNames = worksheets.items.map((w) => w.name);
  const ours = names.items.map((n) => n.name).filter(isTemplateName);
  const hasMeta = sheetNames.some(
    (n) => n.toLocaleLowerCase("vi") === RESERVED_SHEETS.meta.toLocaleLowerCase("vi")
  );
  if (!hasMeta && ours.length === 0) return null;
  return (await readTemplateMeta(context, sheetNames, ours)).info;
}

/** Deletes the template's sheets and names. Callers must have the user's confirmation first. */
export async function removeTemplate(
  context: Excel.RequestContext,
  existing: ExistingTemplate
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const all = worksheets.items.map((w) => w.name);
  const remaining = all.filter((n) => !existing.sheets.includes(n));
  // Excel refuses to delete the last visible sheet; leave an empty one behind if needed.
  if (remaining.length === 0) worksheets.add("Sheet1");
  for (const n of existing.names) context.workbook.names.getItem(n).delete();
  for (const s of existing.sheets) {
    const ws = worksheets.getItem(s);
    ws.protection.unprotect();
    ws.delete();
  }
  await context.sync();
}
