// Document numbers and symbols ("số, ký hiệu văn bản") as the system writes them:
//   62/BC-LĐLĐ, 2279/LĐLĐ-TCKT, 196/KH-LĐLĐ       (union documents: number/type-body)
//   17-CTr/TU, 54-KL/TU, 02-NQ/TW                 (party documents: number-type/body)
//   98/2023/NĐ-CP, 08/2022/QĐ-TTg                 (state documents: number/year/type-body)
//   /BC-LĐLĐ                                      (number not yet assigned)

export interface DocRef {
  number: string | null;
  symbol: string;
}

export type DocRefCheck =
  { ok: true; ref: DocRef; normalized: string; hadSpaces: boolean } | { ok: false; reason: string };

const PART = "[A-ZĐ0-9][A-Za-zĐđ0-9&.]*";
const UNION = new RegExp(`^(\\d{1,6})?(?:/(\\d{4}))?/(${PART}(?:[-/]${PART})*)$`, "u");
const PARTY = new RegExp(`^(\\d{1,6})-(${PART}(?:[-/]${PART})+)$`, "u");

export function checkDocRef(text: string): DocRefCheck {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, reason: "đang trống" };
  const normalized = trimmed.replace(/\s*([/-])\s*/g, "$1");
  const hadSpaces = normalized !== trimmed;
  const union = UNION.exec(normalized);
  if (union)
    return { ok: true, ref: { number: union[1] ?? null, symbol: union[3] }, normalized, hadSpaces };
  const party = PARTY.exec(normalized);
  if (party)
    return { ok: true, ref: { number: party[1], symbol: party[2] }, normalized, hadSpaces };
  return {
    ok: false,
    reason: `"${trimmed}" không đúng dạng số, ký hiệu văn bản (ví dụ 62/BC-LĐLĐ, 17-CTr/TU, 98/2023/NĐ-CP)`,
  };
}

/** The document-type code of a union document number: "62/BC-LĐLĐ" → "BC". */
export function docTypeOf(ref: DocRef): string | null {
  return /^([A-Za-zĐđ]+)-/u.exec(ref.symbol)?.[1] ?? null;
}
