import { builtInTemplates } from "../../templates";
import { templateContract } from "../../core/model/contract";
import { periodHint } from "../../core/model/title";
import type { Output } from "../io";
import { cliTemplates } from "../templates";

export function templatesCommand(
  opts: { json?: boolean; templateFile?: string },
  io: Output
): number {
  // With --template-file the list shows the user's template in place of a built-in with its id:
  // a quick check of a template file, and what every other command will use.
  const { custom } = cliTemplates(opts.templateFile, io);
  const templates = builtInTemplates().filter((t) => t.id !== custom?.id);
  if (custom) templates.push(custom);
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
  if (custom) io.out(`\nTệp mẫu "${opts.templateFile}" hợp lệ: mẫu "${custom.id}".\n`);
  io.out("\nTạo sổ tính: baocao new <mã mẫu> -o bao-cao.xlsx --period 2024-Q1\n");
  io.out("Chi tiết các chỉ số (JSON): baocao templates --json\n");
  return 0;
}
