/**
 * Bundles browser.ts into one IIFE so e2e tests can inject it with page.addInitScript({content}).
 */
import * as path from "path";

let cached: Promise<string> | undefined;

function entryPath(): string {
  // __dirname exists under jest/ts-node (CommonJS); fall back to the repository layout otherwise.
  const dir =
    typeof __dirname === "string" ? __dirname : path.resolve(process.cwd(), "test/excel-host");
  return path.join(dir, "browser.ts");
}

export async function buildExcelHostBundle(): Promise<string> {
  if (!cached) {
    cached = (async () => {
      // esbuild arrives with tsx; imported lazily so unit tests that never bundle don't load it.
      const esbuild = await import("esbuild");
      const result = await esbuild.build({
        entryPoints: [entryPath()],
        bundle: true,
        write: false,
        format: "iife",
        platform: "browser",
        target: "es2019",
        charset: "utf8",
        legalComments: "none",
        logLevel: "silent",
      });
      const out = result.outputFiles?.[0];
      if (!out) throw new Error("esbuild produced no output for the Excel host bundle");
      return out.text;
    })();
    cached.catch(() => (cached = undefined));
  }
  return cached;
}
