// The public JSON view of templates (`baocao templates --json`): other tools and the tests rely on
// these field names, so extend this view, never rename its fields. It is also the template file
// format (template-file.ts): every authoring field is printed, so a printed template loads back
// into the same template.
import type { Indicator, Section, Table, Template } from "./load";
import type { SectionOutput, TemplateDefinition } from "./schema";
import { formatSectionNumber } from "./numbering";

export interface IndicatorContract {
  id: string;
  label: string;
  labelEn: string | null;
  type: Indicator["type"];
  unit: string;
  required: boolean;
  min: number | null;
  max: number | null;
  aggregation: Indicator["aggregation"];
  perUnit: boolean;
  partOf: string | null;
  target: string | null;
  section: string;
  table: string | null;
  ratioOf: { part: string; whole: string } | null;
  computed: boolean;
  role: Indicator["role"];
  definedName: string;
  shortLabel?: string;
  help?: string;
  helpEn?: string;
  decimals?: number;
  phrase?: string;
  sayZero: boolean;
  group?: string;
  width?: number;
}

export interface TemplateContract {
  id: string;
  version: string;
  title: string;
  titleEn: string | null;
  description: string;
  docType: string;
  periodKinds: string[];
  titlePattern: string;
  baselines: string[];
  descriptionEn?: string;
  source?: string;
  header: TemplateDefinition["header"];
  requiredHeader: TemplateDefinition["requiredHeader"];
  preamble: TemplateDefinition["preamble"];
  carryTasks?: TemplateDefinition["carryTasks"];
  units?: TemplateDefinition["units"];
  appendix?: TemplateDefinition["appendix"];
  history?: TemplateDefinition["history"];
  sections: {
    id: string;
    number: string;
    heading: string;
    level: Section["level"];
    parent: string | null;
    sheet: string | null;
    hasText: boolean;
    headingEn?: string;
    prompt?: string;
    promptEn?: string;
    text?: SectionOutput["text"];
    sentences?: SectionOutput["sentences"];
  }[];
  tables: {
    id: string;
    title: string;
    kind: Table["kind"];
    section: string;
    sheet: string;
    rows: { id: string; label: string; labelEn?: string }[] | null;
    columns: string[];
    total: boolean;
    titleEn?: string;
    rowHeader: string;
    maxRows: number;
    appendix: boolean;
    note?: string;
    landscape: boolean;
  }[];
  indicators: IndicatorContract[];
  targets: {
    id: string;
    label: string;
    indicator: string | null;
    comparator: string;
    value: number | null;
    unit: string;
    labelEn?: string;
    text?: string;
    section?: string;
  }[];
  rules: {
    id: string;
    assert: string;
    when: string | null;
    severity: string;
    scope: string;
    message: string;
    messageEn?: string;
    missing: string;
  }[];
}

export function templateContract(t: Template): TemplateContract {
  return {
    id: t.id,
    version: t.version,
    title: t.title,
    titleEn: t.titleEn ?? null,
    description: t.description,
    docType: t.docType,
    periodKinds: [...t.periodKinds],
    titlePattern: t.titlePattern,
    baselines: [...t.baselines],
    descriptionEn: t.descriptionEn,
    source: t.source,
    header: t.header,
    requiredHeader: [...t.requiredHeader],
    preamble: t.preamble,
    carryTasks: t.carryTasks,
    units: t.units,
    appendix: t.appendix,
    ...(t.history.length > 0 ? { history: t.history } : {}),
    sections: t.allSections.map((s) => ({
      id: s.id,
      number: formatSectionNumber(s.number, s.level),
      heading: s.heading,
      level: s.level,
      parent: s.parent,
      sheet: s.sheetName && s.sheetSection === s.id ? s.sheetName : null,
      hasText: s.text !== null,
      headingEn: s.headingEn,
      prompt: s.prompt,
      promptEn: s.promptEn,
      text: s.text ?? undefined,
      sentences: s.sentences.length > 0 ? s.sentences : undefined,
    })),
    tables: t.tables.map((x) => ({
      id: x.id,
      title: x.title,
      kind: x.kind,
      section: x.section,
      sheet: x.sheetName,
      rows: x.rows ? x.rows.map((r) => ({ id: r.id, label: r.label, labelEn: r.labelEn })) : null,
      columns: x.columns.map((c) => c.id),
      total: x.total && x.kind !== "list",
      titleEn: x.titleEn,
      rowHeader: x.rowHeader,
      maxRows: x.maxRows,
      appendix: x.appendix,
      note: x.note,
      landscape: x.landscape,
    })),
    indicators: t.indicators.map((i) => ({
      id: i.id,
      label: i.label,
      labelEn: i.labelEn ?? null,
      type: i.type,
      unit: i.unit,
      required: i.required,
      min: i.min,
      max: i.max,
      aggregation: i.aggregation,
      perUnit: i.perUnit,
      partOf: i.partOf,
      target: i.target,
      section: i.section,
      table: i.table,
      ratioOf: i.ratioOf,
      computed: i.computed,
      role: i.role,
      definedName: `BC_${i.id}`,
      shortLabel: i.shortLabel,
      help: i.help,
      helpEn: i.helpEn,
      decimals: i.decimals,
      phrase: i.phrase,
      sayZero: i.sayZero,
      group: i.group,
      width: i.width,
    })),
    targets: t.targets.map((g) => ({
      id: g.id,
      label: g.label,
      indicator: g.indicator,
      comparator: g.comparator,
      value: g.value,
      unit: g.unit,
      labelEn: g.labelEn,
      text: g.text,
      section: g.section,
    })),
    rules: t.rules.map((r) => ({
      id: r.id,
      assert: r.assert,
      when: r.when ?? null,
      severity: r.severity,
      scope: r.scope,
      message: r.message,
      messageEn: r.messageEn,
      missing: r.missing,
    })),
  };
}
