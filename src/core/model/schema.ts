// The authoring format of a report template, checked with zod when a template is loaded.
// Templates are data: built-in ones are template files in src/templates/builtin, and an organisation can add its own,
// so every field is validated and every error names the field's path.
import { z } from "zod";

export const INDICATOR_TYPES = [
  "integer",
  "decimal",
  "money",
  "percent",
  "text",
  "date",
  "docref",
] as const;
export const AGGREGATIONS = ["sum", "average", "max", "last", "none"] as const;
export const COMPARATORS = ["eq", "gte", "gt", "lte", "lt"] as const;
export const PERIOD_KINDS = [
  "quarter",
  "half",
  "nineMonths",
  "year",
  "multiYear",
  "midTerm",
  "term",
  "cutoff",
] as const;
export const DOC_TYPES = ["BC", "KH", "CTr", "HD", "TB", "QĐ", "NQ", "TTr", "BB"] as const;
export const SECTION_LEVELS = ["part", "roman", "arabic", "decimal", "letter"] as const;
export const BASELINES = ["lastYear", "startOfTerm"] as const;
export const HEADER_FIELDS = [
  "parentBody",
  "issuingBody",
  "number",
  "place",
  "date",
  "period",
  "title",
  "signerAuthority",
  "signerTitle",
  "signerName",
  "recipients",
] as const;

export type IndicatorType = (typeof INDICATOR_TYPES)[number];
export type Aggregation = (typeof AGGREGATIONS)[number];
export type Comparator = (typeof COMPARATORS)[number];
export type PeriodKindName = (typeof PERIOD_KINDS)[number];
export type DocType = (typeof DOC_TYPES)[number];
export type SectionLevel = (typeof SECTION_LEVELS)[number];
export type Baseline = (typeof BASELINES)[number];
export type HeaderField = (typeof HEADER_FIELDS)[number];

/** Ids become parts of Excel defined names and JSON keys: lower-case ASCII, digits, underscores. */
const id = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]{0,62}$/,
    "mã phải là chữ thường không dấu, số hoặc dấu _ (vd. doan_vien_moi)"
  );
/** Template ids are typed on the command line: "quarterly-activity". */
const templateId = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{1,40}$/,
    "mã mẫu là chữ thường không dấu, số hoặc dấu - (vd. quarterly-activity)"
  );
const label = z.string().trim().min(1, "không được để trống");
const sheetName = z
  .string()
  .min(1)
  .max(31, "tên trang tính tối đa 31 ký tự (Excel không nhận tên dài hơn); rút ngắn tên")
  .refine(
    (s) => !/[[\]:*?/\\]/.test(s),
    "tên trang tính không được chứa [ ] : * ? / \\ (Excel không nhận); thay bằng dấu - hoặc bỏ"
  )
  .refine(
    (s) => !s.startsWith("'") && !s.endsWith("'"),
    "tên trang tính không được bắt đầu/kết thúc bằng '"
  );

export const indicatorSchema = z
  .object({
    id,
    label,
    labelEn: z.string().optional(),
    /** Short label for narrow table headers and footnotes. */
    shortLabel: z.string().optional(),
    unit: z.string().default(""),
    type: z.enum(INDICATOR_TYPES),
    required: z.boolean().default(false),
    min: z.number().nullable().default(null),
    max: z.number().nullable().default(null),
    /** Defaults by type: sum for counts and money, none for text/date/docref and computed rates. */
    aggregation: z.enum(AGGREGATIONS).optional(),
    /** The whole this figure is part of and cannot exceed (đã giải quyết ≤ đơn nhận). */
    partOf: id.nullable().default(null),
    /** The indicator or target holding this figure's chỉ tiêu. */
    target: id.nullable().default(null),
    /** For rates: the part and whole it is computed from. */
    ratioOf: z.object({ part: id, whole: id }).nullable().default(null),
    /** A live formula (ratioOf) rather than an input. */
    computed: z.boolean().default(false),
    /** Holds a chỉ tiêu for another indicator (per-unit target columns). */
    role: z.enum(["value", "target"]).default("value"),
    help: z.string().optional(),
    helpEn: z.string().optional(),
    decimals: z.number().int().min(0).max(4).optional(),
    /** Words the narrative puts after the figure ("lượt đoàn viên, CNVCLĐ tham gia"). */
    phrase: z.string().optional(),
    /**
     * A zero is news for this figure and is said ("không xảy ra vụ ngừng việc"); otherwise a zero,
     * like a blank, is not said at all.
     */
    sayZero: z.boolean().default(false),
  })
  .strict();

export const columnSchema = indicatorSchema
  .extend({
    /** Header of a group of columns (two-row headers, as in the seeds' summary tables). */
    group: z.string().optional(),
    width: z.number().positive().max(100).optional(),
  })
  .strict();

