// Reading a template workbook back into report data. Every input is found through its defined
// name, so rows the user inserted or sheets they renamed do not matter; what cannot be found
// becomes a finding, never a crash.
import {
  isUnitSentence,
  sentenceKey,
  splitUnitSentence,
  tokenProblems,
  sameUnitName,
} from "../narrative/tokens";
import { shortUnitNames } from "../narrative/unit-names";
import type { Indicator, Template } from "../model/load";
import { HEADER_FIELDS } from "../model/schema";
import { cellA1, rangeA1 } from "../layout/a1";
import { DEFINITION_PREFIX, META_KEYS, META_SHEET_PREFIX } from "../layout/meta-sheet";
import { RESERVED_SHEETS } from "../model/load";
import { definedName, PREAMBLE_KEY, type NameTarget } from "../layout/names";
import { comparatorFromLabel } from "../rollup/status";
import type { Finding } from "../findings";
import { canonicalize } from "./canonical";
import {
  cellOf,
  formulaOf,
  NameIndex,
  type ResolvedName,
  type WorkbookSnapshot,
  findSheet,
} from "./snapshot";
import { readTyped, readText } from "./typed";
import { ROW_KEY, type DataValue, type ReportData, type UnitEntry } from "./types";
import { isConsolidatedTemplate } from "../consolidate/template";
import { consolidatedData } from "../consolidate/data";
import { readSourcesSheet } from "./read-sources";
import { hedgeable } from "../layout/hedge-cells";
import { tableHedgeTotals, totalHedgeFits } from "../rollup/hedge";
import { tableRows } from "../rollup/totals";
import { HEDGE_LIST_TEXT, HEDGE_WORDS, parseHedge, type Hedge } from "../format/hedge";

export interface WorkbookMeta {
  templateId: string;
  templateVersion: string;
  layoutVersion: number | null;
  /** The sheets the template owns, by sheet key ("cover", "section:ket_qua", ...). */
  sheets: Record<string, string>;
  /** Made by baocao consolidate: read it with consolidatedTemplate(template). */
  consolidated: boolean;
  /**
   * The template definition the workbook carries, as written (checked and loaded by
   * core/model/embedded.ts); null in workbooks made before workbooks carried it.
   */
  definition: EmbeddedDefinition | null;
}

export interface EmbeddedDefinition {
  format: string | null;
  checksum: string | null;
  /** The JSON text, its chunks joined in key order. */
  json: string;
  /** The meta sheet's name and the cell of the first chunk, to locate messages. */
  sheet: string;
  cell: string;
}

/** Which template made the workbook, from its hidden metadata sheet; null when it has none. */
export function readMeta(snapshot: WorkbookSnapshot): WorkbookMeta | null {
  const sheet =
    findSheet(snapshot, RESERVED_SHEETS.meta) ??
    snapshot.sheets.find((s) => s.name.startsWith(RESERVED_SHEETS.meta));
  if (!sheet) return null;
  const map = new Map<string, string>();
  const chunks: { n: number; text: string; row: number }[] = [];
  for (let i = 0; i < sheet.values.length; i++) {
    const k = readText(cellOf(sheet, sheet.top + i, 1));
    const v = readText(cellOf(sheet, sheet.top + i, 2));
    if (k && v && k.startsWith(DEFINITION_PREFIX))
      chunks.push({ n: Number(k.slice(DEFINITION_PREFIX.length)), text: v, row: sheet.top + i });
    else if (k && v) map.set(k, v);
  }
  chunks.sort((a, b) => a.n - b.n);
  const templateId = map.get(META_KEYS.templateId);
  const templateVersion = map.get(META_KEYS.templateVersion);
  if (!templateId || !templateVersion) return null;
  const layout = Number(map.get(META_KEYS.layoutVersion));
  const sheets: Record<string, string> = {};
  for (const [k, v] of map)
    if (k.startsWith(META_SHEET_PREFIX)) sheets[k.slice(META_SHEET_PREFIX.length)] = v;
  return {
    templateId,
    templateVersion,
    layoutVersion: Number.isFinite(layout) ? layout : null,
    sheets,
    consolidated: map.get(META_KEYS.consolidated) === "1",
    definition:
      chunks.length > 0 || map.has(META_KEYS.definitionChecksum)
        ? {
            format: map.get(META_KEYS.definitionFormat) ?? null,
            checksum: map.get(META_KEYS.definitionChecksum) ?? null,
            json: chunks.map((c) => c.text).join(""),
            sheet: sheet.name,
            cell: cellA1(chunks[0]?.row ?? sheet.top, 2),
          }
        : null,
  };
}

