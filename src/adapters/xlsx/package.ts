// The .xlsx zip, read defensively before ExcelJS sees it. ExcelJS (through JSZip) inflates every
// entry of the archive into memory without a limit and never checks CRC-32, so a small file with a
// huge part exhausts memory and a corrupted part is read as data. Here the central directory is
// parsed by hand, only the parts a reader asks for are inflated, each under a size limit, and each
// is checked against its CRC-32. Parts nobody asks for (a user's own large sheet, media, an
// unreferenced blob) are never inflated at all.
import { Inflate, inflateSync } from "fflate";

/** Largest inflated size of one part BáoCáo reads (documented in README). */
export const PART_LIMIT = 64 * 1024 * 1024;
/** Largest inflated size of all the parts BáoCáo reads from one file, together. */
export const TOTAL_LIMIT = 160 * 1024 * 1024;

/** Why a package cannot be read; the message is Vietnamese and names the part. */
export class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackageError";
  }
}

export interface PackageEntry {
  /** The part name without a leading slash, as stored ("xl/worksheets/sheet1.xml"). */
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** Eight tables of 256: table k gives a byte's CRC as if followed by k zero bytes ("slicing by
 * 8"), so eight bytes cost eight lookups and one step instead of eight steps. Every part of every
 * unit's file is checked, a byte at a time this was a tenth of the pre-scan. */
const CRC_TABLES = (() => {
  const t = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++)
    for (let k = 1; k < 8; k++)
      t[k * 256 + n] = t[t[(k - 1) * 256 + n] & 0xff] ^ (t[(k - 1) * 256 + n] >>> 8);
  return t;
})();

