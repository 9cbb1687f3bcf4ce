// A small, safe expression language for template rules ("da_giai_quyet <= don_nhan").
// Rules come from template files, so they are parsed into a tree and interpreted:
// no eval, no Function, no property access, no way to reach anything but indicator values.

export type BinaryOp = "+" | "-" | "*" | "/" | "<" | "<=" | ">" | ">=" | "=" | "!=" | "and" | "or";

export type Expr =
  | { kind: "num"; value: number }
  | { kind: "id"; name: string }
  | { kind: "not"; operand: Expr }
  | { kind: "neg"; operand: Expr }
  | { kind: "bin"; op: BinaryOp; left: Expr; right: Expr }
  | { kind: "call"; fn: FunctionName; args: Expr[] };

export const FUNCTIONS = {
  sum: { min: 1, max: Infinity },
  min: { min: 1, max: Infinity },
  max: { min: 1, max: Infinity },
  abs: { min: 1, max: 1 },
  round: { min: 1, max: 2 },
  if: { min: 3, max: 3 },
  isblank: { min: 1, max: 1 },
  coalesce: { min: 2, max: Infinity },
} as const;
export type FunctionName = keyof typeof FUNCTIONS;

export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly position: number
  ) {
    super(message);
    this.name = "ExpressionError";
  }
}

type Token =
  | { t: "num"; v: number; p: number }
  | { t: "id"; v: string; p: number }
  | { t: "op"; v: string; p: number }
  | { t: "end"; p: number };

const OPERATORS = [
  "<=",
  ">=",
  "!=",
  "<>",
  "==",
  "&&",
  "||",
  "<",
  ">",
  "=",
  "+",
  "-",
  "*",
  "/",
  "(",
  ")",
  ",",
  "!",
];
const MAX_LENGTH = 2000;
const MAX_DEPTH = 64;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(src[i + 1] ?? ""))) {
      const m = /^(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i));
      if (!m) throw new ExpressionError(`số không hợp lệ tại vị trí ${i + 1}`, i);
      out.push({ t: "num", v: Number(m[0]), p: i });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      out.push({ t: "id", v: m[0], p: i });
      i += m[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (!op) throw new ExpressionError(`ký tự không được phép "${c}" tại vị trí ${i + 1}`, i);
    out.push({ t: "op", v: op, p: i });
    i += op.length;
  }
  out.push({ t: "end", p: src.length });
  return out;
}

// Maps, not object literals: a rule may name "__proto__" or "constructor", which must never
// resolve to Object.prototype members.
const KEYWORD_OPS = new Map<string, BinaryOp | "not">([
  ["and", "and"],
  ["or", "or"],
  ["not", "not"],
]);
const SYMBOL_OPS = new Map<string, BinaryOp | "not">([
  ["&&", "and"],
  ["||", "or"],
  ["!", "not"],
  ["==", "="],
  ["<>", "!="],
]);

function isFunctionName(name: string): name is FunctionName {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, name);
}

/** Parses an expression; throws ExpressionError with a Vietnamese message and a 0-based position. */
export function parseExpression(src: string): Expr {
  if (src.length > MAX_LENGTH)
    throw new ExpressionError(`biểu thức dài quá ${MAX_LENGTH} ký tự`, 0);
  const tokens = tokenize(src);
  let pos = 0;
  let depth = 0;

  const peek = () => tokens[pos];
  const opOf = (tok: Token): string | undefined => {
    if (tok.t === "op") return SYMBOL_OPS.get(tok.v) ?? tok.v;
    if (tok.t === "id") return KEYWORD_OPS.get(tok.v.toLowerCase());
    return undefined;
  };
  const expect = (v: string) => {
    const tok = peek();
    if (tok.t !== "op" || tok.v !== v) {
      throw new ExpressionError(`thiếu "${v}" tại vị trí ${tok.p + 1}`, tok.p);
    }
    pos++;
  };

  const binaryLevel = (ops: string[], next: () => Expr) => (): Expr => {
    let left = next();
    for (;;) {
      const op = opOf(peek());
      if (!op || !ops.includes(op)) return left;
      pos++;
      left = { kind: "bin", op: op as BinaryOp, left, right: next() };
    }
  };

  const primary = (): Expr => {
    const tok = peek();
    if (++depth > MAX_DEPTH) throw new ExpressionError("biểu thức lồng nhau quá sâu", tok.p);
    try {
      const op = opOf(tok);
      if (op === "not") {
        pos++;
        return { kind: "not", operand: primary() };
      }
      if (tok.t === "op" && tok.v === "-") {
        pos++;
        return { kind: "neg", operand: primary() };
      }
      if (tok.t === "op" && tok.v === "+") {
        pos++;
        return primary();
      }
      if (tok.t === "num") {
        pos++;
        return { kind: "num", value: tok.v };
      }
      if (tok.t === "op" && tok.v === "(") {
        pos++;
        const inner = orLevel();
        expect(")");
        return inner;
      }
      if (tok.t === "id" && !op) {
        pos++;
        const next = peek();
        if (next.t === "op" && next.v === "(") {
          const fn = tok.v.toLowerCase();
          if (!isFunctionName(fn)) {
            throw new ExpressionError(`không có hàm "${tok.v}" tại vị trí ${tok.p + 1}`, tok.p);
          }
          pos++;
          const args: Expr[] = [];
          if (!(peek().t === "op" && (peek() as { v: string }).v === ")")) {
            args.push(orLevel());
            while (peek().t === "op" && (peek() as { v: string }).v === ",") {
              pos++;
              args.push(orLevel());
            }
          }
          expect(")");
          const arity = FUNCTIONS[fn];
          if (args.length < arity.min || args.length > arity.max) {
            throw new ExpressionError(`hàm ${fn} nhận sai số tham số (${args.length})`, tok.p);
          }
          return { kind: "call", fn, args };
        }
        return { kind: "id", name: tok.v };
      }
      const shown = tok.t === "end" ? "cuối biểu thức" : `"${(tok as { v: unknown }).v}"`;
      throw new ExpressionError(`không mong đợi ${shown} tại vị trí ${tok.p + 1}`, tok.p);
    } finally {
      depth--;
    }
  };

  const mul = binaryLevel(["*", "/"], primary);
  const add = binaryLevel(["+", "-"], mul);
  const cmp = binaryLevel(["<", "<=", ">", ">=", "=", "!="], add);
  const andLevel = binaryLevel(["and"], cmp);
  const orLevel: () => Expr = binaryLevel(["or"], andLevel);

  const tree = orLevel();
  const rest = peek();
  if (rest.t !== "end") {
    throw new ExpressionError(`thừa nội dung tại vị trí ${rest.p + 1}`, rest.p);
  }
  return tree;
}

/** Every indicator id an expression reads, in first-use order. */
export function identifiersOf(expr: Expr): string[] {
  const seen = new Set<string>();
  const walk = (e: Expr): void => {
    switch (e.kind) {
      case "id":
        seen.add(e.name);
        return;
      case "not":
      case "neg":
        walk(e.operand);
        return;
      case "bin":
        walk(e.left);
        walk(e.right);
        return;
      case "call":
        e.args.forEach(walk);
        return;
      case "num":
        return;
    }
  };
  walk(expr);
  return [...seen];
}
