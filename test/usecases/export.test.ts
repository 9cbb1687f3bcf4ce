// The use case "export a draft" (src/usecases/export.ts): its typed problems, and that the CLI's
// and the pane's paths build the same document from the same workbook.
import { findTemplate } from "../../src/templates";
import { planWorkbook } from "../../src/core/layout/planner";
import { emptyData } from "../../src/core/data/empty";
import type { Template } from "../../src/core/model/load";
import type { WorkbookSnapshot } from "../../src/core/data/snapshot";
import { exportDraft } from "../../src/usecases/export";
import { prepareExport } from "../../src/taskpane/engine/export-prepare";
import { buildDraftDocument } from "../../src/taskpane/engine/export-run";
import { planToSnapshot } from "../support/plan-snapshot";

const builtIn = findTemplate("quarterly-activity")!;
const only =
  (...ts: Template[]) =>
  (id: string) =>
    ts.find((t) => t.id === id);
const workbook = (t: Template): WorkbookSnapshot => planToSnapshot(planWorkbook(t, emptyData(t)));

describe("exportDraft", () => {
  it("builds the document model and counts the workbook's problems", () => {
    const r = exportDraft(workbook(builtIn), only(builtIn), {});
    expect(r).toMatchObject({ ok: true, template: builtIn, notice: null });
    if (r.ok) {
      expect(r.document.body.length).toBeGreaterThan(0);
      expect(typeof r.report.errors).toBe("number");
    }
  });

  it("returns the workbook's template problem, typed", () => {
    const s = workbook(builtIn);
    s.sheets = s.sheets.filter((x) => x.name !== "_BaoCao");
    expect(exportDraft(s, only(builtIn), {})).toEqual({
      ok: false,
      problem: { kind: "notBaoCao" },
    });
  });

  it("invalidSettings: every issue at its path", () => {
    const r = exportDraft(workbook(builtIn), only(builtIn), { money: "nhiều" });
    expect(r).toMatchObject({
      ok: false,
      problem: { kind: "invalidSettings", issues: [expect.objectContaining({ path: "money" })] },
    });
  });

  it("the pane's prepare and worker steps build the same document as the use case", () => {
    const s = workbook(builtIn);
    const prepared = prepareExport(s);
    if (!prepared.ok) throw new Error("not prepared");
    const pane = buildDraftDocument({ ...prepared.inputs, settings: {} });
    const own = exportDraft(s, findTemplate, {});
    if (!own.ok) throw new Error("not exported");
    expect(pane).toEqual(own.document);
  });
});
