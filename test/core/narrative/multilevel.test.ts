// A province consolidating its districts' consolidations: the draft's footnotes name the districts
// with their subtree totals (not every grassroots union), and each such figure is the cell of the
// "Cộng theo cấp" sheet that holds it.
import { findTemplate } from "../../../src/templates";
import { consolidate, screenSource } from "../../../src/core/consolidate";
import { parseCell } from "../../../src/core/layout/a1";
import { cellOf, findSheet } from "../../../src/core/data/snapshot";
import { runsText, type FigureRun } from "../../../src/core/document";
import { screened, snapshotOf, unitData } from "../consolidate/fixtures";
import { draftOf, sentenceWith } from "./consolidated-fixtures";

const qa = findTemplate("quarterly-activity")!;
const AT = "2024-04-05T09:00:00.000Z";
const DISTRICTS = ["LĐLĐ huyện Than Uyên", "LĐLĐ huyện Tân Uyên"];

const grassroots = Array.from({ length: 6 }, (_, i) => {
  const unit = `CĐCS Trường học số ${i + 1}`;
  return screened(qa, unitData(qa, unit, 300 + i, "2024-Q1"), `cdcs-${i + 1}.xlsx`);
});
const districts = DISTRICTS.map((name, i) => {
  const r = consolidate(grassroots.slice(i * 3, i * 3 + 3), {
    find: findTemplate,
    consolidatedAt: AT,
    issuer: name,
  });
  return screenSource(
    { file: `huyen-${i + 1}.xlsx`, checksum: `sum-${i}`, readAt: AT },
    { snapshot: snapshotOf(r.template!, r.data!) },
    findTemplate
  );
});
const province = consolidate(districts, {
  find: findTemplate,
  consolidatedAt: AT,
  issuer: "LĐLĐ tỉnh Lai Châu",
});
const c = {
  template: province.template!,
  data: province.data!,
  snapshot: snapshotOf(province.template!, province.data!),
};
const doc = draftOf(c);

describe("footnotes of a multi-level consolidation", () => {
  it("name the districts with their subtree totals, which add up to the text's total", () => {
    expect(province.hierarchy?.levels).toBe(2);
    const { notes } = sentenceWith(doc, "“Chợ Tết Công đoàn” qua sàn");
    expect(notes).toHaveLength(1);
    const note = runsText(notes[0].runs);
    expect(note).toMatch(/^LĐLĐ huyện: Tân Uyên .*; Than Uyên /);
    expect(note).not.toContain("CĐCS");
    const figs = notes[0].runs.filter(
      (r): r is FigureRun => r.kind === "figure" && r.source.indicator === "cho_tet_suat"
    );
    expect(figs.map((f) => f.source.unit).sort()).toEqual([...DISTRICTS].sort());
    expect(figs.every((f) => f.source.subtree === true)).toBe(true);
    const grassrootsSum = (district: number) =>
      [0, 1, 2]
        .map((k) =>
          c.data.units.find((u) => u.name === `CĐCS Trường học số ${district * 3 + k + 1}`)!
        )
        .reduce((a, u) => a + (u.values.cho_tet_suat as number), 0);
    const sheet = findSheet(c.snapshot, figs[0].location!.sheet)!;
    expect(sheet.name).toBe("Cộng theo cấp");
    for (const f of figs) {
      const at = parseCell(f.location!.cell)!;
      const district = DISTRICTS.indexOf(f.source.unit!);
      expect(cellOf(sheet, at.row, at.col)).toBe(grassrootsSum(district));
    }
    expect(grassrootsSum(0) + grassrootsSum(1)).toBe(c.data.values.cho_tet_suat);
  });

  it("keeps every unit in the appendix tables, by its full name", () => {
    const names = (doc.appendix?.tables ?? [])
      .flatMap((b) => (b.kind === "table" ? b.body.map((row) => runsText(row[1]?.runs ?? [])) : []))
      .filter((n) => n.startsWith("CĐCS"));
    expect(new Set(names).size).toBe(6);
  });
});
