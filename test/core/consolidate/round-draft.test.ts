// "N/M đơn vị báo cáo đúng hạn" in the draft where the template asks for it ({don_vi_dung_han}),
// from the consolidation's deadline check; without a deadline its [words] are left out.
import { buildReportDocument } from "../../../src/core/document";
import { allRuns, runsText } from "../../../src/core/document/model";
import { loadTemplateFile } from "../../../src/core/model/template-file";
import type { ReportData } from "../../../src/core/data/types";
import { loadSample } from "../../../src/templates/samples";
import { builtInTemplateFile } from "../../../src/templates";
import { tokenProblems } from "../../../src/core/narrative/tokens";

// The first sub-section of the first section (a file lists sections flat, children after parents).
const file = builtInTemplateFile("quarterly-activity") as unknown as { sections: FileSection[] };
type FileSection = { id: string; parent?: string; sentences?: unknown[] };
const child = file.sections.find((s) => s.parent === file.sections[0].id)!;
child.sentences = [
  ...(child.sentences ?? []),
  { id: "dung_han", text: "[{don_vi_dung_han} đơn vị báo cáo đúng hạn]" },
];
const asking = loadTemplateFile(file);

function draftText(data: ReportData): string {
  return runsText(allRuns(buildReportDocument(asking, data)));
}

test("the template's sentence says how many expected units reported on time", () => {
  const data = loadSample("quarterly-activity");
  const states = [
    "onTime",
    "onTime",
    "onTime",
    "onTime",
    "onTime",
    "late",
    "late",
    "missing",
    "missing",
  ] as const;
  data.consolidation = {
    consolidatedAt: "2024-04-12T09:00:00.000Z",
    sources: [],
    expectedUnits: states.map((_, i) => `Đơn vị ${i + 1}`),
    receivedUnits: states.slice(0, 7).map((_, i) => `Đơn vị ${i + 1}`),
    missingUnits: ["Đơn vị 8", "Đơn vị 9"],
    deadline: "2024-04-10",
    timeliness: states.map((state, i) => ({
      unit: `Đơn vị ${i + 1}`,
      state,
      reportDate: state === "missing" ? null : "2024-04-09",
      ...(state === "late" ? { daysLate: 2 } : {}),
    })),
  };
  expect(draftText(data)).toContain("5/9 đơn vị báo cáo đúng hạn");
  delete data.consolidation.deadline;
  expect(draftText(data)).not.toContain("đúng hạn");
});

test("the token is known to template checks, with no row or part", () => {
  expect(tokenProblems(asking, "{don_vi_dung_han} đơn vị", false)).toEqual([]);
  expect(tokenProblems(asking, "{don_vi_dung_han.ty_le}", false)[0]).toContain("không kèm");
});