export interface ReadResult {
  /** Canonical data (what dump prints). */
  data: ReportData;
  /** The same figures aligned with the sheets' rows: every unit slot (even unnamed) and every
   * table row, so a figure's index is its row in the sheet. Validation locates cells with it. */
  raw: ReportData;
  findings: Finding[];
}

class Reader {
  readonly findings: Finding[] = [];
  private readonly names: NameIndex;

  constructor(
    readonly template: Template,
    readonly snapshot: WorkbookSnapshot
  ) {
    this.names = new NameIndex(snapshot);
  }

  /** A name only newer workbooks have (sentence cells): absent is no finding. */
  optional(target: NameTarget): ResolvedName | null {
    const r = this.names.resolve(definedName(target));
    return r.ok ? r.value : null;
  }

  resolve(target: NameTarget, what: string): ResolvedName | null {
    const name = definedName(target);
    const r = this.names.resolve(name);
    if (r.ok) return r.value;
    const indicator = "indicator" in target ? target.indicator : null;
    const message =
      r.reason === "missing"
        ? `Không tìm thấy ô "${what}" trong sổ tính: có thể ô hoặc trang đã bị xoá. Tạo lại sổ từ mẫu hoặc khôi phục trang.`
        : r.reason === "sheet-missing"
          ? `Ô "${what}" nằm trên trang "${r.sheetName}" không còn trong sổ tính: trang đã bị xoá hoặc đổi tên ngoài Excel.`
          : `Ô "${what}" đã bị xoá (${r.ref}). Tạo lại sổ từ mẫu hoặc khôi phục ô.`;
    this.findings.push({
      severity: "error",
      sheet: null,
      cell: null,
      indicator,
      rule: "missing-name",
      value: r.ref ?? null,
      message,
    });
    return null;
  }

  /**
   * A name that workbooks made before it existed lack (the hedge cells): missing is not an error,
   * the figures are then exact; a name that is there but broken is reported as any other.
   */
  resolveOptional(target: NameTarget, what: string): ResolvedName | null {
    const r = this.names.resolve(definedName(target));
    if (!r.ok && r.reason === "missing") return null;
    return this.resolve(target, what);
  }

  /**
   * The hedge typed beside a figure: null when blank (exact) or when it cannot be used — an
   * unknown word (error: the draft would not know what to write), or a hedge beside a blank figure
   * (warning: there is nothing to hedge). `label` names the figure as the messages say it.
   */
  hedge(
    r: ResolvedName,
    row: number,
    indicator: string,
    label: string,
    figure: DataValue
  ): Hedge | null {
    const cell = cellA1(row, r.range.left);
    const raw = cellOf(r.sheet, row, r.range.left);
    const text = typeof raw === "object" && raw !== null ? raw.error : raw;
    const parsed = parseHedge(text);
    if (parsed === null) return null;
    const shown = String(text).trim();
    if (parsed === "unknown") {
      this.findings.push({
        severity: "error",
        sheet: r.sheet.name,
        cell,
        indicator,
        rule: "hedge-unknown",
        value: shown,
        message: `Ô ước lượng của "${label}" ghi "${shown}", không phải từ BáoCáo viết được trước số liệu. Chọn trong danh sách một trong các từ ${HEDGE_LIST_TEXT}; để trống nếu số liệu chính xác.`,
      });
      return null;
    }
    if (figure === null || figure === "") {
      this.findings.push({
        severity: "warning",
        sheet: r.sheet.name,
        cell,
        indicator,
        rule: "hedge-blank",
        value: shown,
        message: `Ô ước lượng của "${label}" ghi "${HEDGE_WORDS[parsed]}" nhưng chưa có số liệu, nên từ này không được dùng. Nhập số liệu, hoặc xoá "${HEDGE_WORDS[parsed]}".`,
      });
      return null;
    }
    return parsed;
  }

