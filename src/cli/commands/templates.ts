import { builtInTemplates } from "../../core/templates";
import { templateContract } from "../../core/model/contract";
import { periodHint } from "../../core/model/title";
import type { Output } from "../io";

export function templatesCommand(opts: { json?: boolean }, io: Output): number {
  const templates = builtInTemplates();
  if (opts.json) {
    io.out(JSON.stringify(templates.map(templateContract), null, 2) + "\n");
    return 0;
  }
  const width = Math.max(...templates.map((t) => t.id.length));
  io.out("Các mẫu báo cáo có sẵn:\n\n");
  for (const t of templates) {
    io.out(`  ${t.id.padEnd(width)}  v${t.version}  ${t.title}\n`);
    io.out(
      `  ${"".padEnd(width)}  ${" ".repeat(t.version.length + 1)}  ${periodHint(t.periodKinds)}\n`
    );
  }
  io.out("\nTạo sổ tính: baocao new <mã mẫu> -o bao-cao.xlsx --period 2024-Q1\n");
  io.out("Chi tiết các chỉ số (JSON): baocao templates --json\n");
  return 0;
}
