// baocao review <unit files or folders> -o <folder>: the level above checks the units' files as
// a consolidation would (same driver, same template and period choice) and, for each file that
// needs fixing, writes a return note — a short .docx in the official format and the same text as
// .txt — listing every error and warning with its sheet, cell and message. Nothing else is
// written. Exit 0: no file needs fixing; 1: some do (notes written); 2: no file could be read.
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { consolidateFiles, type UnitFile } from "../../adapters/xlsx/consolidate";
import { renderDocx } from "../../adapters/docx";
import { findTemplate } from "../../templates";
import { consolidateWorkbooks } from "../../usecases/consolidate";
import { REVIEW_LABELS, STATUS_LABELS } from "../../core/layout/sources-sheet";
import { returnNote, returnNoteName, type ReturnNote } from "../../core/consolidate/return-note";
import { CliError, EXIT } from "../errors";
import { exceljs } from "../exceljs";
import { readBytes, writeAtomic, type Output } from "../io";
import { checkDeadline, expandInputs, fileTimeOf } from "./consolidate";

export interface ReviewCliOptions {
  output: string;
  template?: string;
  period?: string;
  issuer?: string;
  /** Ask for the corrected files back by this day (YYYY-MM-DD); written in the notes. */
  deadline?: string;
  force?: boolean;
  json?: boolean;
}

/** Today in Vietnam, the date the notes carry. */
function today(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

export async function reviewCommand(
  inputs: string[],
  opts: ReviewCliOptions,
  io: Output
): Promise<number> {
  if (inputs.length === 0) throw new CliError("Chưa chọn tệp hay thư mục nào để xem xét.");
  const paths = expandInputs(inputs, io);
  const deadline = checkDeadline(opts.deadline);
  const outDir = opts.output;
  if (fs.existsSync(outDir) && !fs.statSync(outDir).isDirectory())
    throw new CliError(
      `"${outDir}" là một tệp, không phải thư mục. Ghi -o <thư mục> để đặt các phiếu trả lại.`
    );
  const files: UnitFile[] = paths.map((p) => ({
    name: p,
    read: async () => readBytes(p),
    fileTime: fileTimeOf(p),
  }));
  // Every file is screened and kept in the result whatever its errors (insist): reviewing is
  // about the files, not about which of them would go into the totals.
  const { result } = await consolidateWorkbooks(
    files,
    {
      exceljs,
      sha256: async (bytes: Uint8Array) => crypto.createHash("sha256").update(bytes).digest("hex"),
      template: opts.template,
      period: opts.period,
      issuer: opts.issuer,
      insist: true,
      find: findTemplate,
    },
    consolidateFiles
  );
  // The unit's own template (its title and header go into the note), not the consolidated form.
  const id =
    result.template?.id ?? opts.template ?? result.sources.find((s) => s.template)?.template;
  const t = id ? findTemplate(id) : undefined;
  const notes: ReturnNote[] = [];
  if (t) {
    for (const s of result.sources) {
      // A file replaced by the unit's newer one is not sent back: the newer one is what counts.
      if (s.review !== "needsFix" || s.status === "superseded" || s.status === "duplicate")
        continue;
      const note = returnNote(t, s, result.issues[s.file] ?? [], {
        issuer: opts.issuer,
        date: today(),
        resendBy: deadline,
      });
      if (note) notes.push(note);
    }
  }

  const written: { unit: string; file: string; docx: string; txt: string }[] = [];
  if (notes.length > 0) {
    fs.mkdirSync(outDir, { recursive: true });
    const used = new Set<string>();
    for (const n of notes) {
      let base = returnNoteName(n.unit);
      // Two files of one unit both needing fixes: the second note gets a number, never overwrites.
      for (let i = 2; used.has(base); i++) base = `${returnNoteName(n.unit)}-${i}`;
      used.add(base);
      const docx = path.join(outDir, `${base}.docx`);
      const txt = path.join(outDir, `${base}.txt`);
      for (const f of [docx, txt])
        if (fs.existsSync(f) && !opts.force)
          throw new CliError(
            `Tệp "${f}" đã có. Dùng --force để ghi đè, hoặc chọn thư mục khác với -o.`
          );
      writeAtomic(docx, await renderDocx(n.document));
      writeAtomic(txt, n.text + "\n");
      written.push({ unit: n.unit, file: n.file, docx, txt });
    }
  }

  const readable = result.sources.filter((s) => s.review);
  const code = readable.length === 0 ? EXIT.unusable : notes.length > 0 ? EXIT.problems : EXIT.ok;
  if (opts.json) {
    io.out(
      JSON.stringify(
        {
          exitCode: code,
          template: t?.id ?? null,
          files: result.sources.map((s) => ({
            file: s.file,
            unit: s.unit,
            status: s.status,
            review: s.review ?? null,
            errors: s.errors,
            warnings: s.warnings,
            issues: result.issues[s.file] ?? [],
            returnNote: written.find((w) => w.file === s.file) ?? null,
          })),
        },
        null,
        2
      ) + "\n"
    );
  }
  const lines = [`Đã xem ${result.sources.length} tệp.`];
  for (const s of result.sources) {
    const state = s.review ? REVIEW_LABELS[s.review] : STATUS_LABELS[s.status];
    const counts = s.review ? ` — ${s.errors} lỗi, ${s.warnings} lưu ý` : "";
    const replaced = s.supersededBy ? ` — ${STATUS_LABELS[s.status]}: "${s.supersededBy}"` : "";
    lines.push(`  [${state}] ${s.file}${s.unit ? ` — ${s.unit}` : ""}${counts}${replaced}`);
    if (!s.review) for (const r of s.reasons) lines.push(`      ${r}`);
    const w = written.find((x) => x.file === s.file);
    if (w) lines.push(`      Phiếu trả lại: ${w.docx} (và ${path.basename(w.txt)} để dán)`);
  }
  if (readable.length === 0) lines.push("Không đọc được tệp nào của BáoCáo; không ghi phiếu nào.");
  else if (notes.length === 0) lines.push("Không tệp nào cần sửa; không ghi phiếu trả lại nào.");
  else lines.push(`Đã ghi ${notes.length} phiếu trả lại vào thư mục "${outDir}".`);
  io.err(lines.join("\n") + "\n");
  return code;
}
