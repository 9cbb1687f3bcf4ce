// Printing findings for people: grouped by sheet, each with its cell and what to do.
import type { Finding } from "../core/findings";

export function findingsText(findings: readonly Finding[]): string {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.sheet ?? "(chung)";
    const list = groups.get(key) ?? [];
    list.push(f);
    groups.set(key, list);
  }
  const lines: string[] = [];
  for (const [sheet, list] of groups) {
    lines.push(sheet === "(chung)" ? "Chung:" : `Trang "${sheet}":`);
    for (const f of list) {
      const tag = f.severity === "error" ? "LỖI" : "Lưu ý";
      lines.push(`  [${tag}]${f.cell ? ` ${f.cell}` : ""} ${f.message}`);
    }
  }
  return lines.join("\n");
}
