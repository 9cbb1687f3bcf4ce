// Consolidation of unit workbooks into one report of the same template (pure: the driver reads
// the files and screens them, see screen.ts). Decisions, all deterministic whatever the input order:
//   - template: the option, else the one most usable files use (a tie asks for a choice);
//   - version: a file is used only when its template version has the same major.minor as the
//     template of this BáoCáo (a minor version may add figures; a patch only changes wording);
//   - period: the option, else the most common among the files of that template (a tie asks);
//   - a file with validation errors is left out, unless the user insists ("forced");
//   - a unit (cơ quan ban hành) that sent several files is counted once, from its newest report
//     (header date, then the workbook's saved time, then the file's time; file name last), unless
//     the user prefers another; the others are "superseded" (thay bằng <file>) or, byte-identical,
//     "duplicate" (bản trùng). Neither loses data, so neither makes exit code 1 (round.ts);
//   - each readable file gets a review state (đã nhận / cần sửa / đã duyệt, the last only by the
//     user's approval) and, with a deadline, each expected unit is on time, late or missing;
//   - each used file becomes a unit row; rows of the file's own per-unit tables that name other
//     units (its subunits) become units under it; rows without figures are ignored (a workbook made
//     from a template lists every default unit); see units.ts;
//   - a consolidated workbook of the same template (a district's, sent to the province) is a
//     source too: its units come in under its unit, which has no figures of its own (units.ts);
//   - completeness compares the expected units with the sources' units (the top level: the units
//     that send files), not with the units a consolidation brought: a province expects its
//     districts' files, and a district's file answers for the grassroots unions inside it.
import type { Template } from "../model/load";
import { withCarried } from "./resolve";
import { expandTitle } from "../model/title";
import { isPeriodError, parsePeriod } from "../period";
import type { ConsolidationInfo, ReportData, SourceRecord } from "../data/types";
import type { Finding } from "../findings";
import { consolidatedData } from "./data";
import { hierarchyFindings, unitLevels, type UnitLevels, levelsSummary } from "./levels";
import type { ScreenedSource, SourceIssue } from "./screen";
import {
  defaultDeadline,
  namesFile,
  newerBecause,
  newerFirst,
  reviewState,
  timelinessOf,
  type Approval,
} from "./round";
import { consolidatedTemplate } from "./template";
import { unitKey } from "../rollup/hierarchy";
import { buildUnits } from "./units";
import { unitTexts } from "./texts";
import { isValidIsoDate } from "../period/isoDate";
import type { NotCarried } from "../migrate/data";

export { unitKey };

export interface ConsolidateOptions {
  /** Template id to consolidate; default: the one most files use. */
  template?: string;
  /** Period ("2024-Q1"); default: the most common period of the files. */
  period?: string;
  /** Use files with validation errors anyway (status "forced"). */
  insist?: boolean;
  /** Units that must report; default: the template's default units, else none. */
  expectedUnits?: string[];
  /** Cơ quan ban hành of the consolidated report. */
  issuer?: string;
  /** When the consolidation is made (ISO 8601); default: now. */
  consolidatedAt?: string;
  /** Files to use for their unit whatever their dates (one click in the pane, --prefer). */
  prefer?: string[];
  /** Files the user approved (đã duyệt), with when. */
  approvals?: Approval[];
  /** Deadline of the units' reports (YYYY-MM-DD); default: the template's rule, else none. */
  deadline?: string;
  /** The templates the caller works with, by id (core holds no registry of its own). */
  find: (id: string) => Template | undefined;
}

export type ConsolidationExit = 0 | 1 | 2;

/**
 * Why nothing was consolidated, when the user has a choice to make: each front end says where to
 * make it (a field of the pane, an option of the command line), so core words stay front-end free.
 */
export type ConsolidationStop =
  | { kind: "noFiles" }
  | { kind: "unknownTemplate"; templateId: string }
  | { kind: "nothingUsable" }
  /** As many files of each of these templates: the user names the template. */
  | { kind: "templateTie"; counts: [string, number][] }
  /** As many files of each of these periods: the user names the period. */
  | { kind: "periodTie"; counts: [string, number][] };

