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

/** The file a path names once symlinks and "./" are resolved; for a file not yet there, its
 * folder's real path and its own name (the folder may itself be reached through a symlink). */
function realPathOf(file: string): string {
  const abs = path.resolve(file);
  try {
    return fs.realpathSync(abs);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

/** Whether two paths name the same file: same real path, or the same inode (a hard link). */
export function sameFile(a: string, b: string): boolean {
  if (realPathOf(a) === realPathOf(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

/** Longest file name (bytes of UTF-8) the usual file systems (ext4, NTFS, APFS) accept. */
export const MAX_NAME_BYTES = 255;

/**
 * Refuses to write where the output cannot or should not go: over one of the command's own inputs
 * (never, even with --force: a user who types the input's name twice loses the original), over an
 * existing file unless forced (it may be someone's filled workbook), into a missing folder, or
 * under a name too long for the file system. Every command that writes calls this first, with all
 * the files it reads.
 */
export function checkOutput(file: string, force: boolean, inputs: readonly string[]): void {
  for (const input of inputs) {
    if (sameFile(input, file)) {
      throw new CliError(
        `Tệp kết quả "${file}" chính là tệp đầu vào "${input}". BáoCáo không ghi đè tệp đầu vào, ` +
          "kể cả khi có --force: chọn một tên khác cho tệp kết quả."
      );
    }
  }
  const nameBytes = Buffer.byteLength(path.basename(file), "utf8");
  if (nameBytes > MAX_NAME_BYTES) {
    throw new CliError(
      `Tên tệp kết quả "${path.basename(file)}" dài ${nameBytes} byte, quá giới hạn ${MAX_NAME_BYTES} byte ` +
        "của hệ thống tệp (chữ có dấu tính 2–3 byte mỗi chữ). Hãy đặt tên ngắn hơn."
    );
  }
  if (fs.existsSync(file) && !force) {
    throw new CliError(`Tệp "${file}" đã có. Chọn tên khác, hoặc thêm --force để ghi đè.`);
  }
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir))
    throw new CliError(`Thư mục "${dir}" không tồn tại; không ghi được "${file}".`);
}

/**
 * Our temp files: ".~baocao.<pid>.<time>.<random>.tmp", short whatever the target's name (a
 * 254-byte output name must still leave room for it) and recognisable, so that one left by a
 * process killed mid-write can be removed by a later run.
 */
const TEMP_PATTERN = /^\.~baocao\.\d+\.[0-9a-z]+\.[0-9a-z]+\.tmp$/;
/** A temp file this old is no write in progress: writes take seconds, not minutes. */
export const STALE_TEMP_MS = 10 * 60 * 1000;

function tempName(): string {
  const rand = Math.floor(Math.random() * 36 ** 6).toString(36);
  return `.~baocao.${process.pid}.${Date.now().toString(36)}.${rand}.tmp`;
}

/** Removes our temp files older than STALE_TEMP_MS from a folder; returns the names removed. */
export function removeStaleTemps(dir: string, now = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!TEMP_PATTERN.test(name)) continue;
    const full = path.join(dir, name);
    try {
      const st = fs.lstatSync(full);
      if (st.isFile() && now - st.mtimeMs > STALE_TEMP_MS) {
        fs.rmSync(full, { force: true });
        removed.push(name);
      }
    } catch {
      // another run removed it first, or it is not ours to touch
    }
  }
  return removed;
}

export function writeAtomic(file: string, data: Uint8Array | string): void {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  // A run killed mid-write (power cut, kill -9) cannot clean up after itself: the next write here does.
  removeStaleTemps(dir);
  const tmp = path.join(dir, tempName());
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
              : code === "ENAMETOOLONG"
                ? "tên tệp hoặc đường dẫn dài quá giới hạn của hệ thống; hãy đặt tên ngắn hơn"
                : (code ?? String(e));
    throw new CliError(`Không ghi được tệp "${file}": ${why}. Không có tệp nào bị ghi dở.`);
  }
}
