/**
 * Requirement-set profiles. A profile is the highest ExcelApi version the simulated host
 * implements; everything newer is hidden.
 */

export type ProfileName = "1.7" | "1.8" | "1.13" | "latest";

/** Highest ExcelApi version described by the installed @types/office-js. */
export const LATEST_EXCEL_API = "1.21";

export const PROFILES: readonly ProfileName[] = ["1.7", "1.8", "1.13", "latest"];

export function profileVersion(profile: ProfileName): string {
  return profile === "latest" ? LATEST_EXCEL_API : profile;
}

export function isProfileName(value: unknown): value is ProfileName {
  return typeof value === "string" && (PROFILES as readonly string[]).includes(value);
}

/** Compares dotted versions numerically, so "1.10" > "1.9". */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map((x) => Number(x) || 0);
  const pb = b.split(".").map((x) => Number(x) || 0);
  const n = Math.max(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

export function supportsExcelApi(profile: ProfileName, since: string): boolean {
  return compareVersions(since, profileVersion(profile)) <= 0;
}

/**
 * Other requirement sets an Excel task pane commonly probes. Desktop/online-only Excel sets are
 * reported as missing so code does not come to rely on them.
 */
const OTHER_SETS: Record<string, string> = {
  DialogApi: "1.2",
  SharedRuntime: "1.1",
  IdentityAPI: "1.3",
  RibbonApi: "1.1",
  ImageCoercion: "1.1",
};

export function isSetSupported(
  profile: ProfileName,
  name: string,
  minVersion?: string | number
): boolean {
  const wanted = minVersion === undefined || minVersion === null ? "1.1" : String(minVersion);
  if (name.toLowerCase() === "excelapi") {
    return compareVersions(wanted, profileVersion(profile)) <= 0;
  }
  const known = Object.keys(OTHER_SETS).find((k) => k.toLowerCase() === name.toLowerCase());
  if (!known) return false;
  return compareVersions(wanted, OTHER_SETS[known]) <= 0;
}
