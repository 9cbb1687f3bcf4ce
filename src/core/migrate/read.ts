// Reading a workbook made from an older version of its template and carrying it into the newer
// one. With the old version's template at hand (findTemplateVersion) the workbook is read and
// checked with its own layout, then its data carried. Without it, the workbook is read by its
// defined names: every BáoCáo input is named after its id (BC_<id>, BCX_<section>, …), so the
// names are renamed as the history says and the workbook is read with the new template; values
// of ids with nowhere to go are read from their names for the list of what was not carried.
import type { Template } from "../model/load";
import type { WorkbookMeta } from "../data/read";
import { cellOf, NameIndex, type RawCell, type WorkbookSnapshot } from "../data/snapshot";
import type { DataValue } from "../data/types";
import type { Finding } from "../findings";
import { definedName } from "../layout/names";
import { templateForMeta } from "../consolidate/resolve";
import { validateWorkbook } from "../validate";
import {
  carry,
  renameTokens,
  retoken,
  whyNotCarried,
  type MigratedData,
  type NotCarried,
} from "./data";
import { fateOf, isRefusal, migrationPlan, type MigrationPlan } from "./plan";
import { findTemplateVersion, type TemplateSources } from "./find";

export interface OlderWorkbook {
  /** "template": read with the old version's own template; "names": by its defined names. */
  how: "template" | "names";
  /** The old version's template, when it was at hand. */
  old: Template | null;
  /** The workbook's findings, errors and warnings (of its own layout when read with it). */
  findings: Finding[];
  errors: number;
  warnings: number;
  migrated: MigratedData;
}

export type OlderRead = ({ ok: true } & OlderWorkbook) | { ok: false; why: string };

// Longest prefixes first, so BCLY_x is not read as BC_LY_x.
const ID_NAME = /^(BCLY|BCSN|BCGS|BCG|BCK|BCT|BC)_([a-z][a-z0-9_]*)$/i;
const SECTION_NAME = /^(BCX|BCC)_([a-z][a-z0-9_]*)(\.[a-z][a-z0-9_]*)?$/i;

/**
 * The snapshot with its names renamed as the plan says (BC_a → BC_b for a renamed to b; a split's
 * name to its carryTo part), and the names of ids with nowhere to go taken out (returned apart).
 */
export function renameNames(
  snapshot: WorkbookSnapshot,
  plan: MigrationPlan
): { snapshot: WorkbookSnapshot; dropped: string[] } {
  const dropped: string[] = [];
  const names: WorkbookSnapshot["names"] = [];
  const taken = new Set<string>();
  const add = (name: string, ref: string) => {
    const key = name.toUpperCase();
    if (taken.has(key)) return;
    taken.add(key);
    names.push({ name, ref });
  };
  // Names that keep their id first, so a renamed name never shadows one the new version has.
  const renamed: { name: string; ref: string }[] = [];
  for (const n of snapshot.names) {
    const m = ID_NAME.exec(n.name) ?? SECTION_NAME.exec(n.name);
    if (!m) {
      add(n.name, n.ref);
      continue;
    }
    const [, prefix, id, rest = ""] = m;
    const f = fateOf(plan, id.toLowerCase());
    const to = f.kind === "kept" ? f.id : f.kind === "split" ? f.carryTo : null;
    if (to === null) {
      dropped.push(n.name);
      continue;
    }
    if (to === id.toLowerCase()) add(n.name, n.ref);
    else renamed.push({ name: `${prefix}_${to}${rest}`, ref: n.ref });
  }
  for (const r of renamed) add(r.name, r.ref);
  return { snapshot: { ...snapshot, names }, dropped };
}

function cellValue(raw: RawCell): DataValue {
  if (raw === null || typeof raw === "object") return null;
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  return typeof raw === "string" && raw.trim() === "" ? null : raw;
}

