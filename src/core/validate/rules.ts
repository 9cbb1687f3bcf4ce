// The template's own rules, evaluated with the safe expression engine: on the report's figures
// (with table totals) or on each unit's row.
import { evaluate, type Lookup } from "../expr";
import type { CompiledRule } from "../model/load";
import { reportedValue } from "../rollup/totals";
import type { DataValue } from "../data/types";
import type { ValidationContext } from "./context";

function holds(rule: CompiledRule, lookup: Lookup): boolean | null {
  const get: Lookup = rule.missing === "zero" ? (id) => lookup(id) ?? 0 : lookup;
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
    rawUnits.forEach((unit, i) => {
      if (!unit.name) return;
      const ok = holds(rule, (id) => {
        const v = unit.values[id];
        return typeof v === "number" ? v : null;
      });
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