  /** The cells of a one-column range, top to bottom. */
  column(r: ResolvedName): { row: number; col: number; raw: ReturnType<typeof cellOf> }[] {
    const out = [];
    for (let row = r.range.top; row <= r.range.bottom; row++) {
      out.push({ row, col: r.range.left, raw: cellOf(r.sheet, row, r.range.left) });
    }
    return out;
  }

  typed(ind: Indicator, r: ResolvedName, row: number, col: number, label = ind.label): DataValue {
    const read = readTyped(ind.type, cellOf(r.sheet, row, col), {
      sheet: r.sheet.name,
      cell: cellA1(row, col),
      indicator: ind.id,
      label,
    });
    this.findings.push(...read.findings);
    return read.value;
  }

  expectSize(r: ResolvedName, rows: number, what: string): void {
    const actual = r.range.bottom - r.range.top + 1;
    if (actual !== rows || r.range.left !== r.range.right) {
      this.findings.push({
        severity: "error",
        sheet: r.sheet.name,
        cell: rangeA1(r.range),
        indicator: null,
        rule: "layout",
        value: rangeA1(r.range),
        message: `Vùng "${r.name}" (${what}) có ${actual} dòng, khác ${rows} dòng của mẫu: có thể dòng đã bị chèn hoặc xoá. Tạo lại sổ từ mẫu rồi chép số liệu sang.`,
      });
    }
  }
}

/** A token in a text or sentence cell that names no figure: a warning at that cell. */
function tokenFindings(rd: Reader, r: ResolvedName, text: string, optional: boolean): void {
  for (const problem of tokenProblems(rd.template, text, optional)) {
    rd.findings.push({
      severity: "warning",
      sheet: r.sheet.name,
      cell: cellA1(r.range.top, r.range.left),
      indicator: null,
      rule: "unknown-token",
      value: text.length > 80 ? `${text.slice(0, 80)}…` : text,
      message: `Mã số liệu trong câu không đúng: ${problem}. Sửa mã cho khớp cột "Mã chỉ số" hoặc bỏ dấu { }; đoạn này được để trống trong bản Word.`,
    });
  }
}

/**
 * A unit's own line in a {don_vi} sentence cell ("Hà Giang: tặng …") naming no unit of the
 * workbook is never said: a warning at the cell, naming the units it could be.
 */
function unitLineFindings(rd: Reader, r: ResolvedName, text: string, units: UnitEntry[]): void {
  const full = units.map((u) => u.name);
  const names = [...full, ...shortUnitNames(full).names];
  for (const own of splitUnitSentence(text).own) {
    if (!names.some((n) => sameUnitName(n, own.unit))) {
      rd.findings.push({
        severity: "warning",
        sheet: r.sheet.name,
        cell: cellA1(r.range.top, r.range.left),
        indicator: null,
        rule: "unit-sentence-name",
        value: own.unit,
        message: `Dòng "${own.unit}: …" trong câu này không khớp tên đơn vị nào nên không được dùng. Viết tên như ở trang "${RESERVED_SHEETS.units}" (${shortUnitNames(full).names.slice(0, 3).join(", ")}${full.length > 3 ? ", …" : ""}) rồi dấu hai chấm.`,
      });
    }
  }
}

/**
 * The writer's own hedge of a table's total, typed over the total row's formula in its hedge
 * column ("trên" before 45 agreements every province gave exactly, as seed 001 rounds totals
 * down). The formula's own result, or a word equal to it, is no hedge of the writer's; a word the
 * rows' hedges contradict ("trên" over rows said "gần") is a warning and the rows' is used.
 */
