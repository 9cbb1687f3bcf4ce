// Where a command may write: never over one of its own inputs (with or without --force, however the
// path is spelled), no temp file of ours outlives a killed run, and long output names either work
// or get a Vietnamese message.
import { spawn } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadSample } from "../../src/templates/samples";
import { STALE_TEMP_MS } from "../../src/cli/io";
import { cli } from "./run";

const ROOT = path.resolve(__dirname, "..", "..");
let dir: string;
const file = (name: string) => path.join(dir, name);
const sha = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");
const ours = (names: string[]) => names.filter((n) => n.startsWith(".~baocao."));

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-out-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("no command writes over its own input", () => {
  let filled: string;
  let data: string;
  let settings: string;
  let units: string;

  beforeAll(async () => {
    expect((await cli("new", "quarterly-activity", "-o", file("blank.xlsx"))).code).toBe(0);
    data = file("data.json");
    fs.writeFileSync(data, JSON.stringify(loadSample("quarterly-activity")));
    filled = file("filled.xlsx");
    const r = await cli("fill", file("blank.xlsx"), "--data", data, "-o", filled);
    expect(r.code).toBe(0);
    settings = file("settings.json");
    fs.writeFileSync(settings, JSON.stringify({ money: "compact" }));
    units = file("units.txt");
    fs.writeFileSync(units, "Công đoàn A\nCông đoàn B\n");
    fs.mkdirSync(file("sub"));
    fs.symlinkSync(filled, file("link-to-filled.xlsx"));
    fs.symlinkSync(dir, file("dir-link"));
    fs.linkSync(filled, file("hard-link.xlsx"));
  });

  /** The same file as `f`, spelled five ways. */
  const spellings = (f: string) => [
    f,
    path.join(dir, "sub", "..", path.basename(f)),
    path.join(dir, ".", path.basename(f)),
    path.join(dir, "dir-link", path.basename(f)),
    ...(f === filled ? [file("link-to-filled.xlsx"), file("hard-link.xlsx")] : []),
  ];

  const commands: [string, (out: string) => string[], () => string][] = [
    ["dump -o <input>", (out) => ["dump", filled, "-o", out], () => filled],
    ["export -o <input>", (out) => ["export", filled, "-o", out], () => filled],
    [
      "export -o <settings.json>",
      (out) => ["export", filled, "--settings", settings, "-o", out],
      () => settings,
    ],
    ["fill -o <input>", (out) => ["fill", filled, "--data", data, "-o", out], () => filled],
    ["fill -o <data.json>", (out) => ["fill", filled, "--data", data, "-o", out], () => data],
    [
      "consolidate -o <one of the inputs>",
      (out) => ["consolidate", filled, file("blank.xlsx"), "-o", out],
      () => filled,
    ],
    [
      "consolidate -o <--expected file>",
      (out) => ["consolidate", filled, "--expected", units, "-o", out],
      () => units,
    ],
    [
      "new --units <units> -o <units>",
      (out) => ["new", "cluster-emulation", "--units", units, "-o", out],
      () => units,
    ],
  ];

  it.each(commands)("%s is refused with or without --force", async (_name, args, input) => {
    const target = input();
    const before = sha(target);
    for (const out of spellings(target)) {
      for (const force of [[], ["--force"]]) {
        const r = await cli(...args(out), ...force);
        expect({ out, force, code: r.code }).toEqual({ out, force, code: 2 });
        expect(r.stderr).toContain("chính là tệp đầu vào");
        expect(r.stderr).toContain("kể cả khi có --force");
      }
    }
    expect(sha(target)).toBe(before);
    expect(fs.lstatSync(file("link-to-filled.xlsx")).isSymbolicLink()).toBe(true);
  });

  it("still writes a different file with --force (the refusal is about the input only)", async () => {
    fs.writeFileSync(file("old.json"), "{}");
    const r = await cli("dump", filled, "-o", file("old.json"), "--force");
    expect(r.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(file("old.json"), "utf8"))).toHaveProperty("header");
  });
});

