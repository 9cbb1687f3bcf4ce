// What happens to each id of an older version of a template on the way to a newer one: the
// changes of every history entry after the old version, up to the new one, composed in order
// (renamed a→b then b→c is a→c; a part of a split renamed later is named by its last name).
// Pure: the template is given, no I/O.
import type { Template } from "../model/load";
import { compareVersions } from "../model/history";
import type { TemplateChange, TemplateVersion } from "../model/schema";

/** Where an old id's value goes. */
export type Fate =
  /** To this id (the same one, or its new name). */
  | { kind: "kept"; id: string; renamedAt: string[] }
  /** Nowhere: the figure was removed at `version`. */
  | { kind: "dropped"; version: string }
  /**
   * Split at `version` into `into` (by their newest names); the old value goes to `carryTo` when
   * the history names the part it meant, else nowhere.
   */
  | { kind: "split"; version: string; into: string[]; carryTo: string | null };

export interface MigrationPlan {
  templateId: string;
  from: string;
  to: string;
  /** The history entries applied, oldest first (empty: nothing changed an id). */
  steps: TemplateVersion[];
  /** The fate of every old id the applied changes touch; an id not listed keeps its value. */
  changed: ReadonlyMap<string, Fate>;
  /** Ids new since `from` (and still there): an old workbook has nothing for them. */
  added: string[];
  /** Every id some change brought in (added, renamed to, a part): the old version had none. */
  introduced: ReadonlySet<string>;
  /** Indicators that moved to another section or table, by their newest id. */
  moved: { id: string; to: string; version: string }[];
}

export interface MigrationRefusal {
  templateId: string;
  from: string;
  to: string;
  /** Why there is no way from the old version to the new one, in Vietnamese, with what to do. */
  why: string;
}

export function isRefusal(x: MigrationPlan | MigrationRefusal): x is MigrationRefusal {
  return "why" in x;
}

/** The fate of one old id under a plan. */
export function fateOf(plan: MigrationPlan, oldId: string): Fate {
  return plan.changed.get(oldId) ?? { kind: "kept", id: oldId, renamedAt: [] };
}

/** The old ids whose value a new id takes (its old name, or the split whose carryTo it is). */
export function sourcesOf(plan: MigrationPlan, newId: string): string[] {
  const out: string[] = [];
  for (const [old, f] of plan.changed) {
    if (f.kind === "kept" && f.id === newId) out.push(old);
    if (f.kind === "split" && f.carryTo === newId) out.push(old);
  }
  if (!plan.changed.has(newId) && !plan.introduced.has(newId)) out.push(newId);
  return out;
}

const majorMinor = (v: string) => v.split(".").slice(0, 2).join(".");

/**
 * The way from `from` (a workbook's template id and version) to the template `to`, or why there is
 * none: another template, a version newer than `to`, or one older than the history reaches.
 *
 * Which old versions have a way: every version up to `to.version` with the same major.minor as `to`
 * or as a history entry (a patch changes no id); and versions older than the first entry when that
 * entry changes something (its changes lead from whatever came before it). A first entry without
 * changes marks where the template began: nothing older has a way.
 */
export function migrationPlan(
  from: { id: string; version: string },
  to: Pick<Template, "id" | "version" | "title" | "history">
): MigrationPlan | MigrationRefusal {
  const refuse = (why: string): MigrationRefusal => ({
    templateId: to.id,
    from: from.version,
    to: to.version,
    why,
  });
  if (from.id !== to.id)
    return refuse(
      `sổ tính dùng mẫu "${from.id}", không phải mẫu "${to.id}"; không chuyển được giữa hai mẫu khác nhau`
    );
  if (compareVersions(from.version, to.version) > 0)
    return refuse(
      `sổ tính dùng phiên bản ${from.version}, mới hơn phiên bản ${to.version} của mẫu "${to.title}" đang dùng; dùng tệp mẫu phiên bản ${from.version} trở lên, không chuyển ngược về phiên bản cũ`
    );
  const history = to.history;
  const first = history[0];
  const sameLine = [to.version, ...history.map((h) => h.version)].some(
    (v) => majorMinor(v) === majorMinor(from.version)
  );
  const reaches =
    sameLine ||
    (first !== undefined &&
      first.changes.length > 0 &&
      compareVersions(from.version, first.version) < 0);
  if (!reaches) {
    const known = history.map((h) => h.version).join(", ");
    return refuse(
      history.length === 0
        ? `mẫu "${to.title}" phiên bản ${to.version} không ghi lịch sử thay đổi (history), nên không biết số liệu của phiên bản ${from.version} chuyển sang đâu; người soạn mẫu cần ghi history, hoặc dùng đúng tệp mẫu phiên bản ${from.version}`
        : `lịch sử của mẫu "${to.title}" (${known}) không có phiên bản ${from.version}; người soạn mẫu cần ghi thay đổi từ phiên bản này vào history, hoặc dùng đúng tệp mẫu phiên bản ${from.version}`
    );
  }
  const steps = history.filter(
    (h) =>
      compareVersions(h.version, from.version) > 0 && compareVersions(h.version, to.version) <= 0
  );
  return compose(from.id, from.version, to.version, steps);
}

