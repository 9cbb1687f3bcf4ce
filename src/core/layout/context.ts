// What every sheet builder shares while one workbook is planned.
import type { Indicator, Template } from "../model/load";
import { RESERVED_SHEETS } from "../model/load";
import type { DataValue, ReportData, UnitEntry } from "../data/types";
import { allTotals } from "../rollup/totals";
import { isoToExcelSerial } from "../period";
import { NUMBER_FORMATS, type StyleName } from "./styles";
import { SUBTOTALS_SHEET } from "./hierarchy-units";
import type { PlannedName, PlanValue } from "./plan";

export interface PlanContext {
  template: Template;
  data: ReportData;
  names: PlannedName[];
  /** The unit rows every per-unit table mirrors. */
  units: UnitEntry[];
  totals: Map<string, number | null>;
  sheetName(key: string): string;
  /** Prompts carried into this workbook, by section id (see PlanOptions.sectionPrompts). */
  sectionPrompts?: Readonly<Record<string, string>>;
}

export function sheetKeyName(template: Template, key: string): string {
  const [role, id] = key.split(":");
  switch (role) {
    case "cover":
      return RESERVED_SHEETS.cover;
    case "targets":
      return RESERVED_SHEETS.targets;
    case "units":
      return RESERVED_SHEETS.units;
    case "meta":
      return RESERVED_SHEETS.meta;
    case "sources":
      return RESERVED_SHEETS.sources;
    case "subtotals":
      return SUBTOTALS_SHEET;
    case "section":
      return template.sectionById.get(id)?.sheetName ?? id;
    case "table":
      return template.tableById.get(id)?.sheetName ?? id;
    default:
      return key;
  }
}

/** The unit rows a workbook lists: the data's, else the template's default units. */
export function plannedUnits(template: Template, data?: ReportData): UnitEntry[] {
  return data && data.units.length > 0
    ? data.units
    : (template.units?.defaults ?? []).map((u) => ({
        name: u.name,
        parent: u.parent,
        values: {},
      }));
}

export function createContext(
  template: Template,
  data: ReportData,
  sheetNames: Record<string, string> = {}
): PlanContext {
  const units = plannedUnits(template, data);
  const effective: ReportData = { ...data, units };
  return {
    template,
    data: effective,
    names: [],
    units,
    totals: allTotals(template, effective),
    sheetName: (key) => sheetNames[key] ?? sheetKeyName(template, key),
  };
}

export function numberFormatOf(ind: Pick<Indicator, "type" | "decimals">): string {
  switch (ind.type) {
    case "integer":
      return NUMBER_FORMATS.integer;
    case "money":
      return NUMBER_FORMATS.money;
    case "decimal":
      return NUMBER_FORMATS.decimal(ind.decimals ?? 2);
    case "percent":
      return NUMBER_FORMATS.percent(ind.decimals ?? 1);
    case "date":
      return NUMBER_FORMATS.date;
    case "text":
    case "docref":
      return NUMBER_FORMATS.text;
  }
}

export function inputStyleOf(ind: Pick<Indicator, "type">): StyleName {
  return ind.type === "text" ? "inputText" : "input";
}

/** A data.json value as the cell holds it: dates become Excel serial numbers. */
export function cellValueOf(ind: Pick<Indicator, "type">, v: DataValue | undefined): PlanValue {
  if (v === undefined || v === null || v === "") return null;
  if (ind.type === "date" && typeof v === "string") {
    const serial = isoToExcelSerial(v);
    return serial ?? v;
  }
  return v;
}

/** Formula text for a rate that stays blank until both parts are numbers. */
export function ratioFormula(part: string, whole: string): string {
  return `IF(AND(ISNUMBER(${part}),ISNUMBER(${whole})),IF(${whole}<>0,${part}/${whole},""),"")`;
}

/** A total-row rate over the rows that give both part and whole (see pairedRatio). */
export function pairedRatioFormula(partRange: string, wholeRange: string): string {
  const both = `--ISNUMBER(${partRange}),--ISNUMBER(${wholeRange})`;
  const whole = `SUMPRODUCT(${both},${wholeRange})`;
  return `IF(${whole}=0,"",SUMPRODUCT(${both},${partRange})/${whole})`;
}

/** Aggregation formulas of a total row: blank while the column is empty. */
export function aggregateFormula(how: Indicator["aggregation"], range: string): string | null {
  switch (how) {
    case "sum":
      return `IF(COUNT(${range})=0,"",SUM(${range}))`;
    case "average":
      return `IF(COUNT(${range})=0,"",AVERAGE(${range}))`;
    case "max":
      return `IF(COUNT(${range})=0,"",MAX(${range}))`;
    case "last":
      return `IF(COUNT(${range})=0,"",LOOKUP(2,1/(${range}<>""),${range}))`;
    case "none":
      return null;
  }
}
