// The workbooks BáoCáo writes, for the outside judges (LibreOffice, the ECMA-376 schemas): each
// template's blank and filled workbook, consolidated workbooks of unit files (flat, and two levels
// deep with the "Cộng theo cấp" sheet), written by the same functions the CLI and the pane use.
import * as fs from "node:fs";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import { builtInTemplates, findTemplate } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import { planWorkbook } from "../../src/core/layout/planner";
import type { WorkbookPlan } from "../../src/core/layout/plan";
import type { Template } from "../../src/core/model/load";
import type { ReportData } from "../../src/core/data/types";
import { planToXlsx, type ExcelJsModule } from "../../src/adapters/xlsx/render";
import { consolidate, screenSource, type ConsolidationResult } from "../../src/core/consolidate";
import { screened, snapshotOf, unitData } from "../core/consolidate/fixtures";

export const exceljs = ExcelJS as unknown as ExcelJsModule;

export interface Written {
  label: string;
  file: string;
  template: Template;
  data: ReportData | undefined;
  plan: WorkbookPlan;
}

const AT = "2024-04-05T09:00:00.000Z";

async function write(
  dir: string,
  label: string,
  template: Template,
  data?: ReportData
): Promise<Written> {
  const plan = planWorkbook(template, data);
  const file = path.join(dir, `${label}.xlsx`);
  fs.writeFileSync(file, await planToXlsx(exceljs, plan));
  return { label, file, template, data, plan };
}

function ok(r: ConsolidationResult): { template: Template; data: ReportData } {
  if (!r.template || !r.data) throw new Error(r.messages.join("\n"));
  return { template: r.template, data: r.data };
}

/** A flat consolidation of three units' reports of a template. */
export function flatConsolidation(id: string): { template: Template; data: ReportData } {
  const t = findTemplate(id)!;
  const units = ["LĐLĐ huyện Tam Đường", "LĐLĐ huyện Phong Thổ", "LĐLĐ huyện Sìn Hồ"];
  const files = units.map((u, i) =>
    screened(t, unitData(t, u, i + 101, loadSample(id).header.period), `${id}-${i}.xlsx`)
  );
  // The generated figures can break a template's part-of-whole rules (implementation-review's
  // per-unit table); the consolidation is written all the same, as `--insist` would.
  return ok(
    consolidate(files, {
      find: findTemplate,
      consolidatedAt: AT,
      issuer: "LĐLĐ tỉnh Lai Châu",
      insist: true,
    })
  );
}

/** A province consolidating two districts' consolidations: units under units, so the workbook
 * has the "Cộng theo cấp" sheet of subtotals by level. */
export function twoLevelConsolidation(): { template: Template; data: ReportData } {
  const qa = findTemplate("quarterly-activity")!;
  const districts = ["LĐLĐ huyện Yên Thế", "LĐLĐ huyện Lục Nam"].map((name, d) => {
    const grassroots = [0, 1, 2].map((i) => {
      const unit = `CĐCS Công ty số ${d * 3 + i + 1}`;
      return screened(qa, unitData(qa, unit, 200 + d * 3 + i, "2024-Q1"), `cdcs-${d}-${i}.xlsx`);
    });
    const r = ok(consolidate(grassroots, { find: findTemplate, consolidatedAt: AT, issuer: name }));
    return screenSource(
      { file: `huyen-${d}.xlsx`, checksum: `huyen-${d}`, readAt: AT },
      { snapshot: snapshotOf(r.template, r.data) },
      findTemplate
    );
  });
  return ok(
    consolidate(districts, {
      find: findTemplate,
      consolidatedAt: AT,
      issuer: "LĐLĐ tỉnh Bắc Giang",
    })
  );
}

/** The cluster sample with text no writer should choke on: markup, controls, a lone surrogate,
 * emoji, a formula-like text and a very long paragraph. */
export function hostileData(): ReportData {
  const data = loadSample("cluster-emulation");
  const nasty = "A&B <C> \"D\" 'E' ]]> \u0000\u0001\u0008\u000b\u000c\u001f\ud800 👷‍♀️🇻🇳 =1+1 ";
  data.header.issuingBody = `Cụm ${nasty}`;
  data.header.title = `Trích yếu ${nasty}`;
  data.header.signerName = `Tên ${nasty}`;
  data.texts.thuan_loi = `Đoạn ${nasty}\nDòng hai\r\n\u0007Dòng ba`;
  data.texts.kho_khan = "Ghi chú dài ".repeat(4200).slice(0, 30000);
  data.units[0].name = `LĐLĐ tỉnh ${nasty}`;
  return data;
}

/** Writes every workbook the judges look at into `dir`. */
export async function writeAllWorkbooks(dir: string): Promise<Written[]> {
  const out: Written[] = [];
  for (const t of builtInTemplates()) {
    out.push(await write(dir, `${t.id}-trong`, t));
    out.push(await write(dir, t.id, t, loadSample(t.id)));
  }
  for (const t of builtInTemplates()) {
    const c = flatConsolidation(t.id);
    out.push(await write(dir, `${t.id}-tong-hop`, c.template, c.data));
  }
  out.push(
    await write(dir, "cluster-emulation-hostile", findTemplate("cluster-emulation")!, hostileData())
  );
  const two = twoLevelConsolidation();
  out.push(await write(dir, "quarterly-activity-tong-hop-2-cap", two.template, two.data));
  return out;
}
