// Indicators that recur across report kinds (DOMAIN.md's starting catalogue), defined once so the
// same figure has the same id, label, unit and relations in every template that asks for it.
import type { z } from "zod";
import type { indicatorSchema } from "../model/schema";

type IndicatorInput = z.input<typeof indicatorSchema>;

/**
 * Hội nghị cán bộ, công chức, viên chức and hội nghị người lao động: how many units held them out
 * of how many had to, with the rates computed from those counts ("1.179/1.179 ... đạt 100%",
 * "572/651 doanh nghiệp ... đạt 87,9%").
 */
export function workplaceMeetings(
  targets: { cbccvc?: string; nld?: string } = {}
): IndicatorInput[] {
  return [
    {
      id: "hn_cbccvc_tong",
      label: "Cơ quan, đơn vị phải tổ chức hội nghị cán bộ, công chức, viên chức",
      labelEn: "Public bodies required to hold a staff conference",
      unit: "đơn vị",
      type: "integer",
    },
    {
      id: "hn_cbccvc_to_chuc",
      label: "Cơ quan, đơn vị đã tổ chức hội nghị cán bộ, công chức, viên chức",
      labelEn: "Public bodies that held a staff conference",
      unit: "đơn vị",
      type: "integer",
      partOf: "hn_cbccvc_tong",
      phrase: "đơn vị tổ chức hội nghị cán bộ, công chức, viên chức",
    },
    {
      id: "ty_le_hn_cbccvc",
      label: "Tỷ lệ cơ quan, đơn vị tổ chức hội nghị cán bộ, công chức, viên chức",
      labelEn: "Share of public bodies that held a staff conference",
      unit: "%",
      type: "percent",
      computed: true,
      ratioOf: { part: "hn_cbccvc_to_chuc", whole: "hn_cbccvc_tong" },
      ...(targets.cbccvc ? { target: targets.cbccvc } : {}),
    },
    {
      id: "hn_nld_tong",
      label: "Doanh nghiệp phải tổ chức hội nghị người lao động",
      labelEn: "Enterprises required to hold a workers' conference",
      unit: "doanh nghiệp",
      type: "integer",
    },
    {
      id: "hn_nld_to_chuc",
      label: "Doanh nghiệp đã tổ chức hội nghị người lao động",
      labelEn: "Enterprises that held a workers' conference",
      unit: "doanh nghiệp",
      type: "integer",
      partOf: "hn_nld_tong",
      phrase: "doanh nghiệp tổ chức hội nghị người lao động",
    },
    {
      id: "ty_le_hn_nld",
      label: "Tỷ lệ doanh nghiệp tổ chức hội nghị người lao động",
      labelEn: "Share of enterprises that held a workers' conference",
      unit: "%",
      type: "percent",
      computed: true,
      ratioOf: { part: "hn_nld_to_chuc", whole: "hn_nld_tong" },
      ...(targets.nld ? { target: targets.nld } : {}),
    },
  ];
}
