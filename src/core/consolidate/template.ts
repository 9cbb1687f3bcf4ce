// The consolidated form of a template. A unit's workbook holds most figures as scalars (one value
// per indicator on a section sheet), which cannot keep each unit's own figure once many units are
// added up. The consolidated template is the same template (same id and version) where:
//   - in every section, the numeric scalar indicators that aggregate (aggregation ≠ none) become
//     the columns, with the same ids, of a generated per-unit table "<section>_dv"; a computed rate
//     follows when its part and whole both move (it is then recomputed from the totals);
//   - when the template has comparison values (cùng kỳ năm trước, đầu nhiệm kỳ), each moved figure
//     gets a column "<id>_ly" / "<id>_sn" in the same table, so baselines are traceable per unit too;
//   - every fixed table is kept (its cells are the sum of the units' cells) and gets a generated
//     per-unit table "<table>_dv" whose columns are "<table>_<row>_<column>" (see FixedCell);
//   - requirements are relaxed (header, texts, required figures): a consolidated workbook is a
//     compilation the writer completes, not a unit's submission.
// The result goes through loadTemplate, so every derived view (indicatorById, sheets, names,
// totals, validation) is consistent and nothing downstream needs to know about consolidation.
import {
  isNumericType,
  RESERVED_SHEETS,
  type Indicator,
  type Section,
  type Table,
  type Template,
} from "../model/load";
import { loadTemplate } from "../model/load-checked";
import type {
  Baseline,
  ColumnDefinition,
  IndicatorDefinition,
  RuleDefinition,
  SectionInput,
  TemplateInput,
} from "../model/schema";
import { formatSectionNumber } from "../model/numbering";
import { SUBTOTALS_SHEET } from "../layout/hierarchy-units";

/** Where a generated column of a fixed table's per-unit table comes from. */
export interface FixedCell {
  table: string;
  row: string;
  column: string;
}

/** How the consolidated template relates to the original one. */
export interface ConsolidationMap {
  /** Original scalar indicator id → the generated per-unit table that now holds it. */
  moved: ReadonlyMap<string, string>;
  /** Generated baseline column id → the baseline and the indicator it holds. */
  baselineColumns: ReadonlyMap<string, { baseline: Baseline; indicator: string }>;
  /** Indicator id → its baseline columns, by baseline. */
  baselineColumnOf: ReadonlyMap<string, Partial<Record<Baseline, string>>>;
  /** Generated column id → the fixed table cell it holds for each unit. */
  fixedCells: ReadonlyMap<string, FixedCell>;
  /** "table.row.column" → generated column id (the key units' values use in reports). */
  fixedColumnOf: ReadonlyMap<string, string>;
  /** Ids of the generated per-unit tables. */
  generatedTables: ReadonlySet<string>;
}

/** Title prefix of the generated per-unit tables (the subtotals sheet drops it from its headers). */
export const UNIT_TABLE_TITLE = "Số liệu của các đơn vị — ";

export const BASELINE_SUFFIX: Record<Baseline, string> = { lastYear: "ly", startOfTerm: "sn" };
const BASELINE_GROUP: Record<Baseline, string> = {
  lastYear: "Cùng kỳ năm trước",
  startOfTerm: "Đầu nhiệm kỳ",
};
const MAX_ID = 63;
const MAX_SHEET = 31;

/** The key a fixed table cell is reported under in units' values of a consolidation. */
export function fixedCellKey(cell: FixedCell): string {
  return `${cell.table}.${cell.row}.${cell.column}`;
}

/** FNV-1a, base 36: a short stable suffix for ids that would exceed 63 characters. */
function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, "0");
}

/** An id that fits the id rule and is not yet taken; long ones keep a prefix and a hash. */
function freshId(wanted: string, taken: Set<string>): string {
  let id = wanted.length <= MAX_ID ? wanted : `${wanted.slice(0, MAX_ID - 8)}_${shortHash(wanted)}`;
  for (let n = 2; taken.has(id); n++) {
    const tail = `_${n}`;
    id = `${id.slice(0, MAX_ID - tail.length)}${tail}`;
  }
  taken.add(id);
  return id;
}