describe("long output names", () => {
  /** A name of exactly `bytes` bytes of UTF-8, Vietnamese letters (2–3 bytes each) then padding. */
  function nameOf(bytes: number, ext: string): string {
    let stem = "";
    for (const ch of "Báo cáo tổng hợp hoạt động công đoàn quý một năm hai nghìn không trăm hai mươi tư ".repeat(
      5
    )) {
      if (Buffer.byteLength(stem + ch + ext) > bytes) break;
      stem += ch;
    }
    while (Buffer.byteLength(stem + ext) < bytes) stem += "x";
    return stem + ext;
  }

  it.each([230, 240, 254, 255])(
    "a %i-byte name is written, and no temp file is left",
    async (n) => {
      const name = nameOf(n, ".json");
      expect(Buffer.byteLength(name)).toBe(n);
      const sub = fs.mkdtempSync(path.join(dir, "long-"));
      const d = await cli("new", "quarterly-activity", "-o", path.join(sub, nameOf(n, ".xlsx")));
      expect({ code: d.code, err: d.stderr }).toEqual({ code: 0, err: "" });
      const out = await cli("dump", path.join(sub, nameOf(n, ".xlsx")), "-o", path.join(sub, name));
      expect({ code: out.code }).toEqual({ code: 0 });
      expect(fs.readdirSync(sub).sort()).toEqual([nameOf(n, ".xlsx"), name].sort());
    }
  );

  it("a name over 255 bytes gets a Vietnamese message, before any work", async () => {
    const name = nameOf(300, ".xlsx");
    const r = await cli("new", "quarterly-activity", "-o", file(name));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("quá giới hạn 255 byte");
    expect(r.stderr).not.toContain("ENAMETOOLONG");
    expect(ours(fs.readdirSync(dir))).toEqual([]);
  });
});

describe("no temp file survives a kill", () => {
  it("a run killed mid-write leaves a temp file that the next run in that folder removes", async () => {
    const killDir = fs.mkdtempSync(path.join(dir, "kill-"));
    const target = path.join(killDir, "big.bin");
    // A child writes 256 MB through the CLI's writer; it is killed as soon as its temp file appears.
    const script =
      `const io = require(${JSON.stringify(path.join(ROOT, "src", "cli", "io.ts"))});` +
      `io.writeAtomic(${JSON.stringify(target)}, Buffer.alloc(256 * 1024 * 1024, 7));`;
    const child = spawn(process.execPath, ["--import", "tsx", "-e", script], {
      cwd: ROOT,
      stdio: "ignore",
    });
    const exited = new Promise<NodeJS.Signals | null>((res) =>
      child.on("exit", (_c, sig) => res(sig))
    );
    let temp: string[] = [];
    const deadline = Date.now() + 30000;
    while (temp.length === 0 && Date.now() < deadline && child.exitCode === null) {
      temp = ours(fs.readdirSync(killDir));
      if (temp.length === 0) await new Promise((r) => setImmediate(r));
    }
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    // The kill came mid-write: the temp file is there, the target is not.
    expect(temp).toHaveLength(1);
    expect(ours(fs.readdirSync(killDir))).toEqual(temp);
    expect(fs.existsSync(target)).toBe(false);

    // A fresh temp file may be another run's write in progress: it is left alone; so is a file
    // that is merely named like a temp file by someone else.
    const young = ".~baocao.99999.zz.abc.tmp";
    fs.writeFileSync(path.join(killDir, young), "");
    fs.writeFileSync(path.join(killDir, ".notes.tmp"), "");
    const r1 = await cli("new", "quarterly-activity", "-o", path.join(killDir, "a.xlsx"));
    expect(r1.code).toBe(0);
    expect(ours(fs.readdirSync(killDir)).sort()).toEqual([...temp, young].sort());

    // Once older than the limit, the killed run's temp file is removed by the next write there.
    const old = (Date.now() - STALE_TEMP_MS - 60000) / 1000;
    fs.utimesSync(path.join(killDir, temp[0]), old, old);
    const r2 = await cli("new", "quarterly-activity", "-o", path.join(killDir, "b.xlsx"));
    expect(r2.code).toBe(0);
    expect(ours(fs.readdirSync(killDir))).toEqual([young]);
    expect(fs.existsSync(path.join(killDir, ".notes.tmp"))).toBe(true);
  }, 60000);
});
