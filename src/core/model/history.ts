// Checking a template's history (what each version changed), so that migrating a workbook made
// from an older version can trust it: an id the history says a figure became must be in the
// template, and an id it says went away must not be. The history is read as a chain: a figure
// renamed at 1.1.0 and renamed again at 1.2.0 only has to exist under its last name.
//
// Reading (also in README, "Phiên bản mẫu"): each entry's changes lead to that entry's version
// from the entry before it, so the newest entry's version is the template's own `version` (or
// older, when later versions changed no id: a patch that only rewords).
import type { Template } from "./load";
import type { TemplateChange, TemplateVersion } from "./schema";

/** Compares "x.y.z" versions numerically ("1.10.0" is after "1.9.0"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

export interface HistoryIssue {
  path: string;
  message: string;
}

/** The ids of a template a history may name (indicators and targets share one set of codes). */
export interface HistoryIds {
  version: string;
  /** Indicator (table columns included) and target ids. */
  figures: ReadonlySet<string>;
  sections: ReadonlySet<string>;
  tables: ReadonlySet<string>;
}

/** Where in one change an id is given up (consumed) or brought in (produced). */
interface Use {
  id: string;
  path: string;
  /** Order in the whole history; within a change, what it gives up comes before what it brings. */
  at: number;
  how: "consume" | "produce" | "move";
  change: TemplateChange;
}

function usesOf(change: TemplateChange, path: string, at: number): Use[] {
  const u = (id: string, field: string, how: Use["how"], sub: number): Use => ({
    id,
    path: `${path}.${field}`,
    at: at + sub,
    how,
    change,
  });
  switch (change.kind) {
    case "added":
      return [u(change.id, "id", "produce", 0.5)];
    case "removed":
      return [u(change.id, "id", "consume", 0)];
    case "renamed":
      return [u(change.from, "from", "consume", 0), u(change.to, "to", "produce", 0.5)];
    case "split":
      return [
        u(change.from, "from", "consume", 0),
        ...change.into.map((x, k) => u(x, `into[${k}]`, "produce", 0.5)),
      ];
    case "moved":
      return [u(change.id, "id", "move", 0.5)];
  }
}

/** Every problem of a template's history, at its JSON path ("history[1].changes[0].to"). */
export function historyIssues(history: TemplateVersion[], ids: HistoryIds): HistoryIssue[] {
  const issues: HistoryIssue[] = [];
  const push = (path: string, message: string) => issues.push({ path, message });
  const exists = (id: string) => ids.figures.has(id) || ids.sections.has(id) || ids.tables.has(id);

  history.forEach((entry, i) => {
    const path = `history[${i}].version`;
    if (i > 0 && compareVersions(entry.version, history[i - 1].version) <= 0)
      push(
        path,
        `phiên bản ${entry.version} phải lớn hơn phiên bản ghi trước nó (${history[i - 1].version}); xếp các phiên bản từ cũ đến mới, mỗi phiên bản một lần`
      );
    if (compareVersions(entry.version, ids.version) > 0)
      push(
        path,
        `phiên bản ${entry.version} mới hơn phiên bản của mẫu (${ids.version}); sửa "version" của mẫu thành phiên bản mới nhất, hoặc sửa phiên bản này`
      );
  });

  const uses: Use[] = [];
  history.forEach((entry, i) =>
    entry.changes.forEach((c, j) => {
      const path = `history[${i}].changes[${j}]`;
      uses.push(...usesOf(c, path, i * 100_000 + j));
      if (c.kind === "renamed" && c.from === c.to)
        push(
          `${path}.to`,
          `đổi mã "${c.from}" thành chính nó; ghi mã mới vào "to", hoặc bỏ thay đổi này`
        );
      if (c.kind === "split") {
        const seen = new Set<string>();
        c.into.forEach((x, k) => {
          if (seen.has(x))
            push(`${path}.into[${k}]`, `mã "${x}" ghi hai lần trong "into"; mỗi phần ghi một lần`);
          seen.add(x);
        });
        if (c.carryTo !== undefined && !c.into.includes(c.carryTo))
          push(
            `${path}.carryTo`,
            `carryTo "${c.carryTo}" không phải một phần trong "into" (${c.into.join(", ")}); ghi một mã trong "into", hoặc bỏ carryTo nếu số cũ không ứng với riêng phần nào`
          );
      }
    })
  );

  const later = (u: Use, how: Use["how"]) =>
    uses.some((v) => v.id === u.id && v.how === how && v.at > u.at);
  // The last move of an id says where it is now; earlier ones may name sections since gone.
  const lastMove = new Map<string, Use>();
  for (const u of uses) if (u.how === "move") lastMove.set(u.id, u);

  for (const u of uses) {
    if (u.how === "produce" && !later(u, "consume") && !exists(u.id))
      push(
        u.path,
        `mẫu hiện hành không có mã "${u.id}" (lịch sử nói số liệu chuyển sang mã này); sửa cho đúng mã chỉ số trong mẫu, hoặc ghi thêm thay đổi ở phiên bản sau nếu mã này lại đổi`
      );
    if (u.how === "consume" && exists(u.id) && !later(u, "produce")) {
      const what = u.change.kind === "removed" ? "bỏ" : u.change.kind === "split" ? "tách" : "đổi";
      push(
        u.path,
        `mã "${u.id}" vẫn có trong mẫu hiện hành nhưng lịch sử ghi là đã ${what}; bỏ thay đổi này, hoặc ghi "added" mã này ở phiên bản sau nếu mã được dùng lại với nghĩa mới`
      );
    }
    if (u.how === "move" && !later(u, "consume")) {
      if (!exists(u.id))
        push(
          u.path,
          `mẫu hiện hành không có mã "${u.id}"; ghi mã một chỉ số của mẫu, hoặc bỏ thay đổi này`
        );
      const to = (u.change as Extract<TemplateChange, { kind: "moved" }>).to;
      if (lastMove.get(u.id) === u && !ids.sections.has(to) && !ids.tables.has(to))
        push(
          u.path.replace(/\.id$/, ".to"),
          `không có mục hay bảng "${to}" trong mẫu; ghi mã mục hoặc mã bảng nơi chỉ số nằm bây giờ`
        );
    }
  }
  return issues;
}

/** The history problems of a loaded template (load.ts calls this once, after its own checks). */
export function templateHistoryIssues(t: Template): HistoryIssue[] {
  if (t.history.length === 0) return [];
  return historyIssues(t.history, {
    version: t.version,
    figures: new Set([...t.indicators.map((x) => x.id), ...t.targets.map((x) => x.id)]),
    sections: new Set(t.allSections.map((s) => s.id)),
    tables: new Set(t.tables.map((x) => x.id)),
  });
}
