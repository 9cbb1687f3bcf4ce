// Deciding the mode at start: hosted when office.js reports Excel, preview otherwise. office.js is a
// blocking <script> from Microsoft's CDN; without network its onerror sets window.__officeJsFailed,
// and outside Office Office.onReady reports no host. Neither may keep the pane from starting.

export const OFFICE_READY_TIMEOUT_MS = 3000;

export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
}

/** The parts of window.Office that start-up reads. */
export interface OfficeLike {
  onReady?: (
    callback?: (info: { host: unknown; platform: unknown }) => void
  ) => Promise<{ host: unknown; platform: unknown }>;
  context?: {
    displayLanguage?: string;
    officeTheme?: OfficeThemeColors;
    requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
  };
}

export interface StartupWindow {
  Office?: OfficeLike;
  __officeJsFailed?: boolean;
}

export type PreviewReason =
  "office-js-missing" | "office-js-failed" | "timeout" | "not-excel" | "error";

export type StartMode =
  | { mode: "hosted"; displayLanguage: string | null; officeTheme: OfficeThemeColors | null }
  | { mode: "preview"; reason: PreviewReason };

function delay<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms));
}

type HostedMode = Extract<StartMode, { mode: "hosted" }>;

function hostedInfo(office: OfficeLike): HostedMode {
  let displayLanguage: string | null = null;
  let officeTheme: OfficeThemeColors | null = null;
  try {
    displayLanguage = office.context?.displayLanguage ?? null;
    officeTheme = office.context?.officeTheme ?? null;
  } catch {
    // Some hosts throw on officeTheme outside Office 365; the light theme is fine then.
  }
  return { mode: "hosted", displayLanguage, officeTheme };
}

export async function detectMode(
  win: StartupWindow,
  timeoutMs = OFFICE_READY_TIMEOUT_MS
): Promise<StartMode> {
  if (win.__officeJsFailed === true) return { mode: "preview", reason: "office-js-failed" };
  const office = win.Office;
  if (!office || typeof office.onReady !== "function")
    return { mode: "preview", reason: "office-js-missing" };
  let info: { host: unknown } | null;
  try {
    info = await Promise.race([office.onReady(), delay(timeoutMs, null)]);
  } catch {
    return { mode: "preview", reason: "error" };
  }
  if (!info) return { mode: "preview", reason: "timeout" };
  if (info.host !== "Excel") return { mode: "preview", reason: "not-excel" };
  return hostedInfo(office);
}

/**
 * After a timeout: resolves with the hosted mode if Office.onReady reports Excel after all (a slow
 * Excel start), so the pane can switch to it; null if it never does.
 */
export async function lateHostedMode(win: StartupWindow): Promise<HostedMode | null> {
  const office = win.Office;
  if (!office || typeof office.onReady !== "function") return null;
  try {
    const info = await office.onReady();
    return info.host === "Excel" ? hostedInfo(office) : null;
  } catch {
    return null;
  }
}

/** Relative luminance below one half: a dark Office theme (Black / Dark Gray). */
export function isDarkColor(color: string | null | undefined): boolean {
  const m = /^#?([0-9a-f]{6})$/i.exec((color ?? "").trim());
  if (!m) return false;
  const n = parseInt(m[1], 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/** True when the URL asks for debug output (?debug or ?debug=1). */
export function isDebug(search: string): boolean {
  return new URLSearchParams(search).has("debug");
}
