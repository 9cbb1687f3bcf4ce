import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  parseXml,
  pngSize,
  REPO_ROOT,
  validateManifest,
  xmllintAvailable,
} from "../scripts/validate-manifest";

const MANIFEST = path.join(REPO_ROOT, "manifest.xml");
const original = readFileSync(MANIFEST, "utf8");

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "baocao-manifest-"));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** Writes a modified copy of manifest.xml to the temp dir and validates it against the repo's files. */
function validateVariant(name: string, edit: (xml: string) => string) {
  const edited = edit(original);
  expect(edited).not.toBe(original); // the edit must have matched something
  const file = path.join(tmp, `${name}.xml`);
  writeFileSync(file, edited, "utf8");
  return validateManifest(file, { repoRoot: REPO_ROOT });
}

describe("manifest.xml", () => {
  test("xmllint is installed (apt-get install libxml2-utils)", () => {
    expect(xmllintAvailable()).toBe(true);
  });

  test("validates against the Office XSDs and the extra checks", () => {
    const r = validateManifest(MANIFEST);
    expect(r.errors).toEqual([]);
    expect(r.exitCode).toBe(0);
  });

  test("has the required identity, locales, requirements and ribbon button", () => {
    const app = parseXml(original).children.find((c) => c.local === "OfficeApp")!;
    const text = (name: string) => app.children.find((c) => c.local === name)?.text.trim();
    expect(app.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(text("Id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(text("Id")).not.toBe("05c2e1c9-3e1d-406e-9a91-e9ac64854143"); // the Yeoman template's id
    expect(text("Version")).toBe("0.1.0.0");
    expect(text("ProviderName")).toBe("BáoCáo");
    expect(text("DefaultLocale")).toBe("vi-VN");
    expect(text("Permissions")).toBe("ReadWriteDocument");
    expect(app.children.find((c) => c.local === "DisplayName")?.attrs.DefaultValue).toBe(
      "BáoCáo – Báo cáo công đoàn"
    );
    expect(original).toMatch(/<Set Name="ExcelApi" MinVersion="1\.7"\/>/);
    expect(original).toMatch(/<Host Name="Workbook"\/>/);
    expect(original).toMatch(/<OfficeTab id="TabHome">/);
    expect(original).toMatch(
      /<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>ButtonId1<\/TaskpaneId>/
    );
    expect(original).toMatch(
      /<SourceLocation DefaultValue="https:\/\/localhost:3000\/taskpane\.html"\/>/
    );
  });

  test("icons in assets/ have their nominal sizes", () => {
    for (const [file, size] of [
      ["icon-16.png", 16],
      ["icon-32.png", 32],
      ["icon-64.png", 64],
      ["icon-80.png", 80],
      ["logo-filled.png", 128],
    ] as const) {
      expect(pngSize(path.join(REPO_ROOT, "assets", file))).toEqual({ width: size, height: size });
    }
  });
});

describe("broken manifests are rejected", () => {
  test("element out of order (<Version> before <Id>)", () => {
    const r = validateVariant("order", (x) =>
      x.replace(/(\s*<Id>[^<]*<\/Id>)(\s*<Version>[^<]*<\/Version>)/, "$2$1")
    );
    expect(r.exitCode).toBe(1);
    expect(r.errors.join("\n")).toMatch(/order\.xml:\d+: .*Version.*not expected/);
  });

  test("missing required <Id>", () => {
    const r = validateVariant("no-id", (x) => x.replace(/\s*<Id>[^<]*<\/Id>/, ""));
    expect(r.exitCode).toBe(1);
    expect(r.errors.join("\n")).toMatch(/no-id\.xml:\d+: .*Expected is .*Id/);
  });

  test("bad Permissions value", () => {
    const r = validateVariant("perm", (x) =>
      x.replace("<Permissions>ReadWriteDocument<", "<Permissions>FullControl<")
    );
    expect(r.exitCode).toBe(1);
    expect(r.errors.join("\n")).toMatch(/perm\.xml:\d+: .*Permissions.*FullControl/);
  });

  test("not well-formed XML", () => {
    const r = validateVariant("malformed", (x) => x.replace("</ProviderName>", "</Provider>"));
    expect(r.exitCode).toBe(1);
    expect(r.errors.join("\n")).toMatch(/malformed\.xml:\d+/);
  });

  test("string without an en-US override", () => {
    const r = validateVariant("no-en", (x) =>
      x.replace(/\s*<bt:Override Locale="en-US" Value="Open BáoCáo"\/>/, "")
    );
    expect(r.exitCode).toBe(1);
    expect(r.errors.join("\n")).toMatch(/no-en\.xml:\d+: .*"TaskpaneButton\.Label".*en-US/);
  });

  test("display name without an en-US override", () => {
    const r = validateVariant("no-en-name", (x) =>
      x.replace(/\s*<Override Locale="en-US" Value="BáoCáo – Trade union reports"\/>/, "")
    );
    expect(r.exitCode).toBe(1);
    expect(r.errors.join("\n")).toMatch(/<DisplayName>.*en-US/);
  });

  test("icon that does not exist in assets/", () => {
    const r = validateVariant("no-icon", (x) =>
      x.replace("assets/icon-80.png", "assets/icon-99.png")
    );
    expect(r.exitCode).toBe(1);
    expect(r.errors.join("\n")).toMatch(/no-icon\.xml:\d+: .*icon-99\.png/);
  });

  test("icon of the wrong size", () => {
    const r = validateVariant("icon-size", (x) =>
      x.replace(
        'id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-16.png"',
        'id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-32.png"'
      )
    );
    expect(r.exitCode).toBe(1);
    expect(r.errors.join("\n")).toMatch(/32×32, cần 16×16/);
  });

  test("resid that names no resource", () => {
    const r = validateVariant("resid", (x) =>
      x.replace('<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>')
    );
    expect(r.exitCode).toBe(1);
    expect(r.errors.join("\n")).toMatch(/resid="Group\.Missing"/);
  });

  test("plain http URL", () => {
    const r = validateVariant("http", (x) =>
      x.replace("https://localhost:3000/taskpane.html", "http://localhost:3000/taskpane.html")
    );
    expect(r.exitCode).toBe(1);
    expect(r.errors.join("\n")).toMatch(/https/);
  });

  test("missing schema gives exit code 2", () => {
    const copy = path.join(tmp, "copy.xml");
    copyFileSync(MANIFEST, copy);
    const r = validateManifest(copy, { schemaPath: path.join(tmp, "nope.xsd") });
    expect(r.exitCode).toBe(2);
    expect(r.errors.join("\n")).toMatch(/XSD/);
  });

  test("missing xmllint gives exit code 2 with install advice", () => {
    const r = validateManifest(MANIFEST, { xmllint: path.join(tmp, "no-such-xmllint") });
    expect(r.exitCode).toBe(2);
    expect(r.errors.join("\n")).toMatch(/apt-get install -y libxml2-utils/);
  });
});
