// Carrying a report's data from an older version of its template into a newer one: every value
// (figures, per-unit and fixed-table rows, texts, reworded sentences, targets, baselines, hedges)
// goes to its id's newest name; what has nowhere to go is listed, never dropped in silence.
// Pure: the templates are given.
import type { Indicator, Template } from "../model/load";
import { PREAMBLE_KEY } from "../layout/names";
import { canonicalize } from "../data/canonical";
import { consolidatedData } from "../consolidate/data";
import { isConsolidatedTemplate } from "../consolidate/template";
import { ROW_KEY, type DataValue, type ReportData } from "../data/types";
import type { Hedge } from "../format/hedge";
import { fateOf, isRefusal, migrationPlan, type Fate, type MigrationPlan } from "./plan";

/** A value the new version has no place for, and why, in Vietnamese. */
export interface NotCarried {
  /** The old id (indicator, target, section "text", sentence "section.sentence"). */
  id: string;
  /** What users call it: the old template's label when it is known, else the id. */
  label: string;
  value: DataValue;
  why: string;
  /** Where in the old data: a unit's name, a table row. */
  where?: string;
}

export interface MigratedData {
  data: ReportData;
  notCarried: NotCarried[];
  plan: MigrationPlan;
}

export class MigrationError extends Error {
  constructor(readonly why: string) {
    super(why);
    this.name = "MigrationError";
  }
}

const present = (v: DataValue | undefined): v is number | string =>
  v !== null && v !== undefined && v !== "";

/** Why a value of a dropped id, or of a split with no part named for it, is not carried. */
export function whyNotCarried(f: Fate, labelOf: (newId: string) => string): string {
  if (f.kind === "dropped") return `mẫu bỏ chỉ số này từ phiên bản ${f.version}`;
  if (f.kind === "split")
    return `từ phiên bản ${f.version} chỉ số này được tách thành ${f.into.map((x) => `"${labelOf(x)}"`).join(", ")}; số cũ không ứng với riêng phần nào nên các phần để trống: nhập lại số của từng phần`;
  return "";
}

/**
 * Texts and reworded sentences of data already under the new ids (read by names) with the
 * figures they name renamed; a sentence that is then the template's own wording is dropped.
 */
export function retoken(data: ReportData, to: Template, plan: MigrationPlan): ReportData {
  const texts = Object.fromEntries(
    Object.entries(data.texts).map(([k, v]) => [k, renameTokens(v, plan)])
  );
  let sentences: Record<string, string> | undefined;
  for (const [key, text] of Object.entries(data.sentences ?? {})) {
    const [sid, xid] = [key.slice(0, key.indexOf(".")), key.slice(key.indexOf(".") + 1)];
    const own = to.sectionById.get(sid)?.sentences.find((x) => x.id === xid)?.text;
    const reworded = renameTokens(text, plan);
    if (reworded.trim() !== own) (sentences ??= {})[key] = reworded;
  }
  const out: ReportData = { ...data, texts };
  if (sentences) out.sentences = sentences;
  else delete out.sentences;
  return out;
}

/**
 * "{a2.ty_le}" → "{a3.ty_le}": a figure named in words follows its value (its new name, or the
 * part of a split that took it); one with nowhere to go stays, and the check warns of it.
 */
export function renameTokens(text: string, plan: MigrationPlan): string {
  return text.replace(/\{([a-z][a-z0-9_]*)([@.:][^{}\n]{0,78})?\}/g, (whole, id: string, rest) => {
    const f = fateOf(plan, id);
    const to = f.kind === "kept" ? f.id : f.kind === "split" ? f.carryTo : null;
    return to && to !== id ? `{${to}${(rest as string | undefined) ?? ""}}` : whole;
  });
}

/**
 * Carries `data` (read with its own, older template; null when that template is not at hand) into
 * `to`. Throws MigrationError when the history gives no way from the data's version to `to`'s.
 */
export function migrateData(data: ReportData, from: Template | null, to: Template): MigratedData {
  const plan = migrationPlan({ id: data.template, version: data.templateVersion }, to);
  if (isRefusal(plan)) throw new MigrationError(plan.why);
  return carry(data, from, to, plan);
}

