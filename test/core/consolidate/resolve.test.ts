// Which template a workbook is read with: the installed one of its id and version, else the one
// it carries, else (workbooks made before they carried one) the installed one of its major version.
import { findTemplate } from "../../../src/templates";
import { planWorkbook } from "../../../src/core/layout/planner";
import { DEFINITION_PREFIX, META_KEYS } from "../../../src/core/layout/meta-sheet";
import { readMeta } from "../../../src/core/data/read";
import { templateContract } from "../../../src/core/model/contract";
import { loadTemplateFile } from "../../../src/core/model/template-file";
import { resolveWorkbookTemplate, withCarried } from "../../../src/core/consolidate/resolve";
import {
  consolidatedTemplate,
  isConsolidatedTemplate,
} from "../../../src/core/consolidate/template";
import type { Template } from "../../../src/core/model/load";
import type { WorkbookSnapshot } from "../../../src/core/data/snapshot";
import { planToSnapshot } from "../../support/plan-snapshot";
import { snapshotWithoutDefinition as withoutDefinition } from "../../support/without-definition";

const builtIn = findTemplate("quarterly-activity")!;
/** The same template at another version, as a template file would give it. */
const version = (t: Template, v: string) =>
  loadTemplateFile({ ...templateContract(t), version: v });
// Another minor version than the built-in (whatever the built-in's own is).
const v11 = version(builtIn, "1.9.0");
const v20 = version(builtIn, "2.0.0");
const only =
  (...ts: Template[]) =>
  (id: string) =>
    ts.find((t) => t.id === id);

function workbook(t: Template): WorkbookSnapshot {
  return planToSnapshot(planWorkbook(t));
}
function metaRows(s: WorkbookSnapshot) {
  return s.sheets.find((x) => x.name === "_BaoCao")!.values;
}
const resolve = (s: WorkbookSnapshot, find: (id: string) => Template | undefined) =>
  resolveWorkbookTemplate(readMeta(s), find);

describe("resolveWorkbookTemplate", () => {
  it("uses the installed template of the same id and version, without a notice", () => {
    const found = resolve(workbook(builtIn), only(builtIn));
    expect(found).toMatchObject({ ok: true, source: "installed", embedded: null });
    if (found.ok) expect(found.template).toBe(builtIn);
  });

  it("uses the carried definition when only another version is installed, or none", () => {
    for (const find of [only(v11), only(v20), only()]) {
      const found = resolve(workbook(builtIn), find);
      expect(found).toMatchObject({ ok: true, source: "embedded", installed: find(builtIn.id) });
      if (found.ok) {
        expect(templateContract(found.base)).toEqual(templateContract(builtIn));
        // The installed newer version stays at hand (for migration).
        expect(found.installed).toBe(find(builtIn.id));
      }
    }
  });

  it("reads a consolidated workbook with the consolidated form of the carried template", () => {
    const found = resolve(workbook(consolidatedTemplate(builtIn)), only());
    expect(found.ok).toBe(true);
    if (found.ok) {
      expect(isConsolidatedTemplate(found.template)).toBe(true);
      expect(isConsolidatedTemplate(found.base)).toBe(false);
    }
  });

  it("keeps the old rule for workbooks without a definition: same major version, else refused", () => {
    expect(resolve(withoutDefinition(workbook(builtIn)), only(v11))).toMatchObject({
      ok: true,
      source: "installed",
    });
    expect(resolve(withoutDefinition(workbook(builtIn)), only(v20))).toMatchObject({
      ok: false,
      problem: { kind: "incompatible", version: builtIn.version, supported: "2.0.0" },
    });
    expect(resolve(withoutDefinition(workbook(builtIn)), only())).toMatchObject({
      ok: false,
      problem: { kind: "unknownTemplate", templateId: builtIn.id },
    });
  });

  it("refuses an edited definition, located at the meta sheet; the installed match still wins", () => {
    const s = workbook(builtIn);
    const row = metaRows(s).find((r) => r[0] === `${DEFINITION_PREFIX}1`)!;
    row[1] = String(row[1]).replace(builtIn.title, `${builtIn.title} (sửa)`);
    expect(resolve(s, only())).toMatchObject({
      ok: false,
      problem: {
        kind: "editedDefinition",
        sheet: "_BaoCao",
        cell: expect.stringMatching(/^B\d+$/),
      },
    });
    expect(resolve(s, only(builtIn))).toMatchObject({ ok: true, source: "installed" });
  });

  it("falls back to the installed same major version when the definition is of a newer format", () => {
    const s = workbook(builtIn);
    metaRows(s).find((r) => r[0] === META_KEYS.definitionFormat)![1] = 2;
    expect(resolve(s, only(v11))).toMatchObject({ ok: true, source: "installed" });
    expect(resolve(s, only())).toMatchObject({
      ok: false,
      problem: { kind: "invalidDefinition", message: expect.stringContaining("định dạng 2") },
    });
  });
});

describe("withCarried", () => {
  it("prefers what is installed, else the version most workbooks carried", () => {
    const find = withCarried(only(), [builtIn, v11, v11, null, undefined]);
    expect(find(builtIn.id)).toBe(v11);
    expect(withCarried(only(v20), [v11])(builtIn.id)).toBe(v20);
    expect(withCarried(only(), [v11])("khac")).toBeUndefined();
  });
});
