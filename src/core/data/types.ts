// The JSON interchange format (data.json): what other tools and the tests rely on.
// Extend it, never rename it. Numbers are JSON numbers; a percent is stored as Excel stores it
// (0.875 for 87,5%); money is in đồng; dates are "YYYY-MM-DD".
import { z } from "zod";
import { BASELINES, COMPARATORS } from "../model/schema";
import { HEDGES } from "../format/hedge";

export const cellValueSchema = z.union([z.number(), z.string(), z.null()]);
export type DataValue = z.infer<typeof cellValueSchema>;

export const headerSchema = z
  .object({
    parentBody: z.string().optional(),
    issuingBody: z.string().optional(),
    number: z.string().optional(),
    place: z.string().optional(),
    date: z.string().optional(),
    period: z.string().optional(),
    /** The summary line (trích yếu); defaults to the template's title pattern. */
    title: z.string().optional(),
    signerAuthority: z.string().optional(),
    signerTitle: z.string().optional(),
    signerName: z.string().optional(),
    recipients: z.array(z.string()).optional(),
  })
  .strict();
export type ReportHeader = z.infer<typeof headerSchema>;

const valuesSchema = z.record(z.string(), cellValueSchema);

/**
 * A figure's hedge: over "trên", nearly "gần", moreThan "hơn", about "khoảng", atLeast "ít nhất".
 * Absent means exact. Kept beside the figures (never inside `values`, whose cells hold numbers).
 */
export const hedgeSchema = z.enum(HEDGES);
const hedgesSchema = z.record(z.string(), hedgeSchema);

export const unitSchema = z
  .object({
    name: z.string(),
    parent: z.string().nullable().default(null),
    values: valuesSchema.default({}),
    /** Extension: hedges of the unit's figures, by the same keys as `values`. */
    hedges: hedgesSchema.optional(),
  })
  .strict();

/**
 * used; leftOut (with reasons); forced: used although it has errors (--insist); superseded: the
 * unit sent a newer (or preferred) file, named in supersededBy; duplicate: a byte-identical copy
 * of a file already counted ("bản trùng"). Superseded and duplicate files lose no data.
 */
export const SOURCE_STATUSES = ["used", "leftOut", "forced", "superseded", "duplicate"] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

export const REVIEW_STATES = ["received", "needsFix", "approved"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** On time (by the report date), late by N days, not received, or received without a date. */
export const TIMELINESS_STATES = ["onTime", "late", "missing", "undated"] as const;
export type TimelinessState = (typeof TIMELINESS_STATES)[number];

/** One expected unit against the deadline. */
export const timelinessSchema = z
  .object({
    unit: z.string(),
    state: z.enum(TIMELINESS_STATES),
    /** The date the state was judged by (report date, else saved date, else file date). */
    reportDate: z.string().nullable(),
    /** Days after the deadline (late only). */
    daysLate: z.number().int().optional(),
  })
  .strict();
export type Timeliness = z.output<typeof timelinessSchema>;

/** One unit file read by a consolidation: where it came from and whether it was used. */
export const sourceSchema = z
  .object({
    /** The file name as the user gave it. */
    file: z.string(),
    /** The unit (cơ quan ban hành of the file); null when the file could not be read. */
    unit: z.string().nullable(),
    /** SHA-256 of the file's bytes, hex; "" when the file could not be read at all. */
    checksum: z.string(),
    /** When the file was read (ISO 8601). */
    readAt: z.string(),
    template: z.string().nullable(),
    templateVersion: z.string().nullable(),
    period: z.string().nullable(),
    /** used; leftOut (with reasons); forced: used although it has errors (--insist). */
    status: z.enum(SOURCE_STATUSES),
    /** Why the file was left out or forced, in Vietnamese. */
    reasons: z.array(z.string()),
    errors: z.number().int(),
    warnings: z.number().int(),
    /** The report's own date (header.date, YYYY-MM-DD), when it gives one. */
    reportDate: z.string().optional(),
    /** When the workbook was last saved (docProps/core.xml modified, ISO 8601), when known. */
    savedAt: z.string().optional(),
    /** The file's modification time on disk or in the browser (ISO 8601), when known. */
    fileTime: z.string().optional(),
    /** With status superseded or duplicate: the file used instead. */
    supersededBy: z.string().optional(),
    /** Review state: received (đã nhận), needsFix (cần sửa: has errors), approved (đã duyệt). */
    review: z.enum(REVIEW_STATES).optional(),
    /** With review approved: when the user approved it (ISO 8601). */
    approvedAt: z.string().optional(),
  })
  .strict();
export type SourceRecord = z.output<typeof sourceSchema>;

export const consolidationSchema = z
  .object({
    consolidatedAt: z.string(),
    sources: z.array(sourceSchema),
    /** Units that had to report (the units sheet's list, or the list the user gave). */
    expectedUnits: z.array(z.string()),
    receivedUnits: z.array(z.string()),
    /** Expected units with no file used. */
    missingUnits: z.array(z.string()),
    /** The deadline for the units' reports (YYYY-MM-DD), when one was given or the template sets one. */
    deadline: z.string().optional(),
    /** With deadline: each expected unit on time, late or missing, in the expected order. */
    timeliness: z.array(timelinessSchema).optional(),
  })
  .strict();
export type ConsolidationInfo = z.output<typeof consolidationSchema>;

export const reportDataSchema = z
  .object({
    $schema: z.string().optional(),
    template: z.string(),
    templateVersion: z.string(),
    header: headerSchema.default({}),
    values: valuesSchema.default({}),
    units: z.array(unitSchema).default([]),
    tables: z.record(z.string(), z.array(valuesSchema)).default({}),
    texts: z.record(z.string(), z.string()).default({}),
    /**
     * Extension: template sentences a unit reworded in the workbook, by "<section>.<sentence>";
     * "" leaves the sentence out. Sentences not listed are the template's own.
     */
    sentences: z.record(z.string(), z.string()).optional(),
    /** Extension: targets as set on the Chỉ tiêu sheet. */
    targets: z
      .record(
        z.string(),
        z.object({ comparator: z.enum(COMPARATORS), value: z.number().nullable() }).strict()
      )
      .optional(),
    /** Extension: comparison values (cùng kỳ năm trước, đầu nhiệm kỳ) by indicator id. */
    baselines: z.partialRecord(z.enum(BASELINES), valuesSchema).optional(),
    /**
     * Extension: hedges of the report's figures. `values` by indicator id (for a table's
     * indicator: its total, derived from the rows' hedges as the figure is from their figures);
     * `tables` for a fixed table's cells: table id → row id → column id. Per-unit tables keep
     * theirs on each unit (`units[i].hedges`).
     */
    hedges: z
      .object({
        values: hedgesSchema.optional(),
        tables: z.record(z.string(), z.record(z.string(), hedgesSchema)).optional(),
      })
      .strict()
      .optional(),
    /** Extension: present in a consolidated workbook (baocao consolidate), as its sources sheet. */
    consolidation: consolidationSchema.optional(),
  })
  .strict();

export type ReportData = z.output<typeof reportDataSchema>;
export type ReportDataInput = z.input<typeof reportDataSchema>;
export type UnitEntry = z.output<typeof unitSchema>;

/** The key a fixed table's row objects use for their row id. */
export const ROW_KEY = "row";