export interface ConsolidationResult {
  /** The consolidated template (null when nothing usable remains or no template could be chosen). */
  template: Template | null;
  data: ReportData | null;
  /** Every file, sorted by file name. */
  sources: SourceRecord[];
  used: SourceRecord[];
  /** Files not used and whose data is lost for the result (exit code 1). */
  leftOut: SourceRecord[];
  /** Files replaced by a newer or preferred file of the same unit, and identical copies. */
  superseded: SourceRecord[];
  expected: string[];
  received: string[];
  missing: string[];
  /** Every readable file's errors and warnings at their cells, by file: for return notes. */
  issues: Record<string, SourceIssue[]>;
  /** 0 every unit's file used, 1 some left out (data still made), 2 nothing usable (no data). */
  exitCode: ConsolidationExit;
  /** What the user must know, in Vietnamese: choices made, rows or baselines not consolidated. */
  messages: string[];
  /** Set when nothing was consolidated because of a choice the user must make (exit code 2). */
  stop?: ConsolidationStop;
  /** Problems of the result's units hierarchy (unknown parent, cycle), at their units sheet cell. */
  findings: Finding[];
  /** Levels and subtotals when some unit is under another (multi-level consolidation); else null. */
  hierarchy: UnitLevels | null;
  /** Used sources that were consolidated workbooks, with the number of units each brought. */
  consolidations: { file: string; unit: string; units: number }[];
  /** Sources of an older version of the template, carried into its version in memory. */
  migrated?: MigratedSource[];
}

/** A source of an older template version: what it was carried from, and what could not be. */
export interface MigratedSource {
  file: string;
  unit: string | null;
  from: string;
  to: string;
  how: "template" | "names";
  notCarried: NotCarried[];
}

const majorMinor = (v: string | null) => (v ?? "").split(".").slice(0, 2).join(".");
/** Of this template's version: made from it, or carried into it from an older one (screen.ts). */
const sameVersion = (s: ScreenedSource, t: Template) =>
  s.migration
    ? s.migration.to === t.version
    : majorMinor(s.templateVersion) === majorMinor(t.version);
// Periods compare by their canonical code, so "31/5/2025" typed by hand is the cut-off 2025-05-31.
const canonicalPeriod = (p: string) => {
  const parsed = parsePeriod(p);
  return isPeriodError(parsed) ? p.trim() : parsed.text;
};
const periodKey = (p: string) => canonicalPeriod(p).toUpperCase();
const byFile = (a: ScreenedSource, b: ScreenedSource) =>
  a.file < b.file
    ? -1
    : a.file > b.file
      ? 1
      : a.checksum < b.checksum
        ? -1
        : a.checksum > b.checksum
          ? 1
          : 0;

/** The most common value; null on a tie between the most common ones. */
function mostCommon(values: string[]): { value: string | null; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (sorted.length === 0) return { value: null, counts };
  if (sorted.length > 1 && sorted[1][1] === sorted[0][1]) return { value: null, counts };
  return { value: sorted[0][0], counts };
}

function record(
  s: ScreenedSource,
  status: SourceRecord["status"],
  reasons: string[]
): SourceRecord {
  return {
    file: s.file,
    unit: s.unit,
    checksum: s.checksum,
    readAt: s.readAt,
    template: s.template,
    templateVersion: s.templateVersion,
    period: s.period,
    status,
    reasons,
    errors: s.errors,
    warnings: s.warnings,
    ...(s.reportDate ? { reportDate: s.reportDate } : {}),
    ...(s.savedAt ? { savedAt: s.savedAt } : {}),
    ...(s.fileTime ? { fileTime: s.fileTime } : {}),
  };
}

function failure(
  screened: ScreenedSource[],
  stop: ConsolidationStop,
  message: string,
  reasonFor: (s: ScreenedSource) => string
): ConsolidationResult {
  const sources = screened.map((s) => record(s, "leftOut", [s.problem ?? reasonFor(s)]));
  return {
    template: null,
    data: null,
    sources,
    used: [],
    leftOut: sources,
    superseded: [],
    issues: {},
    expected: [],
    received: [],
    missing: [],
    exitCode: 2,
    messages: [message],
    stop,
    findings: [],
    hierarchy: null,
    consolidations: [],
  };
}

