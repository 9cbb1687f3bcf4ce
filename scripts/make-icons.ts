/**
 * Regenerates the add-in icons in assets/ (icon-16/32/64/80.png, logo-filled.png 128 px).
 *
 *   npx tsx scripts/make-icons.ts
 *
 * The icon is drawn as SVG on a 16-unit grid (every edge on a whole unit, so it stays crisp at
 * 16, 32, 64, 80 and 128 px, all multiples of 16) and rasterised with headless Chromium through
 * playwright-core, with a transparent background. The PNGs are committed: the build never needs
 * Chromium; only this script does (Debian: apt-get install chromium).
 *
 * Design: a trade-union red (#C8102E) report page with a folded corner, one white text line and a
 * white three-bar chart.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

export const UNION_RED = "#C8102E";
const FOLD = "#F2B8C0";

export const ICONS: ReadonlyArray<{ file: string; size: number }> = [
  { file: "icon-16.png", size: 16 },
  { file: "icon-32.png", size: 32 },
  { file: "icon-64.png", size: 64 },
  { file: "icon-80.png", size: 80 },
  { file: "logo-filled.png", size: 128 },
];

/** The icon as SVG, drawn on a 16 × 16 grid and scaled to `size` pixels. */
export function iconSvg(size: number): string {
  // Slightly rounded page corners only where there are enough pixels to show them.
  const r = size >= 32 ? 0.75 : 0;
  const page =
    `M${2 + r} 1 H11 L14 4 V${15 - r}` +
    (r ? ` Q14 15 ${14 - r} 15` : "") +
    ` H${2 + r}` +
    (r ? ` Q2 15 2 ${15 - r}` : "") +
    ` V${1 + r}` +
    (r ? ` Q2 1 ${2 + r} 1` : "") +
    " Z";
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 16 16"` +
      ` shape-rendering="${size >= 32 ? "geometricPrecision" : "crispEdges"}">`,
    `<path d="${page}" fill="${UNION_RED}"/>`,
    // folded corner
    `<path d="M11 1 V4 H14 Z" fill="${FOLD}"/>`,
    // a line of text (the report's title)
    `<rect x="4" y="3" width="5" height="1" fill="#FFFFFF"/>`,
    // three bars rising left to right
    `<rect x="4" y="10" width="2" height="3" fill="#FFFFFF"/>`,
    `<rect x="7" y="8" width="2" height="5" fill="#FFFFFF"/>`,
    `<rect x="10" y="6" width="2" height="7" fill="#FFFFFF"/>`,
    `</svg>`,
  ].join("");
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

async function main(): Promise<void> {
  const outDir = path.resolve(__dirname, "..", "assets");
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const { file, size } of ICONS) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent}` +
          `svg{display:block}</style></head><body>${iconSvg(size)}</body></html>`
      );
      const png = await page.locator("svg").screenshot({ omitBackground: true, type: "png" });
      writeFileSync(path.join(outDir, file), png);
      console.log(`assets/${file}  ${size}×${size}  ${png.length} B`);
    }
  } finally {
    await browser.close();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    console.error(
      "Không chạy được Chromium. Hãy cài: apt-get install chromium / Could not start Chromium; install it: apt-get install chromium"
    );
    process.exit(1);
  });
}
