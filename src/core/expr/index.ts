export { parseExpression, identifiersOf, ExpressionError, FUNCTIONS } from "./parse";
export type { Expr, BinaryOp, FunctionName } from "./parse";
export { evaluate } from "./evaluate";
export type { Value, Lookup } from "./evaluate";