export const tableSchema = z
  .object({
    id,
    title: label,
    titleEn: z.string().optional(),
    sheetName,
    kind: z.enum(["perUnit", "fixed", "list"]),
    /** Header of the first column: "Đơn vị", "Cấp", "TT". */
    rowHeader: z.string().default("Đơn vị"),
    rows: z.array(z.object({ id, label, labelEn: z.string().optional() }).strict()).optional(),
    /** Capacity of a list table (documents issued, ...). */
    maxRows: z.number().int().positive().max(500).default(20),
    columns: z.array(columnSchema).min(1),
    total: z.boolean().default(true),
    /** Printed in the Word draft's appendix (BIỂU TỔNG HỢP). */
    appendix: z.boolean().default(false),
    note: z.string().optional(),
    landscape: z.boolean().default(false),
  })
  .strict();

/**
 * A sentence of the draft with its figures named by code ("thu hút {tt_luot_tham_gia} lượt đoàn
 * viên, CNVCLĐ tham gia"); words in [...] are left out when a figure in them is blank or zero.
 * The syntax is in src/core/narrative/tokens.ts. The workbook shows it beside the figures,
 * editable; an edited one is kept in the report data under "<section>.<id>".
 */
export const sentenceSchema = z
  .object({
    id,
    text: label,
    textEn: z.string().optional(),
  })
  .strict();

export interface SectionInput {
  id: string;
  number: string;
  level: SectionLevel;
  heading: string;
  headingEn?: string;
  prompt?: string;
  promptEn?: string;
  sheetName?: string;
  text?: { required?: boolean; label?: string; example?: string } | null;
  indicators?: z.input<typeof indicatorSchema>[];
  tables?: z.input<typeof tableSchema>[];
  sentences?: z.input<typeof sentenceSchema>[];
  children?: SectionInput[];
}

const textSlotSchema = z
  .object({
    required: z.boolean().default(false),
    label: z.string().optional(),
    example: z.string().optional(),
  })
  .strict();

export const sectionSchema: z.ZodType<SectionOutput, SectionInput> = z.lazy(() =>
  z
    .object({
      id,
      number: z.string(),
      level: z.enum(SECTION_LEVELS),
      heading: label,
      headingEn: z.string().optional(),
      prompt: z.string().optional(),
      promptEn: z.string().optional(),
      sheetName: sheetName.optional(),
      text: textSlotSchema.nullable().default(null),
      indicators: z.array(indicatorSchema).default([]),
      tables: z.array(tableSchema).default([]),
      sentences: z.array(sentenceSchema).default([]),
      children: z.array(sectionSchema).default([]),
    })
    .strict()
);

export interface SectionOutput {
  id: string;
  number: string;
  level: SectionLevel;
  heading: string;
  headingEn?: string;
  prompt?: string;
  promptEn?: string;
  sheetName?: string;
  text: { required: boolean; label?: string; example?: string } | null;
  indicators: z.output<typeof indicatorSchema>[];
  tables: z.output<typeof tableSchema>[];
  sentences: z.output<typeof sentenceSchema>[];
  children: SectionOutput[];
}

export const targetSchema = z
  .object({
    id,
    label,
    labelEn: z.string().optional(),
    /** The indicator whose result is compared with this target (null: assessed by hand). */
    indicator: id.nullable().default(null),
    comparator: z.enum(COMPARATORS),
    value: z.number().nullable(),
    unit: z.string().default(""),
    /** The wording of the plan, kept for the document ("trên 85% doanh nghiệp ..."). */
    text: z.string().optional(),
    section: id.optional(),
  })
  .strict();

export const ruleSchema = z
  .object({
    id,
    /** Optional precondition; the rule applies only where it is true. */
    when: z.string().optional(),
    assert: z.string().min(1),
    severity: z.enum(["error", "warning"]).default("error"),
    message: label,
    messageEn: z.string().optional(),
    /** Where the rule is evaluated: on the report's values, or on each unit's row. */
    scope: z.enum(["values", "perUnit"]).default("values"),
    missing: z.enum(["skip", "zero"]).default("skip"),
  })
  .strict();

/**
 * What one version of a template changed from the version before it, so a workbook made from an
 * older version can be carried into the new layout (baocao migrate, and consolidation of units that
 * still use the older version). Values are keyed by indicator id, so an indicator that only moved to
 * another section or table needs no entry; one whose id changed does.
 */