/** The carrying itself, with the plan already made. */
export function carry(
  data: ReportData,
  from: Template | null,
  to: Template,
  plan: MigrationPlan
): MigratedData {
  const notCarried: NotCarried[] = [];
  const labelOf = (id: string): string =>
    from?.indicatorById.get(id)?.label ?? from?.targetById.get(id)?.label ?? id;
  const newLabel = (id: string): string =>
    to.indicatorById.get(id)?.label ?? to.targetById.get(id)?.label ?? id;
  const lost = (id: string, value: DataValue, why: string, where?: string, label = labelOf(id)) =>
    notCarried.push({ id, label, value, why, ...(where ? { where } : {}) });
  // Old ids that are a table's figures: their entry in `values` is the table's total, derived from
  // the rows (carried there), so it is never carried nor listed on its own.
  const tableIds = new Set<string>();
  if (from) for (const i of from.indicators) if (i.table) tableIds.add(i.id);
  for (const u of data.units) for (const k of Object.keys(u.values)) tableIds.add(k);
  for (const rows of Object.values(data.tables))
    for (const r of rows) for (const k of Object.keys(r)) if (k !== ROW_KEY) tableIds.add(k);

  /** The new id an old id's value goes to, or why it has nowhere to go. */
  const destination = (oldId: string): { id: string } | { why: string } => {
    const f = fateOf(plan, oldId);
    if (f.kind === "kept") return { id: f.id };
    if (f.kind === "split" && f.carryTo) return { id: f.carryTo };
    return { why: whyNotCarried(f, newLabel) };
  };
  const missing = (newId: string) =>
    `mẫu phiên bản ${to.version} không có mã "${newId}" và lịch sử của mẫu không ghi số liệu này chuyển đi đâu`;

  const out: ReportData = {
    ...data,
    templateVersion: to.version,
    header: { ...data.header },
    values: {},
    units: [],
    tables: {},
    texts: {},
  };
  delete out.sentences;
  delete out.targets;
  delete out.baselines;
  delete out.hedges;
  const valueHedges: Record<string, Hedge> = {};
  const tableHedges: Record<string, Record<string, Record<string, Hedge>>> = {};

  /** Where a figure of the new template is entered, in words, for a value that cannot go there. */
  const placeOf = (ind: Indicator): string => {
    const table = ind.table ? to.tableById.get(ind.table) : undefined;
    if (!table) return `mục "${to.sectionById.get(ind.section)?.heading ?? ind.section}"`;
    return table.kind === "perUnit" ? `bảng theo đơn vị "${table.title}"` : `bảng "${table.title}"`;
  };

  // Figures of the report (not of a table).
  for (const [oldId, v] of Object.entries(data.values)) {
    if (!present(v) || tableIds.has(oldId)) continue;
    if (from?.indicatorById.get(oldId)?.computed) continue;
    const d = destination(oldId);
    if ("why" in d) {
      lost(oldId, v, d.why);
      continue;
    }
    const ind = to.indicatorById.get(d.id);
    if (!ind) lost(oldId, v, missing(d.id));
    else if (ind.table)
      lost(oldId, v, `chỉ số "${ind.label}" nay nhập ở ${placeOf(ind)}; nhập lại số liệu ở đó`);
    else if (ind.computed) continue;
    else if (present(out.values[d.id]))
      lost(oldId, v, `"${ind.label}" đã nhận số ${out.values[d.id]} từ một chỉ số khác; giữ số đó`);
    else {
      out.values[d.id] = v;
      const h = data.hedges?.values?.[oldId];
      if (h) valueHedges[d.id] = h;
    }
  }

  // Per-unit rows: each unit keeps its row; its figures follow their ids.
  for (const u of data.units) {
    const values: Record<string, DataValue> = {};
    const hedges: Record<string, Hedge> = {};
    for (const [oldId, v] of Object.entries(u.values)) {
      if (!present(v)) continue;
      if (from?.indicatorById.get(oldId)?.computed) continue;
      const d = destination(oldId);
      if ("why" in d) {
        lost(oldId, v, d.why, u.name);
        continue;
      }
      const ind = to.indicatorById.get(d.id);
      if (!ind) lost(oldId, v, missing(d.id), u.name);
      else if (!ind.perUnit)
        lost(
          oldId,
          v,
          `chỉ số "${ind.label}" nay nhập ở ${placeOf(ind)}, không theo đơn vị; nhập lại số liệu ở đó`,
          u.name
        );
      else if (ind.computed) continue;
      else if (present(values[d.id]))
        lost(
          oldId,
          v,
          `"${ind.label}" của đơn vị đã nhận số ${values[d.id]} từ một chỉ số khác; giữ số đó`,
          u.name
        );
      else {
        values[d.id] = v;
        const h = u.hedges?.[oldId];
        if (h) hedges[d.id] = h;
      }
    }
    out.units.push({
      name: u.name,
      parent: u.parent,
      values,
      ...(Object.keys(hedges).length > 0 ? { hedges } : {}),
    });
  }

  // Fixed and list tables: a row keeps its row id (fixed) or its place (list).
  for (const [oldTable, rows] of Object.entries(data.tables)) {
    const tf = fateOf(plan, oldTable);
    const tableId = tf.kind === "kept" ? tf.id : oldTable;
    rows.forEach((row, index) => {
      const rowId = typeof row[ROW_KEY] === "string" ? row[ROW_KEY] : null;
      const where = rowId
        ? `bảng "${from?.tableById.get(oldTable)?.title ?? oldTable}", dòng ${from?.tableById.get(oldTable)?.rows?.find((r) => r.id === rowId)?.label ?? rowId}`
        : `bảng "${from?.tableById.get(oldTable)?.title ?? oldTable}", dòng ${index + 1}`;
      for (const [oldId, v] of Object.entries(row)) {
        if (oldId === ROW_KEY || !present(v)) continue;
        if (from?.indicatorById.get(oldId)?.computed) continue;
        const d = destination(oldId);
        if ("why" in d) {
          lost(oldId, v, d.why, where);
          continue;
        }
        const ind = to.indicatorById.get(d.id);
        const table = ind?.table ? to.tableById.get(ind.table) : undefined;
        if (!ind) {
          lost(oldId, v, missing(d.id), where);
          continue;
        }
        if (ind.computed) continue;
        if (!table || table.kind === "perUnit") {
          lost(
            oldId,
            v,
            `chỉ số "${ind.label}" nay nhập ở ${placeOf(ind)}; nhập lại số liệu ở đó`,
            where
          );
          continue;
        }
        // The row in the new table: the same row id (fixed), or the same place (list).
        let target: Record<string, DataValue> | undefined;
        const list = (out.tables[table.id] ??= []);
        if (table.kind === "fixed") {
          if (!rowId || !(table.rows ?? []).some((r) => r.id === rowId)) {
            lost(
              oldId,
              v,
              `bảng "${table.title}" của mẫu mới không có dòng "${rowId ?? index + 1}"`,
              where
            );
            continue;
          }
          target = list.find((r) => r[ROW_KEY] === rowId);
          if (!target) list.push((target = { [ROW_KEY]: rowId }));
        } else {
          if (table.id !== tableId && table.id !== oldTable) {
            lost(
              oldId,
              v,
              `chỉ số "${ind.label}" nay nhập ở ${placeOf(ind)}; nhập lại số liệu ở đó`,
              where
            );
            continue;
          }
          if (index >= table.maxRows) {
            lost(oldId, v, `bảng "${table.title}" của mẫu mới chỉ có ${table.maxRows} dòng`, where);
            continue;
          }
          while (list.length <= index) list.push({});
          target = list[index];
        }
        if (present(target[d.id])) {
          lost(
            oldId,
            v,
            `"${ind.label}" ở dòng này đã nhận số ${target[d.id]} từ một chỉ số khác; giữ số đó`,
            where
          );
          continue;
        }
        target[d.id] = v;
        const h = rowId ? data.hedges?.tables?.[oldTable]?.[rowId]?.[oldId] : undefined;
        if (h && rowId) ((tableHedges[table.id] ??= {})[rowId] ??= {})[d.id] = h;
      }
    });
  }

  // Free texts, by section (or the preamble); the figures named in them follow their renames.
  for (const [key, text] of Object.entries(data.texts)) {
    if (text.trim() === "") continue;
    const sf = key === PREAMBLE_KEY ? null : fateOf(plan, key);
    const newKey = sf?.kind === "kept" ? sf.id : key;
    const section = to.sectionById.get(newKey);
    const label = from?.sectionById.get(key)?.heading ?? key;
    const ok = key === PREAMBLE_KEY ? to.preamble !== null : !!section && section.text !== null;
    if (!ok) {
      lost(
        key,
        text,
        `mẫu phiên bản ${to.version} không có ô nội dung cho phần này; chép đoạn văn sang mục phù hợp`,
        undefined,
        label
      );
      continue;
    }
    out.texts[newKey] = renameTokens(text, plan);
  }

  // Sentences the unit reworded ("<section>.<sentence>").
  for (const [key, text] of Object.entries(data.sentences ?? {})) {
    const [sid, xid] = [key.slice(0, key.indexOf(".")), key.slice(key.indexOf(".") + 1)];
    const sf = fateOf(plan, sid);
    const section = to.sectionById.get(sf.kind === "kept" ? sf.id : sid);
    const sentence = section?.sentences.find((x) => x.id === xid);
    if (!section || !sentence) {
      lost(
        key,
        text,
        `câu này không còn trong mẫu phiên bản ${to.version}; lời văn đơn vị đã sửa không chuyển được`,
        undefined,
        `câu ${key}`
      );
      continue;
    }
    const reworded = renameTokens(text, plan);
    // The old version's own wording, with its figures renamed, is the new one's: not a rewording.
    if (reworded.trim() !== sentence.text)
      (out.sentences ??= {})[`${section.id}.${xid}`] = reworded;
  }

  // Targets as set on the Chỉ tiêu sheet; one still at the old template's level is not news.
  for (const [oldId, t] of Object.entries(data.targets ?? {})) {
    const def = from?.targetById.get(oldId);
    const asTemplate = !!def && def.comparator === t.comparator && def.value === t.value;
    const d = destination(oldId);
    const target = "id" in d ? to.targetById.get(d.id) : undefined;
    if (target) {
      // The new version's own level stands unless the workbook set another than the old one's.
      if (!asTemplate) (out.targets ??= {})[target.id] = { ...t };
      continue;
    }
    if (asTemplate || t.value === null) continue;
    lost(oldId, t.value, "why" in d ? d.why : missing(d.id), "chỉ tiêu");
  }

  // Comparison values (cùng kỳ năm trước, đầu nhiệm kỳ).
  for (const [b, vals] of Object.entries(data.baselines ?? {})) {
    const baseline = b as keyof NonNullable<ReportData["baselines"]>;
    const word = baseline === "lastYear" ? "cùng kỳ năm trước" : "đầu nhiệm kỳ";
    for (const [oldId, v] of Object.entries(vals ?? {})) {
      if (!present(v)) continue;
      const d = destination(oldId);
      if ("why" in d) {
        lost(oldId, v, d.why, word);
        continue;
      }
      const ind = to.indicatorById.get(d.id);
      if (!ind || ind.table || !to.baselines.includes(baseline)) {
        lost(oldId, v, ind ? `mẫu mới không có cột ${word} cho chỉ số này` : missing(d.id), word);
        continue;
      }
      ((out.baselines ??= {})[baseline] ??= {})[d.id] = v;
    }
  }

  if (Object.keys(valueHedges).length > 0 || Object.keys(tableHedges).length > 0)
    out.hedges = {
      ...(Object.keys(valueHedges).length > 0 ? { values: valueHedges } : {}),
      ...(Object.keys(tableHedges).length > 0 ? { tables: tableHedges } : {}),
    };

  // Totals, order and the new version's targets, as a workbook of the new version reads.
  const canonical = isConsolidatedTemplate(to) ? consolidatedData(to, out) : canonicalize(to, out);
  if (data.consolidation) canonical.consolidation = data.consolidation;
  return { data: canonical, notCarried, plan };
}