function readTotalHedges(rd: Reader, data: ReportData): void {
  for (const table of rd.template.tables) {
    if (!table.total || table.kind === "list") continue;
    const rowsHedges = tableHedgeTotals(table, data, false);
    const rows = tableRows(table, data);
    for (const col of table.columns) {
      if (!hedgeable(col)) continue;
      const hr = rd.resolveOptional(
        { kind: "hedge", indicator: col.id },
        `${table.title}: ${col.label} (trên/gần…)`
      );
      if (!hr) continue;
      const row = hr.range.bottom + 1;
      if (formulaOf(hr.sheet, row, hr.range.left)) continue;
      const given = rows.some((x) => typeof x[col.id] === "number") ? 1 : null;
      const label = `${col.label}, dòng Tổng cộng`;
      const own = rd.hedge(hr, row, col.id, label, given);
      const derived = rowsHedges.get(col.id) ?? null;
      if (!own || own === derived) continue;
      if (!totalHedgeFits(own, derived)) {
        rd.findings.push({
          severity: "warning",
          sheet: hr.sheet.name,
          cell: cellA1(row, hr.range.left),
          indicator: col.id,
          rule: "hedge-total",
          value: HEDGE_WORDS[own],
          message: `Dòng Tổng cộng của "${col.label}" ghi "${HEDGE_WORDS[own]}" nhưng theo các dòng, tổng là "${derived ? HEDGE_WORDS[derived] : ""}", nên bản Word viết "${derived ? HEDGE_WORDS[derived] : ""}". Chọn "${derived ? HEDGE_WORDS[derived] : ""}" hoặc "${HEDGE_WORDS.about}", hoặc sửa từ ước lượng ở các dòng.`,
        });
        continue;
      }
      ((data.hedges ??= {}).values ??= {})[col.id] = own;
    }
  }
}

