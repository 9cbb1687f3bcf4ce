// Whether a result meets its target, by the target's comparator.
// "trên 85%" (gt) is met only above 85%; "ít nhất 500" (gte) is met at 500 and exceeded above it.
import type { Comparator } from "../model/schema";

export type TargetStatus = "exceeded" | "met" | "notMet";

const TOLERANCE = 1e-9;

export function targetStatus(
  result: number | null | undefined,
  comparator: Comparator,
  target: number | null | undefined
): TargetStatus | null {
  if (typeof result !== "number" || typeof target !== "number") return null;
  const eps = TOLERANCE * Math.max(1, Math.abs(target));
  switch (comparator) {
    case "eq":
      return Math.abs(result - target) <= eps ? "met" : "notMet";
    case "gte":
      if (result > target + eps) return "exceeded";
      return result >= target - eps ? "met" : "notMet";
    case "gt":
      return result > target + eps ? "met" : "notMet";
    case "lte":
      return result <= target + eps ? "met" : "notMet";
    case "lt":
      return result < target - eps ? "met" : "notMet";
  }
}

export const STATUS_LABELS: Record<TargetStatus, { vi: string; en: string }> = {
  exceeded: { vi: "Vượt", en: "Exceeded" },
  met: { vi: "Đạt", en: "Met" },
  notMet: { vi: "Chưa đạt", en: "Not met" },
};

/** How comparators are shown on the Chỉ tiêu sheet; the first character identifies them. */
export const COMPARATOR_LABELS: Record<Comparator, string> = {
  eq: "=",
  gte: "≥ (ít nhất)",
  gt: "> (trên)",
  lte: "≤ (không quá)",
  lt: "< (dưới)",
};

export function comparatorFromLabel(label: string): Comparator | null {
  const t = label.trim();
  const first = t.charAt(0);
  const map: Record<string, Comparator> = {
    "=": "eq",
    "≥": "gte",
    ">": "gt",
    "≤": "lte",
    "<": "lt",
  };
  if (t.startsWith(">=")) return "gte";
  if (t.startsWith("<=")) return "lte";
  return map[first] ?? null;
}
