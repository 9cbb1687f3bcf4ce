/**
 * Offline validation of the add-in's XML manifest.
 *
 *   npm run validate                       (= tsx scripts/validate-manifest.ts manifest.xml)
 *   tsx scripts/validate-manifest.ts dist/manifest.xml --site dist --base-url https://example.org/baocao/
 *
 * 1. XML Schema validation with `xmllint --noout --schema` against Microsoft's XSDs in
 *    ../shared/office-manifest-xsd (next to the repository; override the folder with the environment
 *    variable OFFICE_MANIFEST_XSD_DIR).
 * 2. Checks the schema cannot express: every `resid` points to a resource of the right kind, ids are
 *    unique, every URL is https, every local URL (under the dev base URL https://localhost:3000/) names
 *    a file that exists (assets/… in the repo, taskpane.html and commands.html from their sources, or
 *    files of a built site with --site), icon PNGs have the size they are declared with, the display
 *    name, description and every string resource have both vi-VN and en-US, and there is a ribbon
 *    button that opens the task pane.
 *
 * Exit status: 0 valid, 1 invalid (messages with line numbers), 2 xmllint, the schema or the manifest
 * file is missing.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "..");
export const DEV_BASE_URL = "https://localhost:3000/";
export const DEFAULT_LOCALE = "vi-VN";
export const SECOND_LOCALE = "en-US";

export function defaultSchemaPath(repoRoot: string = REPO_ROOT): string {
  const dir = process.env.OFFICE_MANIFEST_XSD_DIR
    ? path.resolve(process.env.OFFICE_MANIFEST_XSD_DIR)
    : path.resolve(repoRoot, "../shared/office-manifest-xsd");
  return path.join(dir, "OfficeAppManifestV1_1.xsd");
}

/** Where a page of the dev server comes from, for pages that are not copied verbatim from assets/. */
const BUILT_PAGES: Record<string, string> = {
  "taskpane.html": "src/taskpane/taskpane.html",
  "commands.html": "src/commands/commands.html",
};

export interface ValidateOptions {
  /** Repository root: resolves assets/ and page sources. Default: this script's parent folder. */
  repoRoot?: string;
  /** The OfficeAppManifestV1_1.xsd to validate against. */
  schemaPath?: string;
  /** xmllint executable. Default "xmllint". */
  xmllint?: string;
  /** URL prefix that denotes the add-in's own files. Default https://localhost:3000/ */
  baseUrl?: string;
  /** Check local URLs against this built site folder (e.g. dist) instead of the sources. */
  siteDir?: string;
}

export interface ValidationResult {
  /** 0 valid, 1 invalid, 2 tool / schema / file missing. */
  exitCode: 0 | 1 | 2;
  ok: boolean;
  /** Human-readable problems, "file:line: message" where a line is known. */
  errors: string[];
}

// ---------------------------------------------------------------------------------------------
// A minimal XML reader. It runs only on documents xmllint has already found well-formed, so it
// handles just what a manifest contains: declaration, comments, elements, attributes, text.
// ---------------------------------------------------------------------------------------------