export function readWorkbook(template: Template, snapshot: WorkbookSnapshot): ReadResult {
  const rd = new Reader(template, snapshot);
  const meta = readMeta(snapshot);
  const data: ReportData = {
    template: meta?.templateId ?? template.id,
    templateVersion: meta?.templateVersion ?? template.version,
    header: {},
    values: {},
    units: [],
    tables: {},
    texts: {},
  };

  for (const field of HEADER_FIELDS) {
    const r = rd.resolve({ kind: "header", field }, `thông tin chung: ${field}`);
    if (!r) continue;
    if (field === "recipients") {
      data.header.recipients = rd
        .column(r)
        .map((c) => readText(c.raw))
        .filter((x): x is string => x !== null);
    } else if (field === "date") {
      const v = readTyped("date", cellOf(r.sheet, r.range.top, r.range.left), {
        sheet: r.sheet.name,
        cell: cellA1(r.range.top, r.range.left),
        indicator: null,
        label: "Ngày ban hành",
      });
      rd.findings.push(...v.findings);
      if (typeof v.value === "string") data.header.date = v.value;
    } else {
      const v = readText(cellOf(r.sheet, r.range.top, r.range.left));
      if (v !== null) data.header[field] = v.trim();
    }
  }

  const textKeys = [
    ...(template.preamble ? [PREAMBLE_KEY] : []),
    ...template.allSections.filter((s) => s.text).map((s) => s.id),
  ];
  for (const key of textKeys) {
    const r = rd.resolve({ kind: "text", section: key }, `nội dung mục ${key}`);
    const v = r ? readText(cellOf(r.sheet, r.range.top, r.range.left)) : null;
    if (v !== null) data.texts[key] = v;
    if (r && v !== null) tokenFindings(rd, r, v, false);
  }

  // Template sentences as the unit worded them; the template's own wording is not stored.
  const unitLines: { r: ResolvedName; text: string }[] = [];
  for (const s of template.allSections) {
    for (const sentence of s.sentences) {
      const r = rd.optional({ kind: "sentence", section: s.id, sentence: sentence.id });
      if (!r) continue;
      const v = readText(cellOf(r.sheet, r.range.top, r.range.left)) ?? "";
      if (v.trim() === sentence.text) continue;
      data.sentences = { ...data.sentences, [sentenceKey(s.id, sentence.id)]: v.trim() };
      tokenFindings(rd, r, v, true);
      if (isUnitSentence(v)) unitLines.push({ r, text: v });
    }
  }

  for (const ind of template.indicators) {
    if (ind.table || ind.computed) continue;
    const r = rd.resolve({ kind: "value", indicator: ind.id }, ind.label);
    if (r) {
      const v = rd.typed(ind, r, r.range.top, r.range.left);
      if (v !== null) data.values[ind.id] = v;
      const hr = hedgeable(ind)
        ? rd.resolveOptional({ kind: "hedge", indicator: ind.id }, `${ind.label} (trên/gần…)`)
        : null;
      const h = hr ? rd.hedge(hr, hr.range.top, ind.id, ind.label, v) : null;
      if (h) ((data.hedges ??= {}).values ??= {})[ind.id] = h;
    }
    for (const bl of template.baselines) {
      if (!["integer", "decimal", "money", "percent"].includes(ind.type)) continue;
      const br = rd.resolve(
        { kind: "baseline", baseline: bl, indicator: ind.id },
        `${ind.label} (${bl})`
      );
      if (!br) continue;
      const v = rd.typed(
        ind,
        br,
        br.range.top,
        br.range.left,
        `${ind.label}, ${bl === "lastYear" ? "cùng kỳ năm trước" : "đầu nhiệm kỳ"}`
      );
      if (v !== null) {
        data.baselines ??= {};
        (data.baselines[bl] ??= {})[ind.id] = v;
      }
    }
  }

  if (template.hasPerUnitTables) data.units = readUnits(rd);

  for (const table of template.tables) {
    if (table.kind === "perUnit") {
      readPerUnitColumns(rd, table.id, data.units);
      continue;
    }
    const rowCount = table.kind === "fixed" ? (table.rows ?? []).length : table.maxRows;
    const rows: Record<string, DataValue>[] = Array.from({ length: rowCount }, (_, i) => {
      const row: Record<string, DataValue> = {};
      if (table.kind === "fixed") row[ROW_KEY] = table.rows![i].id;
      return row;
    });
    for (const col of table.columns) {
      if (col.computed) continue;
      const r = rd.resolve(
        { kind: "column", table: table.id, indicator: col.id },
        `${table.title}: ${col.label}`
      );
      if (!r) continue;
      rd.expectSize(r, rowCount, `${table.title}: ${col.label}`);
      for (let i = 0; i < Math.min(rowCount, r.range.bottom - r.range.top + 1); i++) {
        const row = r.range.top + i;
        const label =
          table.kind === "fixed"
            ? `${col.label}, ${table.rows![i].label}`
            : `${col.label}, dòng ${i + 1}`;
        const v = rd.typed(col, r, row, r.range.left, label);
        if (v !== null) rows[i][col.id] = v;
      }
      if (table.kind !== "fixed" || !hedgeable(col)) continue;
      const hr = rd.resolveOptional(
        { kind: "hedge", indicator: col.id },
        `${table.title}: ${col.label} (trên/gần…)`
      );
      if (!hr) continue;
      rd.expectSize(hr, rowCount, `${table.title}: ${col.label} (trên/gần…)`);
      for (let i = 0; i < Math.min(rowCount, hr.range.bottom - hr.range.top + 1); i++) {
        const fixedRow = table.rows![i];
        const label = `${col.label}, ${fixedRow.label}`;
        const h = rd.hedge(hr, hr.range.top + i, col.id, label, rows[i][col.id] ?? null);
        if (!h) continue;
        const byRow = (((data.hedges ??= {}).tables ??= {})[table.id] ??= {});
        (byRow[fixedRow.id] ??= {})[col.id] = h;
      }
    }
    data.tables[table.id] = rows;
  }

  if (template.targets.length > 0) {
    data.targets = {};
    for (const target of template.targets) {
      const cr = rd.resolve(
        { kind: "targetComparator", target: target.id },
        `so sánh của chỉ tiêu ${target.label}`
      );
      const vr = rd.resolve(
        { kind: "targetValue", target: target.id },
        `mức chỉ tiêu ${target.label}`
      );
      let comparator = target.comparator;
      if (cr) {
        const raw = readText(cellOf(cr.sheet, cr.range.top, cr.range.left));
        const parsed = raw ? comparatorFromLabel(raw) : null;
        if (parsed) comparator = parsed;
        else {
          rd.findings.push({
            severity: "error",
            sheet: cr.sheet.name,
            cell: cellA1(cr.range.top, cr.range.left),
            indicator: target.id,
            rule: "target-comparator",
            value: raw,
            message: `Cách so sánh của chỉ tiêu "${target.label}" ${raw ? `"${raw}" không hợp lệ` : "đang trống"}. Chọn =, ≥, >, ≤ hoặc < trong danh sách.`,
          });
        }
      }
      let value: number | null = target.value;
      if (vr) {
        const read = readTyped("decimal", cellOf(vr.sheet, vr.range.top, vr.range.left), {
          sheet: vr.sheet.name,
          cell: cellA1(vr.range.top, vr.range.left),
          indicator: target.id,
          label: `mức chỉ tiêu "${target.label}"`,
        });
        rd.findings.push(...read.findings);
        value = typeof read.value === "number" ? read.value : null;
      }
      data.targets[target.id] = { comparator, value };
    }
  }

  for (const { r, text } of unitLines) unitLineFindings(rd, r, text, data.units);
  readTotalHedges(rd, data);

  const consolidation = readSourcesSheet(snapshot, meta?.sheets.sources);
  if (consolidation) data.consolidation = consolidation;
  const canonical = isConsolidatedTemplate(template)
    ? consolidatedData(template, data)
    : canonicalize(template, data);
  if (consolidation) canonical.consolidation = consolidation;
  return { data: canonical, raw: data, findings: rd.findings };
}