export function consolidate(
  screenedInput: ScreenedSource[],
  options: ConsolidateOptions
): ConsolidationResult {
  const screened = [...screenedInput].sort(byFile);
  const usable = screened.filter((s) => s.problem === null);
  // A template not installed here is the one the units' workbooks carry.
  const find = withCarried(
    options.find,
    usable.map((s) => s.carried)
  );
  /** How messages name a template: by its title, as users know it (the id is the CLI's word). */
  const titleOf = (id: string | null) => (id ? (find(id)?.title ?? id) : "");
  if (screened.length === 0) {
    return failure(
      [],
      { kind: "noFiles" },
      "Không có tệp nào để tổng hợp. Chọn các sổ tính .xlsx của các đơn vị.",
      () => ""
    );
  }

  // Template.
  let template: Template | undefined;
  if (options.template) {
    template = find(options.template);
    if (!template)
      return failure(
        screened,
        { kind: "unknownTemplate", templateId: options.template },
        `Không có mẫu "${options.template}".`,
        () => `Không có mẫu "${options.template}".`
      );
  } else {
    const pick = mostCommon(usable.map((s) => s.template!));
    if (pick.value === null) {
      const list = [...pick.counts].map(([id, n]) => `${id}: ${n} tệp`).join(", ");
      return failure(
        screened,
        usable.length === 0
          ? { kind: "nothingUsable" }
          : { kind: "templateTie", counts: [...pick.counts] },
        usable.length === 0
          ? "Không tệp nào dùng được: mọi tệp đều hỏng hoặc không phải sổ tính của BáoCáo."
          : `Các tệp dùng nhiều mẫu với số tệp bằng nhau (${list}). Chọn mẫu cần tổng hợp.`,
        () => "Chưa xác định được mẫu cần tổng hợp."
      );
    }
    template = find(pick.value)!;
  }
  const t = template;

  // Period.
  const sameTemplate = usable.filter((s) => s.template === t.id && sameVersion(s, t));
  let period: string | null = options.period?.trim() ? canonicalPeriod(options.period) : null;
  if (!period) {
    const pick = mostCommon(sameTemplate.filter((s) => s.period).map((s) => periodKey(s.period!)));
    if (pick.value === null && pick.counts.size > 1) {
      const list = [...pick.counts].map(([p, n]) => `${p}: ${n} tệp`).join(", ");
      return failure(
        screened,
        { kind: "periodTie", counts: [...pick.counts] },
        `Các tệp thuộc nhiều kỳ báo cáo với số tệp bằng nhau (${list}). Ghi kỳ cần tổng hợp.`,
        () => "Chưa xác định được kỳ báo cáo cần tổng hợp."
      );
    }
    period = pick.value;
  }

  // Each file on its own.
  const eligible: ScreenedSource[] = [];
  const decided = new Map<ScreenedSource, SourceRecord>();
  for (const s of screened) {
    if (s.problem !== null) {
      decided.set(s, record(s, "leftOut", [s.problem]));
      continue;
    }
    if (s.template !== t.id) {
      decided.set(
        s,
        record(s, "leftOut", [
          `Tệp dùng mẫu "${titleOf(s.template)}", không phải mẫu "${t.title}" đang tổng hợp.`,
        ])
      );
      continue;
    }
    const reasons: string[] = [];
    if (!sameVersion(s, t)) {
      reasons.push(
        `Tệp dùng mẫu "${t.title}" phiên bản ${s.templateVersion}, khác phiên bản ${t.version} đang tổng hợp (phải cùng số phiên bản chính và phụ). Đơn vị cần lập lại sổ từ mẫu hiện hành.`
      );
    }
    if (!s.period) reasons.push("Tệp chưa ghi kỳ báo cáo (trang Thông tin chung).");
    else if (period && periodKey(s.period) !== periodKey(period))
      reasons.push(`Tệp thuộc kỳ ${s.period}, không phải kỳ ${period} đang tổng hợp.`);
    if (!s.unit)
      reasons.push(
        "Tệp chưa ghi cơ quan ban hành (trang Thông tin chung), nên không biết là số liệu của đơn vị nào."
      );
    if (reasons.length > 0) {
      if (s.errors > 0) reasons.push(errorReason(s, false));
      decided.set(s, record(s, "leftOut", reasons));
      continue;
    }
    if (s.errors > 0) {
      decided.set(
        s,
        options.insist
          ? record(s, "forced", [errorReason(s, true)])
          : record(s, "leftOut", [errorReason(s, false)])
      );
      if (!options.insist) continue;
    }
    eligible.push(s);
  }

  // One file per unit.
  const byUnit = new Map<string, ScreenedSource[]>();
  for (const s of eligible) {
    const k = unitKey(s.unit!);
    byUnit.set(k, [...(byUnit.get(k) ?? []), s]);
  }
  const prefer = options.prefer ?? [];
  const preferred = (x: ScreenedSource) => prefer.some((p) => namesFile(p, x.file));
  const messages: string[] = [];
  for (const p of prefer)
    if (!screened.some((x) => namesFile(p, x.file)))
      messages.push(`Không có tệp "${p}" trong các tệp đã chọn, nên không ưu tiên được tệp này.`);
  const used: ScreenedSource[] = [];
  for (const group of byUnit.values()) {
    group.sort(
      (a, b) => Number(preferred(b)) - Number(preferred(a)) || newerFirst(a, b) || byFile(a, b)
    );
    const [kept, ...others] = group;
    used.push(kept);
    const note = (x: SourceRecord, line: string) => ({ ...x, reasons: [...x.reasons, line] });
    if (!decided.has(kept)) decided.set(kept, record(kept, "used", []));
    if (preferred(kept) && group.length > 1) {
      const many = group.filter(preferred);
      if (many.length > 1)
        messages.push(
          `Đơn vị "${kept.unit}": ưu tiên ${many.length} tệp (${many.map((x) => `"${x.file}"`).join(", ")}); chỉ dùng được một, dùng "${kept.file}".`
        );
    }
    if (others.length > 0) {
      const why = preferred(kept) ? "do người dùng chọn" : "bản mới nhất";
      decided.set(
        kept,
        note(
          decided.get(kept)!,
          `Đơn vị "${kept.unit}" gửi ${group.length} tệp; dùng tệp này (${why}), thay cho: ${others.map((d) => `"${d.file}"`).join(", ")}.`
        )
      );
    }
    others.forEach((d, i) => {
      const twin = [kept, ...others.slice(0, i)].find(
        (g) => d.checksum !== "" && g.checksum === d.checksum
      );
      const how = preferred(kept)
        ? "người dùng chọn tệp đó"
        : `tệp đó mới hơn: ${newerBecause(kept, d)}`;
      const base = decided.get(d);
      const r = twin
        ? record(d, "duplicate", [
            `Bản trùng: giống hệt tệp "${twin.file}" (cùng mã kiểm tra); đơn vị "${kept.unit}" chỉ được tính một lần, từ tệp "${kept.file}".`,
          ])
        : record(d, "superseded", [
            `Thay bằng "${kept.file}" (${how}). Số liệu của tệp này không được tính; muốn dùng tệp này thì chọn dùng nó thay cho tệp kia.`,
          ]);
      r.supersededBy = kept.file;
      // A forced file's error note stays with it.
      if (base) r.reasons = [...base.reasons, ...r.reasons];
      decided.set(d, r);
    });
    // A newer file of the unit that could not be used (errors, another version) is worth a word.
    const newer = screened.filter(
      (x) =>
        !eligible.includes(x) &&
        x.unit &&
        unitKey(x.unit) === unitKey(kept.unit!) &&
        x.template === t.id &&
        newerFirst(x, kept) < 0
    );
    if (newer.length > 0)
      decided.set(
        kept,
        note(
          decided.get(kept)!,
          `Đơn vị có tệp mới hơn nhưng bị loại (${newer.map((x) => `"${x.file}"`).join(", ")}): đang dùng tệp này. Xem lý do, trả lại cho đơn vị sửa.`
        )
      );
  }
  used.sort((a, b) => unitKey(a.unit!).localeCompare(unitKey(b.unit!), "vi") || byFile(a, b));

  const ct = consolidatedTemplate(t);
  const built = used.length > 0 ? buildUnits(ct, t, used, messages) : null;
  // What a consolidated source brought, and duplicates, go with the source on the sources sheet.
  for (const [file, notes] of built?.notes ?? []) {
    const s = used.find((u) => u.file === file)!;
    const prev = decided.get(s)!;
    decided.set(s, { ...prev, reasons: [...notes, ...prev.reasons] });
  }
  const approvals = options.approvals ?? [];
  for (const s of screened) {
    if (s.problem !== null) continue;
    const state = reviewState(s, approvals);
    const prev = decided.get(s)!;
    decided.set(s, {
      ...prev,
      review: state.review,
      ...(state.approvedAt ? { approvedAt: state.approvedAt } : {}),
    });
    if (state.refused) messages.push(state.refused);
  }
  for (const a of approvals)
    if (!screened.some((x) => namesFile(a.file, x.file)))
      messages.push(`Không có tệp "${a.file}" trong các tệp đã chọn, nên không duyệt được.`);
  const migrated = migratedSources(screened, decided, t, messages);
  const sources = screened.map((s) => decided.get(s)!);
  const usedRecords = sources.filter((r) => r.status === "used" || r.status === "forced");
  const leftOut = sources.filter((r) => r.status === "leftOut");
  const superseded = sources.filter((r) => r.status === "superseded" || r.status === "duplicate");
  const issues = Object.fromEntries(
    screened.filter((s) => s.issues.length > 0).map((s) => [s.file, s.issues])
  );
  const expected = options.expectedUnits ?? (t.units?.defaults ?? []).map((u) => u.name);

  if (!built) {
    return {
      template: null,
      data: null,
      sources,
      used: [],
      leftOut,
      superseded,
      issues,
      expected,
      received: [],
      missing: expected,
      exitCode: 2,
      messages: [
        `Không còn tệp nào dùng được để tổng hợp mẫu "${t.title}"${period ? ` kỳ ${period}` : ""}: ${leftOut.length} tệp bị loại (xem lý do từng tệp). Không ghi tệp kết quả.`,
      ],
      findings: [],
      hierarchy: null,
      consolidations: [],
    };
  }

  const units = built.units;

  // Completeness, in the order the sources sheet lists it.
  const receivedKeys = new Set(used.map((s) => unitKey(s.unit!)));
  const expectedKeys = new Set(expected.map(unitKey));
  const received = [
    ...expected.filter((u) => receivedKeys.has(unitKey(u))),
    ...used.map((s) => s.unit!).filter((u) => !expectedKeys.has(unitKey(u))),
  ];
  const missing = expected.filter((u) => !receivedKeys.has(unitKey(u)));

  const consolidation: ConsolidationInfo = {
    consolidatedAt: options.consolidatedAt ?? new Date().toISOString(),
    sources,
    expectedUnits: expected,
    receivedUnits: received,
    missingUnits: missing,
  };
  const given = options.deadline?.trim() || null;
  if (given && !isValidIsoDate(given))
    messages.push(
      `Hạn nộp "${given}" không phải ngày hợp lệ; ghi dạng YYYY-MM-DD, vd. 2024-04-10. Chưa xét đúng hạn.`
    );
  const deadline =
    given && isValidIsoDate(given) ? given : given ? null : defaultDeadline(t, period);
  if (deadline) {
    const fileOf = new Map(used.map((s) => [unitKey(s.unit!), s]));
    consolidation.deadline = deadline;
    consolidation.timeliness = timelinessOf(
      expected.length > 0 ? expected : received,
      (u) => fileOf.get(unitKey(u)),
      deadline
    );
  }
  const raw: ReportData = {
    template: t.id,
    templateVersion: t.version,
    header: headerOf(t, period, options.issuer),
    values: {},
    units,
    tables: {},
    texts: unitTexts(
      t,
      used.flatMap((s) => (s.data && s.unit ? [{ unit: s.unit, data: s.data }] : []))
    ),
    consolidation,
  };
  if (used.some((s) => s.carried?.id === t.id && s.carried.version === t.version))
    messages.push(`Mẫu "${t.title}": dùng định nghĩa mẫu lưu trong sổ của các đơn vị.`);
  const targets = agreedTargets(used);
  if (targets) raw.targets = targets;
  else if (t.targets.length > 0)
    messages.push("Các đơn vị ghi mức chỉ tiêu khác nhau; bản tổng hợp dùng mức chỉ tiêu của mẫu.");
  for (const table of t.tables) {
    if (table.kind === "list" && used.some((s) => (s.data?.tables[table.id] ?? []).length > 0))
      messages.push(
        `Bảng danh sách "${table.title}" không được tổng hợp; xem ở sổ của từng đơn vị.`
      );
  }

  const data = consolidatedData(ct, raw);
  const consolidations = used
    .filter((s) => s.consolidated)
    .map((s) => ({ file: s.file, unit: s.unit!, units: built.brought.get(s.file) ?? 0 }));
  if (superseded.length > 0)
    messages.unshift(
      `${superseded.length} tệp được thay bằng tệp mới hơn (hoặc được chọn) của cùng đơn vị, hoặc là bản trùng; không mất số liệu nào. Xem “thay bằng” ở từng tệp.`
    );
  if (leftOut.length > 0)
    messages.unshift(`${leftOut.length}/${sources.length} tệp bị loại; xem lý do ở từng tệp.`);
  const hierarchy = unitLevels(ct, data);
  const findings = hierarchyFindings(data);
  // In the messages too, so the CLI and the pane say the same about levels and parent problems.
  const levels = levelsSummary(hierarchy);
  if (levels) messages.push(levels);
  for (const f of findings) messages.push(`Trang "${f.sheet}", ô ${f.cell}: ${f.message}`);
  return {
    template: ct,
    data,
    sources,
    used: usedRecords,
    leftOut,
    superseded,
    issues,
    expected,
    received,
    missing,
    // A value an older workbook could not carry is data lost for the result, as a file left out.
    exitCode: leftOut.length > 0 || lostValues(migrated, usedRecords) ? 1 : 0,
    messages,
    findings,
    hierarchy,
    consolidations,
    ...(migrated.length > 0 ? { migrated } : {}),
  };
}