export function crc32(data: Uint8Array): number {
  const t = CRC_TABLES;
  let c = -1;
  let i = 0;
  for (const end = data.length - 7; i < end; i += 8) {
    const a = c ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
    c =
      t[1792 + (a & 0xff)] ^
      t[1536 + ((a >>> 8) & 0xff)] ^
      t[1280 + ((a >>> 16) & 0xff)] ^
      t[1024 + (a >>> 24)] ^
      t[768 + data[i + 4]] ^
      t[512 + data[i + 5]] ^
      t[256 + data[i + 6]] ^
      t[data[i + 7]];
  }
  for (; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

const MB = 1024 * 1024;
const mb = (n: number) => `${Math.round(n / MB)} MB`;

export class XlsxPackage {
  private readonly entries = new Map<string, PackageEntry>();
  private inflated = 0;
  private readonly labels = new Map<string, string>();

  constructor(
    private readonly bytes: Uint8Array,
    private readonly fileLabel: string
  ) {
    for (const e of readCentralDirectory(bytes, fileLabel)) {
      // OPC part names compare case-insensitively.
      const key = e.name.toLowerCase();
      if (this.entries.has(key)) {
        throw new PackageError(
          `Tệp "${fileLabel}" bị hỏng: có hai phần cùng tên "${e.name}" trong tệp nén. Mở bằng Excel rồi lưu lại, hoặc lấy lại bản gốc.`
        );
      }
      this.entries.set(key, e);
    }
  }

  has(name: string): boolean {
    return this.entries.has(name.replace(/^\//, "").toLowerCase());
  }

  entry(name: string): PackageEntry | undefined {
    return this.entries.get(name.replace(/^\//, "").toLowerCase());
  }

  names(): string[] {
    return [...this.entries.values()].map((e) => e.name);
  }

  /** The part's bytes, inflated under the limits and checked against its CRC-32. */
  read(name: string): Uint8Array {
    const e = this.entry(name);
    if (!e) throw new PackageError(`Tệp "${this.fileLabel}" thiếu phần "${name}".`);
    const tooBig = () =>
      new PackageError(
        `Tệp "${this.fileLabel}" bị từ chối: phần ${this.describe(e.name)} giải nén ra hơn ${mb(PART_LIMIT)} ` +
          `(giới hạn của BáoCáo cho một phần; tổng các phần được đọc tối đa ${mb(TOTAL_LIMIT)}). ` +
          "Tệp có thể bị hỏng hoặc là tệp độc hại (bom nén). Lấy lại bản gốc từ người gửi; nếu là sổ tính thật, hãy xoá bớt dữ liệu thừa ở trang đó."
      );
    if (e.size > PART_LIMIT) throw tooBig();
    if (e.flags & 1) {
      throw new PackageError(
        `Tệp "${this.fileLabel}" có phần ${this.describe(e.name)} bị mã hoá (đặt mật khẩu); BáoCáo không đọc được. Gỡ mật khẩu trong Excel rồi lưu lại.`
      );
    }
    const data = this.compressedData(e);
    let out: Uint8Array;
    if (e.method === 0) {
      out = data;
    } else if (e.method === 8) {
      const limit = Math.min(PART_LIMIT, TOTAL_LIMIT - this.inflated);
      out =
        inflateDeclared(data, e.size, limit) ??
        inflateLimited(data, limit, tooBig, () => this.damaged(e.name, "dữ liệu nén hỏng"));
    } else {
      throw this.damaged(e.name, `kiểu nén ${e.method} không được hỗ trợ`);
    }
    if (out.length > PART_LIMIT || this.inflated + out.length > TOTAL_LIMIT) throw tooBig();
    if (crc32(out) !== e.crc) {
      throw new PackageError(
        `Tệp "${this.fileLabel}" bị hỏng: phần ${this.describe(e.name)} không khớp mã kiểm tra CRC-32, nên số liệu trong đó có thể đã bị sai lệch. ` +
          "Lấy lại bản gốc từ người gửi (hoặc mở bằng Excel để sửa và lưu lại) rồi chạy lại."
      );
    }
    this.inflated += out.length;
    return out;
  }

  /** The part's stored (still compressed) bytes, for copying it unchanged into another package. */
  raw(name: string): { entry: PackageEntry; data: Uint8Array } {
    const e = this.entry(name);
    if (!e) throw new PackageError(`Tệp "${this.fileLabel}" thiếu phần "${name}".`);
    return { entry: e, data: this.compressedData(e) };
  }

  text(name: string): string {
    return new TextDecoder("utf-8").decode(this.read(name));
  }

  /** Names what a part holds in messages ("trang \"Đơn vị\""), besides its part name. */
  label(name: string, what: string): void {
    this.labels.set(name.replace(/^\//, "").toLowerCase(), what);
  }

  private describe(part: string): string {
    const what = this.labels.get(part.toLowerCase());
    return `"${part}"${what ? ` (${what})` : ""}`;
  }

  private damaged(part: string, why: string): PackageError {
    return new PackageError(
      `Tệp "${this.fileLabel}" bị hỏng: phần ${this.describe(part)} không đọc được (${why}). Mở bằng Excel để kiểm tra, hoặc lấy lại bản gốc.`
    );
  }

  private compressedData(e: PackageEntry): Uint8Array {
    const b = this.bytes;
    const at = e.localOffset;
    if (at + 30 > b.length || u32(b, at) !== 0x04034b50)
      throw this.damaged(e.name, "không thấy đầu phần");
    const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
    const end = start + e.compressedSize;
    if (end > b.length) throw this.damaged(e.name, "tệp bị cắt cụt");
    return b.subarray(start, end);
  }
}

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 2 ** 32;
}

function notZip(fileLabel: string, why: string): PackageError {
  return new PackageError(
    `Không đọc được tệp "${fileLabel}": tệp bị hỏng hoặc không phải sổ tính .xlsx (${why}). ` +
      "Mở tệp bằng Excel để kiểm tra, hoặc lấy lại bản gốc."
  );
}

function readCentralDirectory(b: Uint8Array, fileLabel: string): PackageEntry[] {
  // The end-of-central-directory record is in the last 22 + 65,535 bytes.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (u32(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notZip(fileLabel, "không thấy mục lục của tệp nén");
  let count = u16(b, eocd + 10);
  let dirOffset = u32(b, eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(b, locator) !== 0x07064b50)
      throw notZip(fileLabel, "mục lục ZIP64 hỏng");
    const rec = u64(b, locator + 8);
    if (rec + 56 > b.length || u32(b, rec) !== 0x06064b50)
      throw notZip(fileLabel, "mục lục ZIP64 hỏng");
    count = u64(b, rec + 32);
    dirOffset = u64(b, rec + 48);
  }
  const entries: PackageEntry[] = [];
  let at = dirOffset;
  const decoder = new TextDecoder("utf-8");
  for (let i = 0; i < count; i++) {
    if (at + 46 > b.length || u32(b, at) !== 0x02014b50)
      throw notZip(fileLabel, "mục lục của tệp nén hỏng");
    const nameLen = u16(b, at + 28);
    const extraLen = u16(b, at + 30);
    const commentLen = u16(b, at + 32);
    const e: PackageEntry = {
      name: decoder.decode(b.subarray(at + 46, at + 46 + nameLen)).replace(/^\/+/, ""),
      flags: u16(b, at + 8),
      method: u16(b, at + 10),
      crc: u32(b, at + 16),
      compressedSize: u32(b, at + 20),
      size: u32(b, at + 24),
      localOffset: u32(b, at + 42),
    };
    // ZIP64 sizes and offset live in the extra field when the 32-bit ones are saturated.
    let x = at + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = u16(b, x);
      const len = u16(b, x + 2);
      if (id === 0x0001) {
        let p = x + 4;
        if (e.size === 0xffffffff) {
          e.size = u64(b, p);
          p += 8;
        }
        if (e.compressedSize === 0xffffffff) {
          e.compressedSize = u64(b, p);
          p += 8;
        }
        if (e.localOffset === 0xffffffff) e.localOffset = u64(b, p);
      }
      x += 4 + len;
    }
    if (!e.name.endsWith("/")) entries.push(e);
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Parts up to this compressed size are inflated in one call into a buffer of their declared size:
 * the streaming inflater grows its output by doubling and copying, a fifth of reading a unit
 * workbook. The bound keeps a lying part cheap: DEFLATE expands at most ~1,032×, so at worst
 * 66 MB of work are thrown away before the streaming path reads it under the limits.
 */
const ONE_CALL_COMPRESSED = 64 * 1024;

/** The part inflated into its declared size; null when it is larger, damaged or too big to try. */
function inflateDeclared(data: Uint8Array, declared: number, limit: number): Uint8Array | null {
  if (data.length > ONE_CALL_COMPRESSED || declared >= limit) return null;
  try {
    // One byte more than declared: output that fills it is longer than the archive says.
    const out = inflateSync(data, { out: new Uint8Array(declared + 1) });
    return out.length <= declared ? out : null;
  } catch {
    return null;
  }
}

/** Inflates raw DEFLATE data, giving up as soon as the output passes `limit` bytes. */
function inflateLimited(
  data: Uint8Array,
  limit: number,
  tooBig: () => Error,
  damaged: () => Error
): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > limit) throw tooBig();
    chunks.push(chunk);
    if (final) ended = true;
  });
  // Small input steps bound how much one step can inflate (DEFLATE expands at most ~1,032×).
  const STEP = 16 * 1024;
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let i = 0; i < data.length; i += STEP)
      inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
  } catch (e) {
    if (e instanceof PackageError) throw e;
    throw damaged();
  }
  if (!ended) throw damaged();
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

/** A part for storedZip; `crc` when it is already known (a part copied unchanged). */
export interface StoredPart {
  name: string;
  data: Uint8Array;
  crc?: number;
}

/**
 * A zip of stored (uncompressed) parts, for handing parts to ExcelJS. A part read from a file
 * and passed on unchanged keeps the CRC-32 its file gave, which read() has just verified, so only
 * the parts screening rewrote are summed again: computing it for every part of every unit's file
 * was a tenth of what consolidation spends above ExcelJS's own load.
 */
export function storedZip(parts: readonly StoredPart[]): Uint8Array {
  const enc = new TextEncoder();
  const names = parts.map((p) => enc.encode(p.name));
  const crcs = parts.map((p) => p.crc ?? crc32(p.data));
  let size = 22;
  parts.forEach((p, i) => (size += 30 + names[i].length + p.data.length + 46 + names[i].length));
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  const header = (sig: number, i: number, central: boolean) => {
    const p = parts[i];
    view.setUint32(at, sig, true);
    at += 4;
    if (central) {
      view.setUint16(at, 20, true); // version made by
      at += 2;
    }
    view.setUint16(at, 20, true); // version needed
    view.setUint16(at + 2, 0x0800, true); // UTF-8 names
    view.setUint16(at + 4, 0, true); // stored
    view.setUint32(at + 6, 0, true); // time, date
    view.setUint32(at + 10, crcs[i], true);
    view.setUint32(at + 14, p.data.length, true);
    view.setUint32(at + 18, p.data.length, true);
    view.setUint16(at + 22, names[i].length, true);
    view.setUint16(at + 24, 0, true); // extra
    at += 26;
    if (central) {
      view.setUint16(at, 0, true); // comment
      view.setUint16(at + 2, 0, true); // disk
      view.setUint16(at + 4, 0, true); // internal attributes
      view.setUint32(at + 6, 0, true); // external attributes
      view.setUint32(at + 10, offsets[i], true);
      at += 14;
    }
    out.set(names[i], at);
    at += names[i].length;
  };
  parts.forEach((p, i) => {
    offsets.push(at);
    header(0x04034b50, i, false);
    out.set(p.data, at);
    at += p.data.length;
  });
  const dir = at;
  parts.forEach((_, i) => header(0x02014b50, i, true));
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, parts.length, true);
  view.setUint16(at + 10, parts.length, true);
  view.setUint32(at + 12, at - dir, true);
  view.setUint32(at + 16, dir, true);
  return out;
}
