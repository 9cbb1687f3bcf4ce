// What the host lets the pane do with a finished draft. Excel on Mac (desktop) runs add-ins in a
// WKWebView that ignores blob downloads, so there the tab offers the fallbacks straight away:
// copying the draft, or opening BáoCáo in the browser, where downloads work.
export interface OfficeLike {
  context?: {
    platform?: unknown;
    requirements?: { isSetSupported?: (name: string, version?: string) => boolean };
    ui?: { openBrowserWindow?: (url: string) => void };
  };
  PlatformType?: { Mac?: unknown };
}

function office(): OfficeLike | undefined {
  return (globalThis as { Office?: OfficeLike }).Office;
}

/** True on Excel for Mac, where a download from the pane never arrives. */
export function downloadsBlocked(o: OfficeLike | undefined = office()): boolean {
  const platform = o?.context?.platform;
  return platform !== undefined && platform === (o?.PlatformType?.Mac ?? "Mac");
}

/** Office.context.ui.openBrowserWindow is there (OpenBrowserWindowApi 1.1). */
export function canOpenBrowserWindow(o: OfficeLike | undefined = office()): boolean {
  try {
    return (
      o?.context?.requirements?.isSetSupported?.("OpenBrowserWindowApi", "1.1") === true &&
      typeof o.context.ui?.openBrowserWindow === "function"
    );
  } catch {
    return false;
  }
}

/** The pane's own page without the query (?debug, ?_host_Info=…): preview mode in the browser. */
export function paneUrl(href: string): string {
  const u = new URL(href);
  u.search = "";
  u.hash = "";
  return u.toString();
}

export function openInBrowser(href: string, o: OfficeLike | undefined = office()): void {
  o?.context?.ui?.openBrowserWindow?.(paneUrl(href));
}