function errorReason(s: ScreenedSource, forced: boolean): string {
  const more =
    s.errors > s.errorSamples.length ? `; và ${s.errors - s.errorSamples.length} lỗi khác` : "";
  const list = `${s.errorSamples.join("; ")}${more}`;
  return forced
    ? `Có ${s.errors} lỗi khi kiểm tra (${list}); vẫn tổng hợp theo yêu cầu.`
    : `Có ${s.errors} lỗi khi kiểm tra (${list}). Đơn vị sửa rồi gửi lại, hoặc chọn tổng hợp cả tệp có lỗi.`;
}

function headerOf(
  t: Template,
  period: string | null,
  issuer: string | undefined
): ReportData["header"] {
  const h: ReportData["header"] = {};
  if (t.header.parentBody) h.parentBody = t.header.parentBody;
  if (issuer) h.issuingBody = issuer;
  if (t.header.place) h.place = t.header.place;
  if (period) h.period = period;
  // What the cover sheet would show anyway, so the data and the workbook agree.
  const title = expandTitle(t, period ?? undefined);
  if (title) h.title = title;
  if (t.header.signerAuthority) h.signerAuthority = t.header.signerAuthority;
  if (t.header.signerTitle) h.signerTitle = t.header.signerTitle;
  if (t.header.recipients) h.recipients = [...t.header.recipients];
  return h;
}

