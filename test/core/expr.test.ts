import { evaluate, identifiersOf, parseExpression, ExpressionError } from "../../src/core/expr";

const vals: Record<string, number | null> = { a: 10, b: 4, z: 0, blank: null };
const run = (src: string) => evaluate(parseExpression(src), (id) => vals[id]);

describe("rule expressions", () => {
  it("computes arithmetic with precedence", () => {
    expect(run("a + b * 2")).toBe(18);
    expect(run("(a + b) * 2")).toBe(28);
    expect(run("-a + 3")).toBe(-7);
    expect(run("a / b")).toBe(2.5);
  });

  it("compares with tolerance for floating point", () => {
    expect(evaluate(parseExpression("0.1 + 0.2 = 0.3"), () => null)).toBe(true);
    expect(run("b <= a")).toBe(true);
    expect(run("a <> b")).toBe(true);
    expect(run("a == 10")).toBe(true);
  });

  it("treats blanks as unknown, so rules over missing figures do not apply", () => {
    expect(run("blank <= a")).toBeNull();
    expect(run("missing_id > 0")).toBeNull();
    expect(run("a / z")).toBeNull();
    expect(run("isblank(blank)")).toBe(true);
    expect(run("coalesce(blank, 0) <= a")).toBe(true);
    expect(run("sum(blank, a, b)")).toBe(14);
    expect(run("sum(blank, blank)")).toBeNull();
  });

  it("uses three-valued logic for and/or", () => {
    expect(run("blank > 0 and a < 0")).toBe(false);
    expect(run("blank > 0 or a > 0")).toBe(true);
    expect(run("blank > 0 or a < 0")).toBeNull();
    expect(run("not (a > b) || b > 1 && a > 1")).toBe(true);
  });

  it("has functions min, max, abs, round (half away from zero), if", () => {
    expect(run("min(a, b)")).toBe(4);
    expect(run("max(a, b, 12)")).toBe(12);
    expect(run("abs(b - a)")).toBe(6);
    expect(evaluate(parseExpression("round(2.5)"), () => null)).toBe(3);
    expect(evaluate(parseExpression("round(-2.5)"), () => null)).toBe(-3);
    expect(evaluate(parseExpression("round(1.005, 2)"), () => null)).toBe(1.01);
    expect(run("if(a > b, 1, 2)")).toBe(1);
  });

  it("lists identifiers once", () => {
    expect(identifiersOf(parseExpression("a + b > a and isblank(c)"))).toEqual(["a", "b", "c"]);
  });

  it.each([
    ["a +", "cuối biểu thức"],
    ["a b", "thừa nội dung"],
    ["foo(a)", 'không có hàm "foo"'],
    ["a; drop", 'ký tự không được phép ";"'],
    ["(a", 'thiếu ")"'],
    ["constructor.prototype", 'ký tự không được phép "."'],
    ["round()", "sai số tham số"],
  ])("rejects %s with a Vietnamese message", (src, message) => {
    expect(() => parseExpression(src)).toThrow(ExpressionError);
    expect(() => parseExpression(src)).toThrow(message);
  });

  it("cannot reach anything but the lookup: identifiers are only looked up", () => {
    const seen: string[] = [];
    evaluate(parseExpression("__proto__ + constructor + toString"), (id) => {
      seen.push(id);
      return 1;
    });
    expect(seen).toEqual(["__proto__", "constructor", "toString"]);
  });

  it("refuses very deep nesting instead of overflowing the stack", () => {
    expect(() => parseExpression("(".repeat(200) + "1" + ")".repeat(200))).toThrow(
      "lồng nhau quá sâu"
    );
  });
});
