import { readWorkbook } from "../../core/data/read";
import { findingsText } from "../findings-text";
import { checkOutput, writeAtomic, type Output } from "../io";
import { readTemplateWorkbook } from "../workbook";

export interface DumpOptions {
  output?: string;
  force?: boolean;
}

export async function dumpCommand(file: string, opts: DumpOptions, io: Output): Promise<number> {
  // Refused before reading: a wrong output name should not wait for a large workbook to load.
  if (opts.output) checkOutput(opts.output, opts.force ?? false, [file]);
  const opened = await readTemplateWorkbook(file);
  const { data, findings } = readWorkbook(opened.template, opened.snapshot);
  const json = JSON.stringify(data, null, 2) + "\n";
  if (opts.output) {
    writeAtomic(opts.output, json);
    io.err(`Đã ghi dữ liệu của "${file}" vào "${opts.output}".\n`);
  } else {
    io.out(json);
  }
  if (findings.length > 0) {
    io.err(`Có ${findings.length} điểm cần xem khi đọc "${file}":\n${findingsText(findings)}\n`);
  }
  return 0;
}