/** Composes the changes of `steps` (oldest first) into each old id's fate. */
export function compose(
  templateId: string,
  from: string,
  to: string,
  steps: TemplateVersion[]
): MigrationPlan {
  const changed = new Map<string, Fate>();
  // Ids some change brought in (added, renamed to, a part of a split): `alive` while no later
  // change gives them up; `ever` to know an id was not in the old version at all.
  const alive = new Set<string>();
  const ever = new Set<string>();
  const produce = (id: string) => {
    alive.add(id);
    ever.add(id);
  };
  const moved = new Map<string, { id: string; to: string; version: string }>();
  // Old ids whose value now sits at `current`: those renamed there, and the id itself while the
  // history has not touched it (an id brought in by a change was not in the old version).
  const holders = (current: string): string[] => {
    const out: string[] = [];
    for (const [old, f] of changed) if (f.kind === "kept" && f.id === current) out.push(old);
    if (!changed.has(current) && !ever.has(current)) out.push(current);
    return out;
  };
  // A part of a split, renamed or removed or split again later, is followed in the split's list.
  const followParts = (c: TemplateChange) => {
    for (const f of changed.values()) {
      if (f.kind !== "split") continue;
      if (c.kind === "renamed") {
        f.into = f.into.map((x) => (x === c.from ? c.to : x));
        if (f.carryTo === c.from) f.carryTo = c.to;
      } else if (c.kind === "removed") {
        f.into = f.into.filter((x) => x !== c.id);
        if (f.carryTo === c.id) f.carryTo = null;
      } else if (c.kind === "split" && f.into.includes(c.from)) {
        f.into = f.into.flatMap((x) => (x === c.from ? c.into : [x]));
        if (f.carryTo === c.from) f.carryTo = c.carryTo ?? null;
      }
    }
  };
  for (const step of steps) {
    for (const c of step.changes) {
      switch (c.kind) {
        case "added":
          produce(c.id);
          break;
        case "removed":
          for (const old of holders(c.id))
            changed.set(old, { kind: "dropped", version: step.version });
          alive.delete(c.id);
          moved.delete(c.id);
          break;
        case "renamed": {
          for (const old of holders(c.from)) {
            const prev = changed.get(old);
            changed.set(old, {
              kind: "kept",
              id: c.to,
              renamedAt: [...(prev?.kind === "kept" ? prev.renamedAt : []), step.version],
            });
          }
          alive.delete(c.from);
          produce(c.to);
          const m = moved.get(c.from);
          if (m) {
            moved.delete(c.from);
            moved.set(c.to, { ...m, id: c.to });
          }
          break;
        }
        case "split":
          for (const old of holders(c.from))
            changed.set(old, {
              kind: "split",
              version: step.version,
              into: [...c.into],
              carryTo: c.carryTo ?? null,
            });
          alive.delete(c.from);
          moved.delete(c.from);
          c.into.forEach(produce);
          break;
        case "moved":
          moved.set(c.id, { id: c.id, to: c.to, version: step.version });
          break;
      }
      followParts(c);
    }
  }
  // New figures: brought in and still there, and taking no old value.
  const reached = new Set<string>();
  for (const f of changed.values()) {
    if (f.kind === "kept") reached.add(f.id);
    if (f.kind === "split" && f.carryTo) reached.add(f.carryTo);
  }
  return {
    templateId,
    from,
    to,
    steps,
    changed,
    added: [...alive].filter((x) => !reached.has(x)),
    introduced: ever,
    moved: [...moved.values()],
  };
}
