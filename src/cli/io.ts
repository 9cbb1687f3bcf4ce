// File access for the CLI: clear Vietnamese errors naming the file, and writes that never leave
// a half-written output (temp file in the same folder, then rename).
import * as fs from "node:fs";
import * as path from "node:path";
import { CliError } from "./errors";

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export function readBytes(file: string): Uint8Array {
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) throw new CliError(`"${file}" là thư mục, không phải tệp.`);
    return new Uint8Array(fs.readFileSync(file));
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      throw new CliError(`Không tìm thấy tệp "${file}". Kiểm tra lại tên và đường dẫn.`);
    if (code === "EACCES") throw new CliError(`Không có quyền đọc tệp "${file}".`);
    throw new CliError(`Không đọc được tệp "${file}" (${code ?? String(e)}).`);
  }
}

export function readJsonFile(file: string): unknown {
  const text = new TextDecoder("utf-8").decode(readBytes(file)).replace(/^\uFEFF/, "");
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(msg);
    let where = "";
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      const line = before.split("\n").length;
      const col = before.length - before.lastIndexOf("\n");
      where = ` ở dòng ${line}, cột ${col}`;
    }
    throw new CliError(`Tệp "${file}" không phải JSON hợp lệ${where}: ${msg}`);
  }
}

export function readTextFile(file: string): string {
  return new TextDecoder("utf-8").decode(readBytes(file)).replace(/^\uFEFF/, "");
}

export function sameFile(a: string, b: string): boolean {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  if (ra === rb) return true;
  try {
    const sa = fs.statSync(ra);
    const sb = fs.statSync(rb);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

/** Refuses to overwrite an existing file unless forced: it may be someone's filled workbook. */
export function checkOutput(file: string, force: boolean): void {
  if (fs.existsSync(file) && !force) {
    throw new CliError(`Tệp "${file}" đã có. Chọn tên khác, hoặc thêm --force để ghi đè.`);
  }
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir))
    throw new CliError(`Thư mục "${dir}" không tồn tại; không ghi được "${file}".`);
}

export function writeAtomic(file: string, data: Uint8Array | string): void {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, target);
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing was written, or it is already gone
    }
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "EACCES" || code === "EPERM"
        ? "không có quyền ghi"
        : code === "ENOENT"
          ? "thư mục không tồn tại"
          : code === "ENOSPC"
            ? "ổ đĩa đầy"
            : code === "EISDIR"
              ? "đó là một thư mục"
              : (code ?? String(e));
    throw new CliError(`Không ghi được tệp "${file}": ${why}. Không có tệp nào bị ghi dở.`);
  }
}
