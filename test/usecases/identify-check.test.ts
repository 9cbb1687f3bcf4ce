// The use cases "identify" and "check" (src/usecases) and that both front ends go through them:
// the CLI's templateOfWorkbook and the pane's identifyTemplate/checkWorkbook give the same
// template for the same workbook and the same kind of problem for a broken one.
import { findTemplate } from "../../src/templates";
import { planWorkbook } from "../../src/core/layout/planner";
import { DEFINITION_PREFIX, META_KEYS } from "../../src/core/layout/meta-sheet";
import { templateContract } from "../../src/core/model/contract";
import { loadTemplateFile } from "../../src/core/model/template-file";
import type { Template } from "../../src/core/model/load";
import type { WorkbookSnapshot } from "../../src/core/data/snapshot";
import { identifyWorkbook } from "../../src/usecases/identify";
import { checkWorkbook, readPreviousPeriod } from "../../src/usecases/check";
import { templateOfWorkbook } from "../../src/cli/templates";
import { CliError } from "../../src/cli/errors";
import { identifyTemplate } from "../../src/taskpane/logic/workbook-identify";
import { checkWorkbook as paneCheck } from "../../src/taskpane/logic/workbook-check";
import { planToSnapshot } from "../support/plan-snapshot";
import { snapshotWithoutDefinition as withoutDefinition } from "../support/without-definition";

const builtIn = findTemplate("quarterly-activity")!;
const other = findTemplate("annual-plan")!;
const version = (t: Template, v: string) =>
  loadTemplateFile({ ...templateContract(t), version: v });
const only =
  (...ts: Template[]) =>
  (id: string) =>
    ts.find((t) => t.id === id);

const workbook = (t: Template): WorkbookSnapshot => planToSnapshot(planWorkbook(t));
const metaRows = (s: WorkbookSnapshot) => s.sheets.find((x) => x.name === "_BaoCao")!.values;
function edited(s: WorkbookSnapshot): WorkbookSnapshot {
  const row = metaRows(s).find((r) => r[0] === `${DEFINITION_PREFIX}1`)!;
  row[1] = String(row[1]).replace(builtIn.title, `${builtIn.title} (sửa)`);
  return s;
}
function notBaoCao(): WorkbookSnapshot {
  const s = workbook(builtIn);
  s.sheets = s.sheets.filter((x) => x.name !== "_BaoCao");
  return s;
}

describe("identifyWorkbook", () => {
  it("identifies a workbook by the installed template, without a notice", () => {
    const found = identifyWorkbook(workbook(builtIn), only(builtIn));
    expect(found).toMatchObject({ ok: true, notice: null, meta: { templateId: builtIn.id } });
    if (found.ok) expect(found.template).toBe(builtIn);
  });

  it("says, as data, when the workbook's own definition is used", () => {
    expect(identifyWorkbook(workbook(builtIn), only())).toMatchObject({
      ok: true,
      notice: { kind: "carriedDefinition", templateId: builtIn.id, installedVersion: null },
    });
    expect(identifyWorkbook(workbook(builtIn), only(version(builtIn, "2.0.0")))).toMatchObject({
      ok: true,
      notice: { kind: "carriedDefinition", installedVersion: "2.0.0" },
    });
  });

  it.each([
    ["notBaoCao", () => notBaoCao(), only(builtIn)],
    ["unknownTemplate", () => withoutDefinition(workbook(builtIn)), only()],
    ["incompatible", () => withoutDefinition(workbook(builtIn)), only(version(builtIn, "2.0.0"))],
    ["editedDefinition", () => edited(workbook(builtIn)), only()],
  ])("returns the typed problem %s", (kind, snapshot, find) => {
    expect(identifyWorkbook(snapshot(), find)).toMatchObject({ ok: false, problem: { kind } });
  });

  it("invalidDefinition: a carried definition of a format this version cannot read", () => {
    const s = workbook(builtIn);
    metaRows(s).find((r) => r[0] === META_KEYS.definitionFormat)![1] = 2;
    expect(identifyWorkbook(s, only())).toMatchObject({
      ok: false,
      problem: { kind: "invalidDefinition", templateId: builtIn.id },
    });
  });
});

