// LibreOffice and poppler, as the tests use them to look at what users get (PDF, PNG, text).
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/**
 * Converts files with headless LibreOffice in one run (starting it is the slow part), e.g. to
 * "pdf" or "html:XHTML Writer File:UTF8". Each call gets its own profile so parallel test workers
 * do not fight over LibreOffice's profile lock.
 */
export function convertWithLibreOffice(
  files: string[],
  outDir: string,
  filter: string,
  timeout = 180000,
  /** The import filter and its options ("CSV:44,34,76,1"), for inputs LibreOffice must be told how to read. */
  infilter?: string
): void {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
  try {
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        ...(infilter ? [`--infilter=${infilter}`] : []),
        "--convert-to",
        filter,
        "--outdir",
        outDir,
        ...files,
      ],
      { stdio: "pipe", timeout }
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** Converts a document to PDF with headless LibreOffice. */
export function convertToPdf(input: string, outDir: string): string {
  convertWithLibreOffice([input], outDir, "pdf", 120000);
  const pdf = path.join(outDir, path.basename(input).replace(/\.[^.]+$/, ".pdf"));
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice did not produce ${pdf}`);
  return pdf;
}

export function pdfPageCount(pdf: string): number {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

export function pdfText(pdf: string): string {
  return execFileSync("pdftotext", ["-layout", pdf, "-"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Renders pages of a PDF to PNG files "<prefix>-<n>.png"; returns their paths. */
export function pdfToPng(pdf: string, prefix: string, first = 1, last = first, dpi = 70): string[] {
  execFileSync("pdftoppm", [
    "-png",
    "-r",
    String(dpi),
    "-f",
    String(first),
    "-l",
    String(last),
    pdf,
    prefix,
  ]);
  const dir = path.dirname(prefix);
  const base = path.basename(prefix);
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith(".png"))
    .map((f) => path.join(dir, f))
    .sort();
}

export const RESULTS_DIR = path.resolve(__dirname, "..", "..", "test-results");

export function resultsDir(...parts: string[]): string {
  const dir = path.join(RESULTS_DIR, ...parts);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