export interface XmlElement {
  /** Qualified name as written, e.g. "bt:Image". */
  name: string;
  /** Local name, e.g. "Image". */
  local: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  parent: XmlElement | null;
  line: number;
  text: string;
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_m, e: string) => {
    if (e.startsWith("#x")) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

export function parseXml(src: string): XmlElement {
  let pos = 0;
  let line = 1;
  const root: XmlElement = {
    name: "#document",
    local: "#document",
    attrs: {},
    children: [],
    parent: null,
    line: 1,
    text: "",
  };
  let current = root;
  const advance = (to: number): void => {
    for (let i = pos; i < to; i++) if (src.charCodeAt(i) === 10) line++;
    pos = to;
  };
  while (pos < src.length) {
    const lt = src.indexOf("<", pos);
    if (lt < 0) break;
    current.text += decodeEntities(src.slice(pos, lt));
    advance(lt);
    if (src.startsWith("<!--", pos)) {
      advance(src.indexOf("-->", pos) + 3);
    } else if (src.startsWith("<?", pos)) {
      advance(src.indexOf("?>", pos) + 2);
    } else if (src.startsWith("<![CDATA[", pos)) {
      const end = src.indexOf("]]>", pos);
      current.text += src.slice(pos + 9, end);
      advance(end + 3);
    } else if (src.startsWith("<!", pos)) {
      advance(src.indexOf(">", pos) + 1);
    } else if (src.startsWith("</", pos)) {
      advance(src.indexOf(">", pos) + 1);
      current = current.parent ?? root;
    } else {
      const m = /^<([^\s/>]+)((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(
        src.slice(pos)
      );
      if (!m) throw new Error(`XML không đọc được ở dòng ${line} / unreadable XML at line ${line}`);
      const attrs: Record<string, string> = {};
      for (const a of m[2].matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        attrs[a[1]] = decodeEntities(a[2] ?? a[3] ?? "");
      }
      const el: XmlElement = {
        name: m[1],
        local: m[1].includes(":") ? m[1].slice(m[1].indexOf(":") + 1) : m[1],
        attrs,
        children: [],
        parent: current,
        line,
        text: "",
      };
      current.children.push(el);
      advance(pos + m[0].length);
      if (!m[3]) current = el;
    }
  }
  return root;
}

function* walk(el: XmlElement): Generator<XmlElement> {
  for (const c of el.children) {
    yield c;
    yield* walk(c);
  }
}

function child(el: XmlElement | undefined, local: string): XmlElement | undefined {
  return el?.children.find((c) => c.local === local);
}

function xsiType(el: XmlElement): string | undefined {
  const key = Object.keys(el.attrs).find((k) => k === "xsi:type" || k.endsWith(":type"));
  return key ? el.attrs[key] : undefined;
}

// ---------------------------------------------------------------------------------------------

/** Width and height of a PNG file, or null if it is not a PNG. */
export function pngSize(file: string): { width: number; height: number } | null {
  const buf = readFileSync(file);
  if (
    buf.length < 24 ||
    buf.toString("latin1", 1, 4) !== "PNG" ||
    buf.toString("latin1", 12, 16) !== "IHDR"
  )
    return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

export function xmllintAvailable(xmllint = "xmllint"): boolean {
  const r = spawnSync(xmllint, ["--version"], { encoding: "utf8" });
  return !r.error && r.status === 0;
}

const MISSING_XMLLINT =
  "Không tìm thấy xmllint. Hãy cài gói libxml2-utils: sudo apt-get install -y libxml2-utils " +
  "(macOS đã có sẵn xmllint; Windows: dùng WSL).\n" +
  "xmllint was not found. Install libxml2-utils: sudo apt-get install -y libxml2-utils " +
  "(macOS ships xmllint; on Windows use WSL).";

/** Validate a manifest file. Pure apart from reading files and running xmllint; never exits. */
export function validateManifest(
  manifestPath: string,
  options: ValidateOptions = {}
): ValidationResult {
  const repoRoot = path.resolve(options.repoRoot ?? REPO_ROOT);
  const schemaPath = path.resolve(options.schemaPath ?? defaultSchemaPath(repoRoot));
  const xmllint = options.xmllint ?? "xmllint";
  const baseUrl = options.baseUrl ?? DEV_BASE_URL;
  const rel = path.relative(process.cwd(), manifestPath);
  const shown = rel && !rel.startsWith("..") ? rel : manifestPath;
  const fail2 = (msg: string): ValidationResult => ({ exitCode: 2, ok: false, errors: [msg] });

  if (!existsSync(manifestPath)) {
    return fail2(
      `Không có tệp manifest: ${manifestPath}\nManifest file not found: ${manifestPath}`
    );
  }
  if (!xmllintAvailable(xmllint)) return fail2(MISSING_XMLLINT);
  if (!existsSync(schemaPath)) {
    return fail2(
      `Không tìm thấy lược đồ XSD: ${schemaPath} (cần thư mục ../shared/office-manifest-xsd cạnh kho mã, ` +
        `hoặc đặt biến môi trường OFFICE_MANIFEST_XSD_DIR).\n` +
        `XSD schema not found: ${schemaPath} (needs ../shared/office-manifest-xsd beside the repository, ` +
        `or set OFFICE_MANIFEST_XSD_DIR).`
    );
  }

  // 1. Schema validation.
  const lint = spawnSync(xmllint, ["--noout", "--schema", schemaPath, manifestPath], {
    encoding: "utf8",
  });
  if (lint.error) return fail2(`${MISSING_XMLLINT}\n${lint.error.message}`);
  if (lint.status === 5) {
    return fail2(
      `Lược đồ XSD không nạp được / the XSD schema could not be loaded:\n${lint.stderr.trim()}`
    );
  }
  const errors: string[] = [];
  if (lint.status !== 0) {
    for (const l of lint.stderr.split("\n")) {
      const t = l.trimEnd();
      if (t && !/ fails to validate$/.test(t)) errors.push(t);
    }
    if (errors.length === 0) errors.push(`xmllint: exit ${lint.status}`);
    // A document that is not well-formed cannot be checked further.
    if (lint.status === 1 || errors.some((e) => /parser error/.test(e))) {
      return { exitCode: 1, ok: false, errors };
    }
  }

  // 2. Checks beyond the schema.
  const src = readFileSync(manifestPath, "utf8");
  let doc: XmlElement;
  try {
    doc = parseXml(src);
  } catch (e) {
    errors.push(`${shown}: ${(e as Error).message}`);
    return { exitCode: 1, ok: false, errors };
  }
  const err = (el: XmlElement | undefined, msg: string): void => {
    errors.push(`${shown}:${el?.line ?? 0}: ${msg}`);
  };
  const app = doc.children.find((c) => c.local === "OfficeApp");
  if (!app) {
    err(undefined, "Thiếu phần tử gốc <OfficeApp> / missing root element <OfficeApp>");
    return { exitCode: 1, ok: false, errors };
  }

  // Locale of the defaults and English overrides of the top-level texts.
  const defLocale = child(app, "DefaultLocale");
  if (defLocale && defLocale.text.trim() !== DEFAULT_LOCALE) {
    err(
      defLocale,
      `DefaultLocale phải là ${DEFAULT_LOCALE} / DefaultLocale must be ${DEFAULT_LOCALE}`
    );
  }
  const hasOverride = (el: XmlElement): boolean =>
    el.children.some(
      (c) =>
        c.local === "Override" &&
        c.attrs.Locale === SECOND_LOCALE &&
        (c.attrs.Value ?? "").trim() !== ""
    );
  for (const name of ["DisplayName", "Description"]) {
    const el = child(app, name);
    if (el && !hasOverride(el)) {
      err(
        el,
        `<${name}> thiếu bản ${SECOND_LOCALE} (<Override Locale="${SECOND_LOCALE}">) / <${name}> lacks an ${SECOND_LOCALE} override`
      );
    }
  }

  // Resources by kind.
  type Kind = "Images" | "Urls" | "ShortStrings" | "LongStrings";
  const resources = new Map<string, { kind: Kind; el: XmlElement }>();
  const vo = app.children.find((c) => c.local === "VersionOverrides");
  const res = child(vo, "Resources");
  for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings"] as Kind[]) {
    for (const r of child(res, kind)?.children ?? []) {
      const id = r.attrs.id;
      if (!id) continue;
      if (resources.has(id)) err(r, `Mã tài nguyên trùng: "${id}" / duplicate resource id "${id}"`);
      resources.set(id, { kind, el: r });
      if ((kind === "ShortStrings" || kind === "LongStrings") && !hasOverride(r)) {
        err(
          r,
          `Chuỗi "${id}" thiếu bản ${SECOND_LOCALE} / string "${id}" lacks an ${SECOND_LOCALE} override`
        );
      }
    }
  }

  // Every resid must name a resource of the expected kind.
  const expectedKind = (el: XmlElement): Kind | undefined => {
    if (el.local === "Image") return "Images";
    if (["SourceLocation", "FunctionFile", "LearnMoreUrl"].includes(el.local)) return "Urls";
    if (["Label", "Title", "Namespace"].includes(el.local)) return "ShortStrings";
    if (el.local === "Description") return "LongStrings";
    return undefined;
  };
  for (const el of walk(app)) {
    const resid = el.attrs.resid;
    if (resid === undefined) continue;
    const found = resources.get(resid);
    const want = expectedKind(el);
    if (!found) {
      err(
        el,
        `resid="${resid}" không có trong <Resources> / resid="${resid}" is not defined in <Resources>`
      );
    } else if (want && found.kind !== want) {
      err(
        el,
        `resid="${resid}" phải thuộc <bt:${want}>, nhưng nằm trong <bt:${found.kind}> / resid="${resid}" must be in <bt:${want}>, found in <bt:${found.kind}>`
      );
    }
  }

  // A ribbon button that opens the task pane, with icons 16/32/80.
  const buttons = [...walk(app)].filter((e) => e.local === "Control" && xsiType(e) === "Button");
  const paneButton = buttons.find((b) => {
    const action = child(b, "Action");
    return action && xsiType(action) === "ShowTaskpane";
  });
  if (vo && !paneButton) {
    err(
      vo,
      'Không có nút (Control xsi:type="Button") mở ngăn tác vụ (ShowTaskpane) / no ribbon button with a ShowTaskpane action'
    );
  }
  for (const icon of [...walk(app)].filter((e) => e.local === "Icon")) {
    const sizes = icon.children.filter((c) => c.local === "Image").map((c) => c.attrs.size);
    for (const s of ["16", "32", "80"]) {
      if (!sizes.includes(s))
        err(icon, `<Icon> thiếu ảnh cỡ ${s} / <Icon> lacks the size ${s} image`);
    }
  }

  // URLs: https everywhere; local ones must exist; icons must have their declared size.
  const localFile = (url: string): { file?: string; problem?: string } => {
    const rel = decodeURIComponent(url.slice(baseUrl.length).split(/[?#]/)[0]);
    if (options.siteDir) return { file: path.resolve(options.siteDir, rel) };
    if (rel.startsWith("assets/")) return { file: path.resolve(repoRoot, rel) };
    if (BUILT_PAGES[rel]) return { file: path.resolve(repoRoot, BUILT_PAGES[rel]) };
    return {
      problem: `không biết tệp nguồn cho "${rel}" (chỉ assets/…, ${Object.keys(BUILT_PAGES).join(", ")}) / no known source for "${rel}"`,
    };
  };
  const checkUrl = (el: XmlElement, url: string, expectSize?: number): void => {
    if (!/^https:\/\//i.test(url)) {
      err(el, `URL phải dùng https: ${url} / URL must be https: ${url}`);
      return;
    }
    if (!url.startsWith(baseUrl)) return;
    const { file, problem } = localFile(url);
    if (problem || !file) {
      err(el, `${url}: ${problem}`);
      return;
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      err(
        el,
        `Không có tệp ${path.relative(process.cwd(), file)} cho ${url} / file missing for ${url}`
      );
      return;
    }
    if (expectSize && /\.png$/i.test(file)) {
      const dim = pngSize(file);
      if (!dim) err(el, `${url} không phải PNG / is not a PNG`);
      else if (dim.width !== expectSize || dim.height !== expectSize) {
        err(
          el,
          `${url} có cỡ ${dim.width}×${dim.height}, cần ${expectSize}×${expectSize} / is ${dim.width}×${dim.height}, expected ${expectSize}×${expectSize}`
        );
      }
    }
  };
  const withOverrides = (el: XmlElement, expectSize?: number): void => {
    if (el.attrs.DefaultValue !== undefined) checkUrl(el, el.attrs.DefaultValue, expectSize);
    for (const o of el.children.filter(
      (c) => c.local === "Override" && c.attrs.Value !== undefined
    )) {
      checkUrl(o, o.attrs.Value, expectSize);
    }
  };
  const topSizes: Record<string, number | undefined> = {
    IconUrl: 32,
    HighResolutionIconUrl: 64,
    SupportUrl: undefined,
  };
  for (const [name, size] of Object.entries(topSizes)) {
    const el = child(app, name);
    if (el) withOverrides(el, size);
  }
  const ds = child(child(app, "DefaultSettings"), "SourceLocation");
  if (ds) withOverrides(ds);
  // Image sizes as used by <Icon> lists.
  const imageSize = new Map<string, number>();
  for (const el of walk(app)) {
    if (el.local === "Image" && el.attrs.resid && el.attrs.size)
      imageSize.set(el.attrs.resid, Number(el.attrs.size));
  }
  for (const [id, { kind, el }] of resources) {
    if (kind === "Images") withOverrides(el, imageSize.get(id));
    if (kind === "Urls") withOverrides(el);
  }

  return errors.length ? { exitCode: 1, ok: false, errors } : { exitCode: 0, ok: true, errors: [] };
}

// ---------------------------------------------------------------------------------------------

function main(argv: string[]): number {
  const args = [...argv];
  const opts: ValidateOptions = {};
  let manifest = "manifest.xml";
  while (args.length) {
    const a = args.shift() as string;
    if (a === "--site") opts.siteDir = path.resolve(args.shift() ?? "dist");
    else if (a === "--base-url") opts.baseUrl = args.shift();
    else if (a === "--schema") opts.schemaPath = args.shift();
    else if (a === "-h" || a === "--help") {
      console.log(
        "tsx scripts/validate-manifest.ts [manifest.xml] [--site dist] [--base-url URL/] [--schema file.xsd]"
      );
      return 0;
    } else manifest = a;
  }
  const file = path.resolve(manifest);
  const result = validateManifest(file, opts);
  if (result.ok) {
    console.log(
      `✔ ${manifest}: hợp lệ (lược đồ XSD và các kiểm tra bổ sung) / valid (XSD schema and extra checks)`
    );
  } else {
    const head =
      result.exitCode === 2
        ? "✘ Không kiểm tra được manifest / cannot validate the manifest:"
        : `✘ ${manifest}: KHÔNG hợp lệ / INVALID (${result.errors.length}):`;
    console.error(head);
    for (const e of result.errors) console.error(`  ${e}`);
  }
  return result.exitCode;
}

if (require.main === module) {
  process.exit(main(process.argv.slice(2)));
}
