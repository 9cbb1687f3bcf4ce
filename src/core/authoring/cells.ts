// Cell addresses and reading a typed cell back into a template file value.
import { choiceCode, choiceLabels, YES_NO } from "./choices";
import type { Field } from "./sheets";

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export type ReadCell = string | number | boolean | null | undefined;

/** A cell's text, or null when blank (whitespace only counts as blank). */
export function cellText(v: ReadCell): string | null {
  if (v === null || v === undefined) return null;
  const s = typeof v === "string" ? v : String(v);
  return s.trim() === "" ? null : s;
}

export type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

const splitList = (s: string) =>
  s
    .split(/[,;\n]/)
    .map((x) => x.trim())
    .filter((x) => x !== "");

/** A cell's value as the template file wants it, or what is wrong with it (and what to write). */
export function parseCell(field: Field, v: ReadCell): Parsed {
  const text = cellText(v);
  if (text === null) return { ok: true, value: undefined };
  switch (field.kind) {
    case "text":
      return { ok: true, value: text };
    case "id":
      return { ok: true, value: text.trim() };
    case "ids":
      return { ok: true, value: splitList(text) };
    case "lines":
      return {
        ok: true,
        value: text
          .split("\n")
          .map((x) => x.trim())
          .filter((x) => x !== ""),
      };
    case "number":
    case "whole": {
      if (typeof v === "number") return { ok: true, value: v };
      const t = text.trim().replace(/\s/g, "");
      // A decimal comma, as Vietnamese writes it ("1,5"); thousands separators are not numbers here.
      const n = /^-?\d+(,\d+)?$/.test(t) ? Number(t.replace(",", ".")) : Number(t);
      if (t === "" || !Number.isFinite(n))
        return {
          ok: false,
          message: `“${text}” không phải là số; ghi một số${field.kind === "whole" ? " nguyên" : ""}${bounds(field)}, hoặc để trống`,
        };
      return { ok: true, value: n };
    }
    case "bool": {
      if (typeof v === "boolean") return { ok: true, value: v };
      const code =
        choiceCode(YES_NO, text) ??
        { x: "true", co: "true", khong: "false" }[text.trim().toLowerCase()];
      if (code === undefined)
        return { ok: false, message: `“${text}” không phải có/không; chọn “có” hoặc “không”` };
      return { ok: true, value: code === "true" };
    }
    case "choice": {
      const code = choiceCode(field.choices!, text);
      if (code === undefined)
        return {
          ok: false,
          message: `“${text}” không có trong danh sách ${field.choices!.name}; chọn một trong: ${choiceLabels(field.choices!)}`,
        };
      return { ok: true, value: code };
    }
    case "choices": {
      const out: string[] = [];
      for (const part of splitList(text)) {
        const code = choiceCode(field.choices!, part);
        if (code === undefined)
          return {
            ok: false,
            message: `“${part}” không có trong danh sách ${field.choices!.name}; ghi các giá trị cách nhau dấu phẩy, chọn trong: ${choiceLabels(field.choices!)}`,
          };
        out.push(code);
      }
      return { ok: true, value: out };
    }
  }
}

function bounds(f: Field): string {
  if (f.min !== undefined && f.max !== undefined) return ` từ ${f.min} đến ${f.max}`;
  return "";
}
