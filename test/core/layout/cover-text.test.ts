// The cover sheet's help line speaks to the user: the template by its title (row 2) and version,
// never by the add-in's internal id ("quarterly-activity").
import { builtInTemplates } from "../../../src/templates";
import { planWorkbook } from "../../../src/core/layout/planner";

test("the cover sheet names no internal template id", () => {
  for (const t of builtInTemplates()) {
    const cover = planWorkbook(t).sheets.find((s) => s.role === "cover")!;
    const texts = cover.cells.map((c) => (typeof c.value === "string" ? c.value : ""));
    const help = texts.find((v) => v.includes("Dùng nút Kiểm tra"))!;
    expect(help).toContain(`Phiên bản mẫu ${t.version}.`);
    expect({ id: t.id, shown: texts.some((v) => v.includes(t.id)) }).toEqual({
      id: t.id,
      shown: false,
    });
  }
});