export const templateChangeSchema = z.discriminatedUnion("kind", [
  /** A new indicator: old workbooks have no value for it (left blank). */
  z.object({ kind: z.literal("added"), id }).strict(),
  /** An indicator dropped: its old value cannot be carried and is listed. */
  z.object({ kind: z.literal("removed"), id }).strict(),
  /** The same figure under a new id: the value is carried as it is. */
  z.object({ kind: z.literal("renamed"), from: id, to: id }).strict(),
  /**
   * One figure became several. `carryTo` names the part that takes the whole old value when the
   * old figure meant exactly that part (an id that meant different things in different templates);
   * without it the old value is listed as not carried and the parts are left blank.
   */
  z
    .object({
      kind: z.literal("split"),
      from: id,
      into: z.array(id).min(2),
      carryTo: id.optional(),
    })
    .strict(),
  /** The indicator now sits in another section or table; its value follows its id. */
  z.object({ kind: z.literal("moved"), id, to: id }).strict(),
]);

/** One version in a template's history: the changes that lead to it from the previous entry. */
export const templateVersionSchema = z
  .object({
    version: z.string().regex(/^\d+\.\d+\.\d+$/, "phiên bản phải có dạng x.y.z (semver)"),
    /** What changed, in words, for the people who use the template. */
    note: z.string().optional(),
    changes: z.array(templateChangeSchema).default([]),
  })
  .strict();

const headerDefaultsSchema = z
  .object({
    parentBody: z.string().optional(),
    issuingBody: z.string().optional(),
    place: z.string().optional(),
    signerAuthority: z.string().optional(),
    signerTitle: z.string().optional(),
    recipients: z.array(z.string()).optional(),
    /** The symbol after the document type in the number: "62/BC-{symbol}". */
    symbol: z.string().optional(),
  })
  .strict();

export const templateSchema = z
  .object({
    id: templateId,
    version: z.string().regex(/^\d+\.\d+\.\d+$/, "phiên bản phải có dạng x.y.z (semver)"),
    title: label,
    titleEn: z.string().optional(),
    description: z.string().default(""),
    descriptionEn: z.string().optional(),
    /** The seed document the template follows. */
    source: z.string().optional(),
    docType: z.enum(DOC_TYPES),
    periodKinds: z.array(z.enum(PERIOD_KINDS)).min(1),
    /**
     * The trích yếu: "{period}" and "{nextPeriod}" are replaced with period labels, "{review}" /
     * "{Review}" with "sơ kết" or "tổng kết" by the period's kind.
     */
    titlePattern: label,
    header: headerDefaultsSchema.default({}),
    requiredHeader: z
      .array(z.enum(HEADER_FIELDS))
      .default(["issuingBody", "number", "place", "date", "period", "signerTitle", "signerName"]),
    preamble: z
      .object({ prompt: z.string().optional(), required: z.boolean().default(false) })
      .strict()
      .nullable()
      .default(null),
    baselines: z.array(z.enum(BASELINES)).default([]),
    /**
     * The next period's report ("Tạo kỳ sau", baocao next) shows the tasks this report set for it
     * (the text of section `from` and its subsections) as the prompt of the sections `to`, where
     * the writer reports on them.
     */
    carryTasks: z
      .object({ from: id, to: z.array(id).min(1) })
      .strict()
      .optional(),
    sections: z.array(sectionSchema).min(1),
    targets: z.array(targetSchema).default([]),
    rules: z.array(ruleSchema).default([]),
    units: z
      .object({
        label: z.string().default("Đơn vị"),
        defaults: z
          .array(z.object({ name: label, parent: z.string().nullable().default(null) }).strict())
          .default([]),
        blankRows: z.number().int().min(1).max(2000).default(10),
        /**
         * The units' reports are due this many days after the period ends (the consolidation's
         * default deadline; `--deadline` or the pane's date field overrides it).
         */
        dueDays: z.number().int().min(0).max(366).optional(),
      })
      .strict()
      .optional(),
    appendix: z.object({ title: label, subtitle: z.string().optional() }).strict().optional(),
    /**
     * Earlier versions, oldest first, each with what it changed from the one before; the last
     * entry's changes lead to this `version`. Empty for a template that never changed.
     */
    history: z.array(templateVersionSchema).default([]),
  })
  .strict();

export type TemplateInput = z.input<typeof templateSchema>;
export type TemplateDefinition = z.output<typeof templateSchema>;
export type IndicatorDefinition = z.output<typeof indicatorSchema>;
export type ColumnDefinition = z.output<typeof columnSchema>;
export type TableDefinition = z.output<typeof tableSchema>;
export type TargetDefinition = z.output<typeof targetSchema>;
export type RuleDefinition = z.output<typeof ruleSchema>;
export type SentenceDefinition = z.output<typeof sentenceSchema>;
export type TemplateChange = z.output<typeof templateChangeSchema>;
export type TemplateVersion = z.output<typeof templateVersionSchema>;
