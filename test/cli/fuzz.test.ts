// 1,000 random byte-level mutations of a valid workbook never crash the CLI: each run ends with
// a result (exit 0 or 1) or a clear "unusable file" message (exit 2), never exit 3 or a throw.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import JSZip from "jszip";
import { loadSample } from "../../src/templates/samples";
import { cli } from "./run";

const MUTATIONS = 1000;

function mutate(bytes: Buffer, rnd: () => number): Buffer {
  const out = Buffer.from(bytes);
  const kind = Math.floor(rnd() * 4);
  const at = Math.floor(rnd() * out.length);
  switch (kind) {
    case 0: // flip a few bytes
      for (let i = 0; i < 1 + Math.floor(rnd() * 8); i++)
        out[Math.floor(rnd() * out.length)] = Math.floor(rnd() * 256);
      return out;
    case 1: // truncate
      return out.subarray(0, at);
    case 2: // zero a block
      out.fill(0, at, Math.min(out.length, at + 1 + Math.floor(rnd() * 512)));
      return out;
    default: // insert random bytes
      return Buffer.concat([
        out.subarray(0, at),
        Buffer.from(
          Array.from({ length: 1 + Math.floor(rnd() * 64) }, () => Math.floor(rnd() * 256))
        ),
        out.subarray(at),
      ]);
  }
}

/** A mutation inside the package: one XML part altered, the zip rebuilt, so the damage reaches
 * the workbook parser and the reader rather than stopping at the zip layer. */
async function mutateXml(bytes: Buffer, rnd: () => number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files).filter((n) => n.endsWith(".xml"));
  const name = parts[Math.floor(rnd() * parts.length)];
  let xml = await zip.file(name)!.async("string");
  const at = Math.floor(rnd() * xml.length);
  const len = 1 + Math.floor(rnd() * 40);
  switch (Math.floor(rnd() * 4)) {
    case 0:
      xml = xml.slice(0, at) + xml.slice(at + len);
      break;
    case 1:
      xml = xml.slice(0, at) + xml.slice(at, at + len) + xml.slice(at);
      break;
    case 2:
      xml = xml.slice(0, at) + String.fromCharCode(32 + Math.floor(rnd() * 95)) + xml.slice(at + 1);
      break;
    default:
      xml = xml.replace(
        />-?\d+(\.\d+)?</,
        `>${["-1", "1e308", "abc", "", "NaN"][Math.floor(rnd() * 5)]}<`
      );
  }
  zip.file(name, xml);
  return zip.generateAsync({ type: "nodebuffer" });
}

it(`survives ${MUTATIONS} random mutations of a valid .xlsx`, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-fuzz-"));
  try {
    await cli("new", "quarterly-activity", "-o", path.join(dir, "blank.xlsx"));
    fs.writeFileSync(path.join(dir, "data.json"), JSON.stringify(loadSample("quarterly-activity")));
    await cli(
      "fill",
      path.join(dir, "blank.xlsx"),
      "--data",
      path.join(dir, "data.json"),
      "-o",
      path.join(dir, "ok.xlsx")
    );
    const valid = fs.readFileSync(path.join(dir, "ok.xlsx"));
    const seeds = fc.sample(fc.integer({ min: 1, max: 2 ** 31 - 1 }), {
      numRuns: MUTATIONS,
      seed: 20241121,
    });
    const codes: Record<number, number> = {};
    for (const seed of seeds) {
      let state = seed;
      const rnd = () => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state / 2147483648;
      };
      const f = path.join(dir, "m.xlsx");
      fs.writeFileSync(f, seed % 2 === 0 ? mutate(valid, rnd) : await mutateXml(valid, rnd));
      const r = await cli("validate", f, "--json");
      codes[r.code] = (codes[r.code] ?? 0) + 1;
      if (![0, 1, 2].includes(r.code)) throw new Error(`seed ${seed}: exit ${r.code}: ${r.stderr}`);
      if (r.code === 2) expect(r.stderr.length).toBeGreaterThan(0);
      else JSON.parse(r.stdout);
    }
    process.stdout.write(`exit codes over ${MUTATIONS} mutations: ${JSON.stringify(codes)}\n`);
    // The mutations must reach the reader, not stop at the zip layer: a run where nearly every
    // file is refused as unreadable (or nearly every file reads as if untouched) tests little.
    const read = (codes[0] ?? 0) + (codes[1] ?? 0);
    const refused = codes[2] ?? 0;
    expect({ read: read >= MUTATIONS * 0.1, refused: refused >= MUTATIONS * 0.1 }).toEqual({
      read: true,
      refused: true,
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 600000);
