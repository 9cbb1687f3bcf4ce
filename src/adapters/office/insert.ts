// Inserting a template into the open workbook. The user's sheets are never overwritten: a sheet
// name already in use gets "(2)", "(3)"… for the template; a previous BáoCáo template is replaced
// only when the user confirms. Syncs: one to look, one to write (two more when replacing).
import type { Template } from "../../core/model/load";
import { RESERVED_SHEETS } from "../../core/model/load";
import type { ReportData } from "../../core/data/types";
import { planWorkbook, sheetKeys } from "../../core/layout/planner";
import { sheetKeyName } from "../../core/layout/context";
import { op, runBatches, DEFAULT_CHUNK_BYTES, type Op } from "./batch";
import { planOps } from "./write-plan";
import { FEATURES, officeApiSupport, type ApiSupport } from "./requirements";
import { readTemplateMeta, isTemplateName, type ExistingTemplate } from "./existing";

export interface InsertOptions {
  data?: ReportData;
  /** Asked when the workbook already holds a BáoCáo template; true replaces it (its sheets are deleted). */
  confirmReplace?: (existing: ExistingTemplate) => Promise<boolean>;
  supports?: ApiSupport;
  chunkBytes?: number;
}

export interface InsertResult {
  status: "inserted" | "cancelled";
  syncs: number;
  sheets: string[];
  /** Sheets that took another name because the user already had a sheet by that name. */
  renamed: { wanted: string; actual: string }[];
  replaced: ExistingTemplate | null;
  /** Features left out because the host's ExcelApi is older (data validation below 1.8, …). */
  skipped: string[];
}

const MAX_SHEET_NAME = 31;

export function freeName(wanted: string, taken: Set<string>): string {
  if (!taken.has(wanted.toLocaleLowerCase("vi"))) return wanted;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = wanted.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(candidate.toLocaleLowerCase("vi"))) return candidate;
  }
}

export async function insertTemplate(
  context: Excel.RequestContext,
  template: Template,
  options: InsertOptions = {}
): Promise<InsertResult> {
  const supports = options.supports ?? officeApiSupport();
  let syncs = 0;

  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const names = context.workbook.names;
  names.load("items/name");
  await context.sync();
  syncs++;

  const existingSheets = worksheets.items.map((w) => w.name);
  const ourNames = names.items.map((n) => n.name).filter(isTemplateName);
  const hasMeta = existingSheets.some(
    (n) => n.toLocaleLowerCase("vi") === RESERVED_SHEETS.meta.toLocaleLowerCase("vi")
  );

  const pre: Op[] = [];
  let replaced: ExistingTemplate | null = null;
  const removed = new Set<string>();
  if (hasMeta || ourNames.length > 0) {
    const existing = await readTemplateMeta(context, existingSheets, ourNames);
    syncs += existing.syncs;
    const ok = options.confirmReplace ? await options.confirmReplace(existing.info) : false;
    if (!ok)
      return { status: "cancelled", syncs, sheets: [], renamed: [], replaced: null, skipped: [] };
    replaced = existing.info;
    // Excel keeps at least one visible sheet, so old sheets are moved aside first and deleted last.
    existing.info.sheets.forEach((sheet, i) => {
      removed.add(sheet.toLocaleLowerCase("vi"));
      const aside = `~baocao-cu-${i}`;
      pre.push(
        op(["aside", sheet], (b) => {
          // A fresh proxy, not the batch's cache: the name is about to belong to a new sheet.
          const ws = b.context.workbook.worksheets.getItem(sheet);
          ws.protection.unprotect();
          ws.name = aside;
        })
      );
    });
    for (const n of ourNames)
      pre.push(op(["name", n], (b) => b.context.workbook.names.getItem(n).delete()));
  }

  const taken = new Set(
    existingSheets.map((s) => s.toLocaleLowerCase("vi")).filter((s) => !removed.has(s))
  );
  const sheetNames: Record<string, string> = {};
  const renamed: InsertResult["renamed"] = [];
  // The data decides some sheets (a consolidation adds "Nguồn tổng hợp"): plan names for all of them,
  // so none of the user's sheets is overwritten.
  for (const key of sheetKeys(template, options.data)) {
    const wanted = sheetKeyName(template, key);
    const actual = freeName(wanted, taken);
    taken.add(actual.toLocaleLowerCase("vi"));
    sheetNames[key] = actual;
    if (actual !== wanted) renamed.push({ wanted, actual });
  }

  const plan = planWorkbook(template, options.data, { sheetNames });
  const ops = [...pre, ...planOps(plan, { supports })];
  if (replaced) {
    replaced.sheets.forEach((_, i) => {
      const aside = `~baocao-cu-${i}`;
      ops.push(op(["delete", aside], (b) => b.context.workbook.worksheets.getItem(aside).delete()));
    });
  }
  const cover = plan.sheets[0].name;
  ops.push(op(["activate", cover], (b) => b.sheet(cover).activate()));
  syncs += await runBatches(context, ops, options.chunkBytes ?? DEFAULT_CHUNK_BYTES);

  const skipped: string[] = [];
  if (!supports(FEATURES.dataValidation)) skipped.push("dataValidation");
  if (!supports(FEATURES.pageLayout)) skipped.push("pageLayout");
  return {
    status: "inserted",
    syncs,
    sheets: plan.sheets.map((s) => s.name),
    renamed,
    replaced,
    skipped,
  };
}