function readUnits(rd: Reader): UnitEntry[] {
  const names = rd.resolve({ kind: "unitName" }, "tên đơn vị");
  const parents = rd.resolve({ kind: "unitParent" }, "đơn vị cấp trên");
  if (!names) return [];
  const units: UnitEntry[] = [];
  const seen = new Map<string, string>();
  rd.column(names).forEach((c, i) => {
    const name = readText(c.raw)?.trim() ?? "";
    const parent = parents
      ? (readText(cellOf(parents.sheet, parents.range.top + i, parents.range.left))?.trim() ?? null)
      : null;
    if (name) {
      const key = name.toLocaleLowerCase("vi");
      if (seen.has(key)) {
        rd.findings.push({
          severity: "error",
          sheet: names.sheet.name,
          cell: cellA1(c.row, c.col),
          indicator: null,
          rule: "duplicate-unit",
          value: name,
          message: `Đơn vị "${name}" ghi hai lần (ô ${seen.get(key)} và ô ${cellA1(c.row, c.col)}, trang "${names.sheet.name}"). Mỗi đơn vị chỉ ghi một dòng.`,
        });
      }
      seen.set(key, cellA1(c.row, c.col));
    }
    // Blank names keep their slot so unit rows stay aligned with the table rows that mirror them.
    units.push({ name, parent: parent || null, values: {} });
  });
  return units;
}

function readPerUnitColumns(rd: Reader, tableId: string, units: UnitEntry[]): void {
  const table = rd.template.tableById.get(tableId)!;
  for (const col of table.columns) {
    if (col.computed) continue;
    const r = rd.resolve(
      { kind: "column", table: table.id, indicator: col.id },
      `${table.title}: ${col.label}`
    );
    if (!r) continue;
    if (units.length > 0) rd.expectSize(r, units.length, `${table.title}: ${col.label}`);
    const n = r.range.bottom - r.range.top + 1;
    for (let i = 0; i < n; i++) {
      const row = r.range.top + i;
      const unit = units[i];
      const v = rd.typed(
        col,
        r,
        row,
        r.range.left,
        `${col.label}, ${unit?.name || `dòng ${i + 1}`}`
      );
      if (v === null) continue;
      if (!unit || !unit.name) {
        rd.findings.push({
          severity: "error",
          sheet: r.sheet.name,
          cell: cellA1(row, r.range.left),
          indicator: col.id,
          rule: "unit-missing",
          value: v,
          message: `Dòng này có số liệu nhưng chưa có tên đơn vị. Ghi tên đơn vị ở trang "${RESERVED_SHEETS.units}" hoặc xoá số liệu.`,
        });
        continue;
      }
      unit.values[col.id] = v;
    }
    if (!hedgeable(col)) continue;
    const hr = rd.resolveOptional(
      { kind: "hedge", indicator: col.id },
      `${table.title}: ${col.label} (trên/gần…)`
    );
    if (!hr) continue;
    if (units.length > 0)
      rd.expectSize(hr, units.length, `${table.title}: ${col.label} (trên/gần…)`);
    const rows = Math.min(units.length, hr.range.bottom - hr.range.top + 1);
    for (let i = 0; i < rows; i++) {
      const unit = units[i];
      const label = `${col.label}, ${unit.name || `dòng ${i + 1}`}`;
      const h = rd.hedge(hr, hr.range.top + i, col.id, label, unit.values[col.id] ?? null);
      if (h) (unit.hedges ??= {})[col.id] = h;
    }
  }
}
