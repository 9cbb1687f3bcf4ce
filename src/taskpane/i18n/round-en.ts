// English text of "Tạo kỳ sau" and "Tải dữ liệu phẳng" (en.round), typed against round-vi.ts. Why a
// next period cannot be made comes from the core in Vietnamese (as `baocao next` prints it).
import type { RoundMessages } from "./round-vi";

const quote = (s: string) => `"${s}"`;
const num = (n: number) => n.toLocaleString("en-GB");

export const roundEn: RoundMessages = {
  heading: "Next period and flat data",
  next: {
    title: "Next period",
    intro:
      "Makes the workbook of the following period from the open one, same template and version: the header (issuing body, signer, recipients), the units list and the targets are kept; the number, date, figures and texts are blank. The tasks this report set are shown as a prompt on the results sheet.",
    hosted: "The next period opens as a new workbook; the open workbook is not changed.",
    preview: "The next period is downloaded as an .xlsx file; the workbook in view is not changed.",
    lastYear: "Same period last year (optional)",
    lastYearHint:
      "Pick the workbook of the same period last year (e.g. last year's Q2 for this year's Q2) to fill the \"same period last year\" column.",
    choose: "Choose file…",
    chooseLabel: "Choose the .xlsx workbook of the same period last year",
    remove: "Remove",
    removeLabel: (file: string) => `Remove last year's file ${quote(file)}`,
    make: "Make next period",
    making: "Making the next period…",
    opened: (period: string) =>
      `The workbook for ${period} is open in Excel as a new workbook. Save it under a new name.`,
    downloaded: (period: string, file: string) =>
      `Made the workbook for ${period}: ${quote(file)}.`,
    baselines: (n: number) =>
      `"Same period last year" column: ${num(n)} figures taken from last year's workbook.`,
    tasks: "The tasks this report set are shown as a prompt at the top of the results sheet.",
    toFill: "Still to fill in: document number, date, the new period's figures and texts.",
    downloadAgain: "Download again",
    refusedTitle: "Could not make the next period",
  },
  flat: {
    title: "Flat data",
    intro:
      'One row per figure (unit, parent, period, indicator, label, measure, value) for a PivotTable or Power Query. A consolidated workbook gives each unit\'s figures and the "Tổng cộng" (total) rows. The CSV is UTF-8 with a byte order mark, so Excel reads the Vietnamese right.',
    csv: "Download CSV",
    xlsx: "Download XLSX",
    working: "Preparing the data…",
    done: (n: number, file: string) => `Downloaded ${quote(file)}: ${num(n)} rows.`,
    empty: "The workbook has no figures to download yet.",
  },
  problemTitle: "This workbook cannot be used",
  noWorkbook:
    "No workbook yet. Create one from a template above, or open an .xlsx file in the preview section.",
  notBaoCao:
    "This workbook was not made from a BáoCáo template, so where its figures are is unknown. Create one from a template above.",
  errorTitle: "That did not work",
};
