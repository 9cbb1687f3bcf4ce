// Use case "migrate" (`baocao migrate`): a workbook made from an older version of its template,
// carried into a newer version's layout as the template's history says. Returns the data to write
// and what could not be carried; writing the workbook, the words and the exit code are the caller's.
import { readMeta, type WorkbookMeta } from "../core/data/read";
import type { ReportData } from "../core/data/types";
import type { WorkbookSnapshot } from "../core/data/snapshot";
import { templateForMeta } from "../core/consolidate/resolve";
import type { Template } from "../core/model/load";
import { readOlderWorkbook, type OlderWorkbook } from "../core/migrate/read";
import type { NotCarried } from "../core/migrate/data";
import type { MigrationPlan } from "../core/migrate/plan";
import type { FindTemplate } from "./identify";

/** The version to migrate to: a template (from a file), or a version of the workbook's template. */
export type MigrateTarget =
  | { template: Template }
  | {
      version: string;
      /** Where to look for that version (first match wins); the finder alone when absent. */
      among?: FindTemplate[];
    };

export type MigrateProblem =
  /** No meta sheet: the workbook's template version is unknown. */
  | { kind: "notBaoCao" }
  /** The version asked for is not at hand; `have` lists the versions that are. */
  | { kind: "noSuchVersion"; templateId: string; version: string; have: string[] }
  /** The template given is another template than the workbook's. */
  | { kind: "otherTemplate"; templateId: string; expected: string }
  /** The history gives no way from the workbook's version to the target's. */
  | { kind: "noWay"; templateId: string; from: string; to: string; why: string };

export type MigrateResult =
  | {
      ok: true;
      meta: WorkbookMeta;
      /** The version migrated to. */
      to: Template;
      /** The template to write the data with (the consolidated form for a consolidation). */
      target: Template;
      data: ReportData;
      notCarried: NotCarried[];
      plan: MigrationPlan;
      /** How many values were carried: figures, unit and table cells, texts, sentences. */
      carried: number;
      /** How the old workbook was read, with its own template or by its names. */
      how: OlderWorkbook["how"];
      /** The old version's template, when it was at hand. */
      old: Template | null;
      /** Errors the old workbook has when checked (its values are carried as written). */
      errors: number;
    }
  | { ok: false; problem: MigrateProblem };

/** Carries a workbook into another version of its template. */
export function migrateWorkbook(
  snapshot: WorkbookSnapshot,
  find: FindTemplate,
  to: MigrateTarget
): MigrateResult {
  const meta = readMeta(snapshot);
  if (!meta) return { ok: false, problem: { kind: "notBaoCao" } };
  const templateId = meta.templateId;
  let toTemplate: Template;
  if ("template" in to) {
    if (to.template.id !== templateId)
      return {
        ok: false,
        problem: { kind: "otherTemplate", templateId: to.template.id, expected: templateId },
      };
    toTemplate = to.template;
  } else {
    const candidates = (to.among ?? [find]).map((f) => f(templateId));
    const t = candidates.find((x) => x?.version === to.version);
    if (!t) {
      const have = [...new Set(candidates.flatMap((x) => (x ? [x.version] : [])))];
      return {
        ok: false,
        problem: { kind: "noSuchVersion", templateId, version: to.version, have },
      };
    }
    toTemplate = t;
  }
  const read = readOlderWorkbook(snapshot, meta, toTemplate, { find, others: [toTemplate] });
  if (!read.ok)
    return {
      ok: false,
      problem: {
        kind: "noWay",
        templateId,
        from: meta.templateVersion,
        to: toTemplate.version,
        why: read.why,
      },
    };
  const target = templateForMeta(toTemplate, meta);
  const { data, notCarried, plan } = read.migrated;
  return {
    ok: true,
    meta,
    to: toTemplate,
    target,
    data,
    notCarried,
    plan,
    carried: countValues(data, target),
    how: read.how,
    old: read.old,
    errors: read.errors,
  };
}

/** How many values the data holds: figures, unit and table cells, texts, reworded sentences. */
function countValues(d: ReportData, t: Template): number {
  const filled = (v: unknown) => v !== null && v !== undefined && v !== "";
  const scalars = Object.entries(d.values).filter(
    ([id, v]) => filled(v) && !t.indicatorById.get(id)?.table
  ).length;
  const units = d.units.reduce((n, u) => n + Object.values(u.values).filter(filled).length, 0);
  const rows = Object.values(d.tables).reduce(
    (n, rs) =>
      n +
      rs.reduce(
        (m, r) => m + Object.entries(r).filter(([k, v]) => k !== "row" && filled(v)).length,
        0
      ),
    0
  );
  return (
    scalars +
    units +
    rows +
    Object.values(d.texts).filter(filled).length +
    Object.keys(d.sentences ?? {}).length
  );
}
