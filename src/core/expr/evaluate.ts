import type { Expr } from "./parse";

/**
 * A value during evaluation. `null` is a blank (not entered): arithmetic and comparisons with a
 * blank give blank, so a rule over a missing figure is "not applicable" rather than failed —
 * DHIS2's "skip if any value is missing" strategy. Rules that want blanks as zero use coalesce().
 */
export type Value = number | boolean | null;

export type Lookup = (id: string) => number | null | undefined;

const EPSILON = 1e-9;

function toNumber(v: Value): number | null {
  if (v === null) return null;
  return typeof v === "boolean" ? (v ? 1 : 0) : v;
}

function truthy(v: Value): boolean | null {
  if (v === null) return null;
  return typeof v === "boolean" ? v : v !== 0;
}

function roundHalfAway(x: number, decimals: number): number {
  const f = Math.pow(10, decimals);
  const scaled = Math.abs(x) * f;
  // Nudge by a relative epsilon so binary artefacts (1.005 * 100 = 100.49999…) round as written.
  const r = Math.floor(scaled + 0.5 + scaled * Number.EPSILON * 4) / f;
  return x < 0 ? -r : r;
}

export function evaluate(expr: Expr, lookup: Lookup): Value {
  switch (expr.kind) {
    case "num":
      return expr.value;
    case "id": {
      const v = lookup(expr.name);
      return v === undefined ? null : v;
    }
    case "not": {
      const t = truthy(evaluate(expr.operand, lookup));
      return t === null ? null : !t;
    }
    case "neg": {
      const n = toNumber(evaluate(expr.operand, lookup));
      return n === null ? null : -n;
    }
    case "bin":
      return evaluateBinary(expr, lookup);
    case "call":
      return evaluateCall(expr, lookup);
  }
}

function evaluateBinary(expr: Extract<Expr, { kind: "bin" }>, lookup: Lookup): Value {
  if (expr.op === "and" || expr.op === "or") {
    // Three-valued logic: false and blank = false; true or blank = true.
    const l = truthy(evaluate(expr.left, lookup));
    if (expr.op === "and" && l === false) return false;
    if (expr.op === "or" && l === true) return true;
    const r = truthy(evaluate(expr.right, lookup));
    if (expr.op === "and") return r === false ? false : l === null || r === null ? null : true;
    return r === true ? true : l === null || r === null ? null : false;
  }
  const l = toNumber(evaluate(expr.left, lookup));
  const r = toNumber(evaluate(expr.right, lookup));
  if (l === null || r === null) return null;
  switch (expr.op) {
    case "+":
      return l + r;
    case "-":
      return l - r;
    case "*":
      return l * r;
    case "/":
      return r === 0 ? null : l / r;
    // Comparisons tolerate floating-point noise: 0.1 + 0.2 = 0.3 must hold for rate checks.
    case "<":
      return l < r - EPSILON * Math.max(1, Math.abs(r));
    case "<=":
      return l <= r + EPSILON * Math.max(1, Math.abs(r));
    case ">":
      return l > r + EPSILON * Math.max(1, Math.abs(r));
    case ">=":
      return l >= r - EPSILON * Math.max(1, Math.abs(r));
    case "=":
      return Math.abs(l - r) <= EPSILON * Math.max(1, Math.abs(r));
    case "!=":
      return Math.abs(l - r) > EPSILON * Math.max(1, Math.abs(r));
  }
}

function evaluateCall(expr: Extract<Expr, { kind: "call" }>, lookup: Lookup): Value {
  const args = () => expr.args.map((a) => toNumber(evaluate(a, lookup)));
  switch (expr.fn) {
    case "sum": {
      // sum() of parts ignores blanks but is blank when every part is blank.
      const present = args().filter((v): v is number => v !== null);
      return present.length === 0 ? null : present.reduce((a, b) => a + b, 0);
    }
    case "min":
    case "max": {
      const present = args().filter((v): v is number => v !== null);
      if (present.length === 0) return null;
      return expr.fn === "min" ? Math.min(...present) : Math.max(...present);
    }
    case "abs": {
      const [x] = args();
      return x === null ? null : Math.abs(x);
    }
    case "round": {
      const [x, d] = args();
      if (x === null) return null;
      return roundHalfAway(x, Math.max(0, Math.min(10, Math.trunc(d ?? 0))));
    }
    case "if": {
      const c = truthy(evaluate(expr.args[0], lookup));
      if (c === null) return null;
      return evaluate(c ? expr.args[1] : expr.args[2], lookup);
    }
    case "isblank":
      return evaluate(expr.args[0], lookup) === null;
    case "coalesce": {
      for (const a of expr.args) {
        const v = evaluate(a, lookup);
        if (v !== null) return v;
      }
      return null;
    }
  }
}