/**
 * One-syllable words that start a new word in a heading ("và", "của", "cho"…): a name may end
 * before one, and never with one.
 */
const FUNCTION_WORDS = new Set(
  "và hoặc của cho trong với để theo tại về gắn đáp nhằm góp các những từ trên dưới đến qua bằng do là".split(
    " "
  )
);

/** Syllables that finish the word before them ("cụ thể hóa"), so they never start one. */
const SUFFIXES = new Set(["hóa", "hoá"]);

/**
 * Where a shortened name may end without cutting a word in two. Vietnamese writes syllables apart
 * and most words have two ("đoàn viên", "tài chính"), so a space is no word boundary: a name ends
 * at a clause boundary (",", ";", ":", "."), before a quote or bracket, before a function word,
 * or after an even number of syllables since the last of these. Never inside quotes.
 */
function wordEnds(text: string): number[] {
  const ends: number[] = [];
  let syllables = 0;
  let quoted = false;
  let previous = -1;
  for (const m of text.matchAll(/\S+/g)) {
    const token = m[0];
    const end = m.index + token.length;
    const bare = token.replace(/^[“"(]+|[”")\],;:.]+$/g, "").toLowerCase();
    if (/^[“"(]/.test(token) && !quoted) {
      if (previous > 0) ends.push(previous);
      syllables = 0;
    }
    if (/[“"]/.test(token[0])) quoted = true;
    const closes = /[”"]/.test(token.slice(1)) || (token.length === 1 && quoted && token === '"');
    if (FUNCTION_WORDS.has(bare) && !quoted) {
      if (previous > 0) ends.push(previous);
      syllables = 0;
    } else if (/^(ĐV|[\dIVX]+(\.\d+)*\.?)$/.test(token)) {
      // The "ĐV" and section number prefixes stand apart from the heading's words.
      syllables = 0;
    } else {
      if (!(SUFFIXES.has(bare) && syllables > 0)) syllables++;
      if (closes) quoted = false;
      if (!quoted && /[,;:.”")]$/.test(token)) {
        ends.push(end);
        syllables = 0;
      } else if (!quoted && syllables % 2 === 0) ends.push(end);
    }
    previous = end;
  }
  return ends;
}

/** A sheet name Excel accepts (≤ 31 characters, no []:*?/\) that no other sheet uses. */
export function freshSheetName(wanted: string, taken: Set<string>): string {
  const clean = wanted
    .replace(/[[\]:*?/\\]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "");
  const ends = wordEnds(clean);
  const cut = (max: number) => {
    if (clean.length <= max) return clean;
    // The longest head that ends on a word; a heading with none short enough (one word over 31
    // characters) is cut and says so with "…".
    const end = ends.filter((e) => e <= max && e >= 8).pop();
    const head = end === undefined ? `${clean.slice(0, max - 1)}…` : clean.slice(0, end);
    return head.replace(/[\s,;:.\-–—]+$/, "");
  };
  let name = cut(MAX_SHEET);
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const tail = ` (${n})`;
    name = `${cut(MAX_SHEET - tail.length)}${tail}`;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** Headings may hold "{period}"; a table title is fixed text, so placeholders are dropped. */
function plainHeading(s: string): string {
  return s
    .replace(/\s*\{[a-zA-Z]+\}/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function indicatorDefinition(i: Indicator): IndicatorDefinition {
  const {
    section: _section,
    sheetSection: _sheetSection,
    table: _table,
    perUnit: _perUnit,
    group: _group,
    width: _width,
    ...def
  } = i;
  return def;
}

function columnDefinition(i: Indicator): ColumnDefinition {
  const {
    section: _section,
    sheetSection: _sheetSection,
    table: _table,
    perUnit: _perUnit,
    ...def
  } = i;
  return def;
}

function ruleDefinition(r: Template["rules"][number]): RuleDefinition {
  const { assertExpr: _a, whenExpr: _w, identifiers: _i, ...def } = r;
  return def;
}

function tableDefinition(t: Table): NonNullable<SectionInput["tables"]>[number] {
  const { section: _section, columns, ...def } = t;
  return { ...def, columns: columns.map(columnDefinition) };
}

/** Figures of a section that get one column per unit. */
function movesToUnits(i: Indicator): boolean {
  return !i.table && !i.computed && isNumericType(i.type) && i.aggregation !== "none";
}

interface Builder {
  template: Template;
  ids: Set<string>;
  sheets: Set<string>;
  moved: Map<string, string>;
  baselineColumns: Map<string, { baseline: Baseline; indicator: string }>;
  baselineColumnOf: Map<string, Partial<Record<Baseline, string>>>;
  fixedCells: Map<string, FixedCell>;
  fixedColumnOf: Map<string, string>;
  generatedTables: Set<string>;
  unitLabel: string;
  groups: Map<string, MoveGroup>;
}

/** A moved figure as a column: relations kept only where they stay inside the same table. */
function movedColumn(i: Indicator, inTable: Set<string>): ColumnDefinition {
  const col: ColumnDefinition = { ...indicatorDefinition(i), required: false };
  if (col.partOf && !inTable.has(col.partOf)) col.partOf = null;
  // A target on the Chỉ tiêu sheet is checked on the total; a column only compares with a column.
  if (col.target && !inTable.has(col.target)) col.target = null;
  if (col.ratioOf && !(inTable.has(col.ratioOf.part) && inTable.has(col.ratioOf.whole)))
    col.ratioOf = null;
  return col;
}

/**
 * Which figures move, grouped into tables. Figures of one section share a table; sections whose
 * figures are related (a part in one section, its whole in another, a rate across both) share one
 * too, so every relation stays inside a table and rates are computed row by row.
 */
interface MoveGroup {
  /** The first section (document order) of the group: the generated table is appended to it. */
  anchor: Section;
  sections: Section[];
  /** Moved figures and rates in document order. */
  members: Indicator[];
}

function moveGroups(t: Template): Map<string, MoveGroup> {
  const moving = new Set(t.indicators.filter(movesToUnits).map((i) => i.id));
  const rates = t.indicators.filter(
    (i) =>
      !i.table &&
      i.computed &&
      i.ratioOf !== null &&
      moving.has(i.ratioOf.part) &&
      moving.has(i.ratioOf.whole)
  );
  const members = new Set([...moving, ...rates.map((r) => r.id)]);
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  const sectionOf = (id: string) => t.indicatorById.get(id)!.section;
  for (const id of members) {
    const i = t.indicatorById.get(id)!;
    find(i.section);
    for (const other of [i.partOf, i.target, i.ratioOf?.part, i.ratioOf?.whole]) {
      if (other && members.has(other)) union(i.section, sectionOf(other));
    }
  }
  const byRoot = new Map<string, MoveGroup>();
  for (const s of t.allSections) {
    const own = t.indicators.filter((i) => i.section === s.id && members.has(i.id));
    if (own.length === 0) continue;
    const root = find(s.id);
    const g = byRoot.get(root);
    if (g) {
      g.sections.push(s);
      g.members.push(...own);
    } else byRoot.set(root, { anchor: s, sections: [s], members: own });
  }
  return new Map([...byRoot.values()].map((g) => [g.anchor.id, g]));
}

function groupUnitTable(b: Builder, g: MoveGroup): NonNullable<SectionInput["tables"]>[number] {
  const inTable = new Set(g.members.map((i) => i.id));
  const tableId = freshId(`${g.anchor.id}_dv`, b.ids);
  const moving = g.members.filter((i) => !i.computed);
  const columns: ColumnDefinition[] = g.members.map((i) => movedColumn(i, inTable));
  for (const bl of b.template.baselines) {
    for (const i of moving) {
      const id = freshId(`${i.id}_${BASELINE_SUFFIX[bl]}`, b.ids);
      b.baselineColumns.set(id, { baseline: bl, indicator: i.id });
      b.baselineColumnOf.set(i.id, { ...b.baselineColumnOf.get(i.id), [bl]: id });
      columns.push({
        id,
        label: i.label,
        shortLabel: i.shortLabel,
        unit: i.unit,
        type: i.type,
        required: false,
        min: i.min,
        max: i.max,
        aggregation: i.aggregation,
        partOf: null,
        target: null,
        ratioOf: null,
        computed: false,
        role: "value",
        sayZero: i.sayZero,
        decimals: i.decimals,
        group: BASELINE_GROUP[bl],
      });
    }
  }
  for (const i of g.members) b.moved.set(i.id, tableId);
  b.generatedTables.add(tableId);
  const numbers = g.sections.map((s) => formatSectionNumber(s.number, s.level));
  const heading = plainHeading(g.anchor.heading);
  const what =
    g.sections.length === 1
      ? `mục ${numbers[0]} ${heading}`
      : `các mục ${numbers.join(", ")} (${g.sections.map((s) => plainHeading(s.heading)).join("; ")})`;
  return {
    id: tableId,
    title: `${UNIT_TABLE_TITLE}${heading}`,
    sheetName: freshSheetName(`ĐV ${numbers[0]} ${heading}`, b.sheets),
    kind: "perUnit",
    rowHeader: b.unitLabel,
    columns,
    total: true,
    note: `Số liệu ${what} của từng đơn vị, lấy từ sổ tính của đơn vị; dòng tổng là số liệu chung của báo cáo tổng hợp.`,
    landscape: columns.length > 6,
  };
}

function fixedUnitTable(b: Builder, t: Table): NonNullable<SectionInput["tables"]>[number] | null {
  const cols = t.columns.filter(
    (c) => isNumericType(c.type) && (c.computed ? c.ratioOf !== null : c.aggregation !== "none")
  );
  const inputs = new Set(cols.filter((c) => !c.computed).map((c) => c.id));
  const usable = cols.filter(
    (c) => !c.computed || (inputs.has(c.ratioOf!.part) && inputs.has(c.ratioOf!.whole))
  );
  if (usable.length === 0 || !t.rows) return null;
  const tableId = freshId(`${t.id}_dv`, b.ids);
  const columns: ColumnDefinition[] = [];
  for (const row of t.rows) {
    const idOf = new Map<string, string>();
    for (const c of usable) {
      const cell: FixedCell = { table: t.id, row: row.id, column: c.id };
      const id = freshId(`${t.id}_${row.id}_${c.id}`, b.ids);
      idOf.set(c.id, id);
      b.fixedCells.set(id, cell);
      b.fixedColumnOf.set(fixedCellKey(cell), id);
    }
    for (const c of usable) {
      const def = indicatorDefinition(c);
      columns.push({
        ...def,
        id: idOf.get(c.id)!,
        required: false,
        partOf: def.partOf && idOf.has(def.partOf) ? idOf.get(def.partOf)! : null,
        target: def.target && idOf.has(def.target) ? idOf.get(def.target)! : null,
        ratioOf: def.ratioOf
          ? { part: idOf.get(def.ratioOf.part)!, whole: idOf.get(def.ratioOf.whole)! }
          : null,
        group: row.label,
      });
    }
  }
  b.generatedTables.add(tableId);
  return {
    id: tableId,
    title: `${UNIT_TABLE_TITLE}${t.title}`,
    sheetName: freshSheetName(`ĐV ${t.sheetName}`, b.sheets),
    kind: "perUnit",
    rowHeader: b.unitLabel,
    columns,
    total: true,
    note: `Bảng "${t.title}" của từng đơn vị, mỗi nhóm cột là một dòng của bảng; dòng tổng cho các ô của bảng tổng hợp.`,
    landscape: true,
  };
}

function sectionInput(b: Builder, s: Section): SectionInput {
  const {
    parent: _parent,
    depth: _depth,
    sheetSection: _sheetSection,
    indicators,
    tables,
    children,
    ...rest
  } = s;
  // groupUnitTable records what moves (the anchor comes first in document order), so it runs
  // before the figures that stay on the section sheet are listed.
  const group = b.groups.get(s.id);
  const generated = group ? [groupUnitTable(b, group)] : [];
  const keptAfter = indicators
    .filter((i) => !b.moved.has(i.id))
    .filter(
      (i) =>
        !(i.computed && i.ratioOf && (b.moved.has(i.ratioOf.part) || b.moved.has(i.ratioOf.whole)))
    )
    .map((i) => ({ ...indicatorDefinition(i), required: false }));
  const ownTables = tables.map(tableDefinition);
  const fixed = tables
    .filter((t) => t.kind === "fixed")
    .map((t) => fixedUnitTable(b, t))
    .filter((t): t is NonNullable<typeof t> => t !== null);
  return {
    ...rest,
    text: rest.text ? { ...rest.text, required: false } : null,
    indicators: keptAfter,
    tables: [...ownTables, ...generated, ...fixed],
    children: children.map((c) => sectionInput(b, c)),
  };
}

interface Consolidated {
  template: Template;
  map: ConsolidationMap;
}

const cache = new WeakMap<Template, Consolidated>();
const consolidatedTemplates = new WeakSet<Template>();

function build(t: Template): Consolidated {
  const b: Builder = {
    template: t,
    ids: new Set([
      ...t.indicators.map((i) => i.id),
      ...t.targets.map((x) => x.id),
      ...t.tables.map((x) => x.id),
      ...t.allSections.map((x) => x.id),
    ]),
    sheets: new Set(
      [
        ...Object.values(RESERVED_SHEETS),
        SUBTOTALS_SHEET,
        ...t.sheetSections.map((s) => s.sheetName ?? ""),
        ...t.tables.map((x) => x.sheetName),
      ].map((n) => n.toLowerCase())
    ),
    moved: new Map(),
    baselineColumns: new Map(),
    baselineColumnOf: new Map(),
    fixedCells: new Map(),
    fixedColumnOf: new Map(),
    generatedTables: new Set(),
    unitLabel: t.units?.label ?? "Đơn vị",
    groups: moveGroups(t),
  };
  const {
    sections,
    rules,
    indicators: _indicators,
    indicatorById: _indicatorById,
    tables: _tables,
    tableById: _tableById,
    allSections: _allSections,
    sectionById: _sectionById,
    sheetSections: _sheetSections,
    targetById: _targetById,
    hasPerUnitTables: _hasPerUnitTables,
    consolidatedFrom: _from,
    ...rest
  } = t;
  const input: TemplateInput = {
    ...rest,
    requiredHeader: ["period"],
    preamble: rest.preamble ? { ...rest.preamble, required: false } : null,
    sections: sections.map((s) => sectionInput(b, s)),
    rules: rules.map(ruleDefinition),
    units: rest.units ?? { label: "Đơn vị", defaults: [], blankRows: 10 },
  };
  const template = loadTemplate(input);
  // The draft is written from the original (narrative/view.ts): the result names it, so no one
  // needs a registry to find it again.
  template.consolidatedFrom = t;
  consolidatedTemplates.add(template);
  return {
    template,
    map: {
      moved: b.moved,
      baselineColumns: b.baselineColumns,
      baselineColumnOf: b.baselineColumnOf,
      fixedCells: b.fixedCells,
      fixedColumnOf: b.fixedColumnOf,
      generatedTables: b.generatedTables,
    },
  };
}

function consolidated(t: Template): Consolidated {
  let c = cache.get(t);
  if (!c) {
    c = build(t);
    cache.set(t, c);
    cache.set(c.template, c);
    originals.set(c.template, t);
  }
  return c;
}

const originals = new WeakMap<Template, Template>();

/** The template a consolidated one was made from; any other template is its own. */
export function originalTemplate(template: Template): Template {
  return originals.get(template) ?? template;
}

/** The consolidated form of a template (memoised: the same object for the same template). */
export function consolidatedTemplate(template: Template): Template {
  if (consolidatedTemplates.has(template)) return template;
  return consolidated(template).template;
}

/** How a consolidated template's generated columns map back to the original figures. */
export function consolidationMap(template: Template): ConsolidationMap {
  return consolidated(template).map;
}

/** True for templates made by consolidatedTemplate. */
export function isConsolidatedTemplate(template: Template): boolean {
  return consolidatedTemplates.has(template);
}