/** The units' targets when every used file gives the same ones; else null (template's). */
function agreedTargets(used: ScreenedSource[]): ReportData["targets"] | null {
  const first = used[0].data?.targets;
  if (!first) return null;
  const text = JSON.stringify(first);
  return used.every((s) => JSON.stringify(s.data?.targets) === text) ? first : null;
}

/** "Số tiền hỗ trợ (LĐLĐ huyện Sìn Hồ): 5000000 — lý do" for the sources sheet. */
export function notCarriedLine(n: NotCarried): string {
  return `${n.label}${n.where ? ` (${n.where})` : ""}: ${String(n.value)} — ${n.why}`;
}

/**
 * Sources of an older version: a note on each ("Chuyển từ phiên bản 1.0.0 …") with what could not
 * be carried, and a message when a used one lost values.
 */
function migratedSources(
  screened: ScreenedSource[],
  decided: Map<ScreenedSource, SourceRecord>,
  t: Template,
  messages: string[]
): MigratedSource[] {
  const out: MigratedSource[] = [];
  for (const s of screened) {
    const m = s.migration;
    const prev = decided.get(s);
    if (!m || !prev || m.to !== t.version) continue;
    const how =
      m.how === "template"
        ? `đọc theo mẫu phiên bản ${m.from}`
        : `đọc theo tên ô trong sổ, vì không có tệp mẫu phiên bản ${m.from}`;
    const note =
      m.notCarried.length === 0
        ? `Chuyển từ phiên bản ${m.from} sang ${m.to} (${how}): chuyển được mọi số liệu.`
        : `Chuyển từ phiên bản ${m.from} sang ${m.to} (${how}); ${m.notCarried.length} giá trị không chuyển được:\n${m.notCarried.map((n) => `  - ${notCarriedLine(n)}`).join("\n")}`;
    decided.set(s, { ...prev, reasons: [note, ...prev.reasons] });
    out.push({
      file: s.file,
      unit: s.unit,
      from: m.from,
      to: m.to,
      how: m.how,
      notCarried: m.notCarried,
    });
    if (m.notCarried.length > 0 && (prev.status === "used" || prev.status === "forced"))
      messages.push(
        `Tệp "${s.file}" (phiên bản ${m.from}) có ${m.notCarried.length} giá trị không chuyển được sang phiên bản ${m.to}, nên không có trong bản tổng hợp; xem ở nguồn tổng hợp.`
      );
  }
  return out;
}

function lostValues(migrated: MigratedSource[], used: SourceRecord[]): boolean {
  return migrated.some((m) => m.notCarried.length > 0 && used.some((u) => u.file === m.file));
}
