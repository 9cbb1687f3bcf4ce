// The template's own rules, evaluated with the safe expression engine: on the report's figures
// (with table totals) or on each unit's row.
import { evaluate, type Lookup } from "../expr";
import type { CompiledRule } from "../model/load";
import { reportedValue } from "../rollup/totals";
import type { DataValue } from "../data/types";
import type { ValidationContext } from "./context";

function holds(rule: CompiledRule, lookup: Lookup): boolean | null {
  return holdsWith(rule, unitLookup(rule, lookup));
}

/** The lookup a rule reads through: blanks as zero when the rule says so. */
function unitLookup(rule: CompiledRule, lookup: Lookup): Lookup {
  return rule.missing === "zero" ? (id) => lookup(id) ?? 0 : lookup;
}

function holdsWith(rule: CompiledRule, get: Lookup): boolean | null {
  if (rule.whenExpr) {
    const w = evaluate(rule.whenExpr, get);
    if (w !== true && !(typeof w === "number" && w !== 0)) return null;
  }
  const v = evaluate(rule.assertExpr, get);
  if (v === null) return null;
  return typeof v === "boolean" ? v : v !== 0;
}

export function checkTemplateRules(
  ctx: ValidationContext,
  rawUnits: { name: string; values: Record<string, DataValue> }[]
): void {
  const t = ctx.template;
  const totals = ctx.totals;
  for (const rule of t.rules) {
    const first = t.indicatorById.get(rule.identifiers[0]);
    if (rule.scope === "values") {
      const ok = holds(rule, (id) => reportedValue(t, ctx.data, id, totals));
      if (ok === false && first) {
        ctx.add(
          rule.severity,
          `rule:${rule.id}`,
          ctx.placeOf(first),
          first.id,
          reportedValue(t, ctx.data, first.id, totals),
          rule.message
        );
      }
      continue;
    }
    // One lookup for every unit row, reading the row in hand: not two closures per unit.
    let values: Record<string, DataValue> = {};
    const lookup = unitLookup(rule, (id) => {
      const v = values[id];
      return typeof v === "number" ? v : null;
    });
    rawUnits.forEach((unit, i) => {
      if (!unit.name) return;
      values = unit.values;
      const ok = holdsWith(rule, lookup);
      if (ok === false && first) {
        const v = unit.values[first.id];
        ctx.add(
          rule.severity,
          `rule:${rule.id}`,
          ctx.placeOf(first, i),
          first.id,
          typeof v === "number" || typeof v === "string" ? v : null,
          `${unit.name}: ${rule.message}`
        );
      }
    });
  }
}
