// Export → build gives back the same template: the authoring workbook's model carries every field
// of a template file (sections, sentences, tables and their rows, indicators, targets, rules, units,
// header defaults, history).
import * as fs from "node:fs";
import * as path from "node:path";
import { authoringBook, buildTemplateFile } from "../../src/core/authoring";
import { templateContract } from "../../src/core/model/contract";
import { loadTemplateFile } from "../../src/core/model/template-file";
import { builtInTemplates } from "../../src/templates";
import type { Template } from "../../src/core/model/load";

const fixture = path.resolve(__dirname, "../fixtures/templates/mai-am-cong-doan.json");
const form = (id: string) => path.resolve(__dirname, `../../src/templates/forms/${id}.json`);

function roundTrip(t: Template) {
  const book = authoringBook(t);
  const built = buildTemplateFile(book.sheets);
  if (!built.ok) throw new Error(built.problems.map((p) => `${p.cell}: ${p.message}`).join("\n"));
  return built;
}

/** The fixture with every optional part a built-in does not use: history of each kind of change,
 * header defaults with recipients, a preamble, an appendix, a unit's due days. */
function everyField(): Template {
  const raw = JSON.parse(fs.readFileSync(fixture, "utf8")) as Record<string, unknown>;
  return loadTemplateFile({
    ...raw,
    version: "1.2.0",
    titleEn: "Union Shelter support",
    header: {
      parentBody: "TỔNG LĐLĐ VIỆT NAM",
      issuingBody: "LĐLĐ TỈNH LAI CHÂU",
      place: "Lai Châu",
      signerAuthority: "TM. BAN THƯỜNG VỤ",
      signerTitle: "CHỦ TỊCH",
      recipients: ["- Tổng LĐLĐ Việt Nam (b/c);", "- Lưu: VT."],
      symbol: "LĐLĐ",
    },
    requiredHeader: ["issuingBody", "number", "date", "period"],
    preamble: { prompt: "Căn cứ kế hoạch …", required: true },
    baselines: ["lastYear"],
    units: { ...(raw.units as object), blankRows: 12, dueDays: 15 },
    appendix: { title: "BIỂU TỔNG HỢP", subtitle: "(kèm theo báo cáo)" },
    history: [
      { version: "1.0.0", note: "Bản đầu", changes: [] },
      {
        version: "1.1.0",
        note: "Tách số tiền",
        changes: [
          { kind: "added", id: "ma_tien" },
          { kind: "removed", id: "ma_cu" },
          { kind: "renamed", from: "ma_nha", to: "ma_de_nghi" },
          {
            kind: "split",
            from: "ma_tong",
            into: ["ma_de_nghi", "ma_da_ho_tro"],
            carryTo: "ma_de_nghi",
          },
          { kind: "moved", id: "ma_tien", to: "ket_qua" },
        ],
      },
    ],
  });
}

describe("authoring workbook: export → build", () => {
  const cases: [string, Template][] = [
    ...builtInTemplates().map((t): [string, Template] => [t.id, t]),
    ["mai-am-cong-doan (file)", loadTemplateFile(JSON.parse(fs.readFileSync(fixture, "utf8")))],
    // The TLĐ statistical forms (issue 13, item 7) are authored in this format too.
    ...["thong-ke-1-hdcd", "thong-ke-2-hdcd"].map((id): [string, Template] => [
      `${id} (file)`,
      loadTemplateFile(JSON.parse(fs.readFileSync(form(id), "utf8"))),
    ]),
    ["every optional field", everyField()],
  ];
  it.each(cases)("%s comes back equal", (_name, t) => {
    const built = roundTrip(t);
    expect(templateContract(built.template)).toEqual(templateContract(t));
    // The built file loads on its own to the same template (what `template build` writes).
    expect(templateContract(loadTemplateFile(JSON.parse(JSON.stringify(built.file))))).toEqual(
      templateContract(t)
    );
  });
});