describe("both front ends identify through the use case", () => {
  const silent = Object.assign(only(builtIn), { notify: () => undefined });
  it("gives the same template for the same workbook", () => {
    const s = workbook(builtIn);
    const cli = templateOfWorkbook(s, "a.xlsx", silent);
    const pane = identifyTemplate(s, "a.xlsx", only(builtIn));
    expect(pane.ok && pane.template).toBe(cli.template);
  });

  it.each([
    ["notBaoCao", () => notBaoCao(), only(builtIn), /không được tạo từ mẫu của BáoCáo/],
    ["unknownTemplate", () => withoutDefinition(workbook(builtIn)), only(), /không có/],
    [
      "incompatible",
      () => withoutDefinition(workbook(builtIn)),
      only(version(builtIn, "2.0.0")),
      /không tương thích/,
    ],
    ["editedDefinition", () => edited(workbook(builtIn)), only(), /Xin lại sổ tính/],
  ])("gives the same problem kind (%s) and the CLI its words", (kind, snapshot, find, words) => {
    const pane = identifyTemplate(snapshot(), "a.xlsx", find);
    expect(pane).toMatchObject({ ok: false, problem: { kind, file: "a.xlsx" } });
    let thrown: unknown;
    try {
      templateOfWorkbook(snapshot(), "a.xlsx", Object.assign(find, { notify: () => undefined }));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(CliError);
    expect((thrown as Error).message).toMatch(words);
  });

  it("the CLI words the carried-definition notice on the finder's channel", () => {
    const lines: string[] = [];
    templateOfWorkbook(
      workbook(builtIn),
      "a.xlsx",
      Object.assign(only(), { notify: (l: string) => lines.push(l) })
    );
    expect(lines).toEqual([
      `Lưu ý: tệp "a.xlsx": BáoCáo này không có mẫu "${builtIn.id}" phiên bản ${builtIn.version}: dùng định nghĩa mẫu lưu trong sổ.\n`,
    ]);
  });
});

describe("checkWorkbook", () => {
  it("validates the identified workbook", () => {
    const checked = checkWorkbook(workbook(builtIn), only(builtIn));
    expect(checked).toMatchObject({ ok: true, template: builtIn, notices: [] });
    if (checked.ok) expect(typeof checked.report.ready).toBe("boolean");
  });

  it("refuses the workbook before the previous period's file", () => {
    expect(
      checkWorkbook(notBaoCao(), only(builtIn), {
        previous: { snapshot: notBaoCao(), fileName: "truoc.xlsx" },
      })
    ).toMatchObject({ ok: false, of: "workbook", problem: { kind: "notBaoCao" } });
    expect(
      checkWorkbook(workbook(builtIn), only(builtIn), {
        previous: { snapshot: notBaoCao(), fileName: "truoc.xlsx" },
      })
    ).toMatchObject({ ok: false, of: "previous", problem: { kind: "notBaoCao" } });
  });

  it("refuses a previous period of another template, whether read here or already read", () => {
    const find = only(builtIn, other);
    const snap = { snapshot: workbook(other), fileName: "truoc.xlsx" };
    const expected = {
      ok: false,
      of: "previous",
      problem: {
        kind: "otherTemplate",
        fileName: "truoc.xlsx",
        templateId: other.id,
        expected: builtIn.id,
      },
    };
    expect(checkWorkbook(workbook(builtIn), find, { previous: snap })).toMatchObject(expected);
    const read = readPreviousPeriod(snap.snapshot, snap.fileName, find);
    if (!read.ok) throw new Error("previous period not read");
    expect(checkWorkbook(workbook(builtIn), find, { previous: read.previous })).toMatchObject(
      expected
    );
  });

  it("the pane's check goes through it: same report as the use case", () => {
    const s = workbook(builtIn);
    const pane = paneCheck(s);
    const own = checkWorkbook(s, findTemplate);
    expect(pane.ok && own.ok).toBe(true);
    if (pane.ok && own.ok) expect(pane.report.findings).toEqual(own.report.findings);
    expect(paneCheck(notBaoCao())).toMatchObject({ ok: false, problem: { kind: "notBaoCao" } });
  });
});