/** The values under names that have nowhere to go, with the unit or row each belongs to. */
function droppedValues(
  snapshot: WorkbookSnapshot,
  names: string[],
  why: (id: string) => string
): NotCarried[] {
  const index = new NameIndex(snapshot);
  const units = index.resolve(definedName({ kind: "unitName" }));
  const out: NotCarried[] = [];
  for (const name of names) {
    const m = ID_NAME.exec(name);
    // Only figures (BC_): totals, hedges and baselines follow them; texts of a dropped section
    // have no id in the history's sense.
    if (!m || m[1].toUpperCase() !== "BC") continue;
    const id = m[2].toLowerCase();
    const r = index.resolve(name);
    if (!r.ok) continue;
    const { sheet, range } = r.value;
    const aligned =
      units.ok &&
      range.top === units.value.range.top &&
      range.bottom === units.value.range.bottom &&
      range.bottom > range.top;
    for (let row = range.top; row <= range.bottom; row++) {
      const value = cellValue(cellOf(sheet, row, range.left));
      if (value === null) continue;
      const unit = aligned
        ? cellValue(cellOf(units.value.sheet, row, units.value.range.left))
        : null;
      const where =
        range.bottom > range.top
          ? unit !== null
            ? String(unit)
            : `dòng ${row - range.top + 1}`
          : undefined;
      out.push({ id, label: id, value, why: why(id), ...(where ? { where } : {}) });
    }
  }
  return out;
}

/**
 * Findings that only say the workbook is of the older layout, which the carrying answers: its
 * version, inputs at other places, names of what is new in this version (figures, and section
 * texts and targets, which the history does not list), blanks of new figures, and tokens of
 * renamed figures in texts (renamed in the carried data). A missing header or units name is kept:
 * every version has those, so the user deleted it.
 */
function layoutOnly(f: Finding, plan: MigrationPlan): boolean {
  if (f.rule === "template-version" || f.rule === "moved") return true;
  if (f.rule === "missing-name")
    return f.indicator === null
      ? !/thông tin chung|tên đơn vị|đơn vị cấp trên/.test(f.message)
      : plan.introduced.has(f.indicator);
  if (f.rule === "unknown-token")
    return typeof f.value === "string" && renameTokens(f.value, plan) !== f.value;
  return f.indicator !== null && plan.added.includes(f.indicator);
}

/**
 * Reads a workbook of an older version of `to`'s template and carries its data into `to` (its
 * consolidated form for a consolidated workbook). Refuses, saying why, when the history gives no
 * way from the workbook's version or the workbook has no names to read by.
 */
export function readOlderWorkbook(
  snapshot: WorkbookSnapshot,
  meta: WorkbookMeta,
  to: Template,
  sources: TemplateSources
): OlderRead {
  const plan = migrationPlan({ id: meta.templateId, version: meta.templateVersion }, to);
  if (isRefusal(plan)) return { ok: false, why: plan.why };
  const target = templateForMeta(to, meta);
  const own = findTemplateVersion(meta.templateId, meta.templateVersion, sources, snapshot);
  if (own) {
    const old = templateForMeta(own, meta);
    const report = validateWorkbook(old, snapshot);
    return {
      ok: true,
      how: "template",
      old,
      findings: report.findings,
      errors: report.errors,
      warnings: report.warnings,
      migrated: carry(report.data, old, target, plan),
    };
  }
  if (!snapshot.names.some((n) => ID_NAME.test(n.name)))
    return {
      ok: false,
      why: `sổ tính phiên bản ${meta.templateVersion} không còn tên ô của BáoCáo để đọc theo; cần tệp mẫu "${meta.templateId}" phiên bản ${meta.templateVersion}`,
    };
  const renamed = renameNames(snapshot, plan);
  const report = validateWorkbook(target, renamed.snapshot);
  const findings = report.findings.filter((f) => !layoutOnly(f, plan));
  const errors = findings.filter((f) => f.severity === "error").length;
  const notCarried = droppedValues(snapshot, renamed.dropped, (id) =>
    whyNotCarried(fateOf(plan, id), (x) => target.indicatorById.get(x)?.label ?? x)
  );
  return {
    ok: true,
    how: "names",
    old: null,
    findings,
    errors,
    warnings: findings.length - errors,
    migrated: {
      data: retoken({ ...report.data, templateVersion: to.version }, target, plan),
      notCarried,
      plan,
    },
  };
}
