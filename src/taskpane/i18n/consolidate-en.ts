// English text of the "Tổng hợp" tab (en.consolidate), typed against consolidate-vi.ts. The reasons
// a file was left out come from the core in Vietnamese (they are written on the sources sheet too).
import type { ConsolidateMessages } from "./consolidate-vi";

const quote = (s: string) => `"${s}"`;
const num = (n: number) => n.toLocaleString("en-GB");
const plural = (n: number, one: string, many: string) => `${num(n)} ${n === 1 ? one : many}`;

export const consolidateEn: ConsolidateMessages = {
  heading: "Consolidate the units' reports",
  introHosted:
    'Pick the units\' .xlsx workbooks (same template, same period). BáoCáo checks every file, carries workbooks of an older template version into the current one, leaves out files of another template or period, duplicate units and files with errors, then inserts the consolidation into the open workbook: one row per unit, totals, rates and a "Nguồn tổng hợp" (sources) sheet.',
  introPreview:
    'Pick the units\' .xlsx workbooks (same template, same period). BáoCáo checks every file, carries workbooks of an older template version into the current one, leaves out files of another template or period, duplicate units and files with errors, then makes a consolidated workbook to view below and download: one row per unit, totals, rates and a "Nguồn tổng hợp" (sources) sheet.',
  files: {
    label: "The units' files",
    drop: "Drop .xlsx files here or",
    choose: "Choose files…",
    chooseLabel: "Choose the units' .xlsx workbooks (several at once)",
    dropLabel: "Drop zone for the units' files",
    count: (n: number) => (n === 0 ? "No file chosen." : `${plural(n, "file", "files")} chosen.`),
    listLabel: "Chosen files",
    size: (kb: string) => `${kb} KB`,
    remove: "Remove file",
    removeLabel: (name: string) => `Remove ${quote(name)} from the list`,
    clear: "Remove all",
    notXlsx: (names: string) =>
      `Not added: ${names} — not .xlsx workbooks. Open them in Excel, save as "Excel Workbook (.xlsx)" and choose them again.`,
    lockFiles: (names: string) =>
      `Skipped ${names}: temporary files Excel makes while a workbook is open, not a unit's workbook.`,
    repeated: (n: number) =>
      `${plural(n, "file was", "files were")} already in the list and not added again.`,
  },
  options: {
    heading: "Options",
    template: "Report template",
    templateAuto: "Automatic: the template most files use",
    period: "Reporting period",
    periodHint:
      "Leave empty for the period most files give, or type a period code such as 2023-H1, 2024-Q1, 2024.",
    periodPlaceholder: "Automatic",
    periodRead: (label: string) => `Consolidating ${label}.`,
    insist: "Use files with errors anyway",
    insistHint:
      'Files with validation errors are consolidated anyway and marked "Dùng dù có lỗi" (used despite errors) with their errors on the sources sheet.',
    units: "Units that must report",
    unitsHint: "One unit per line, to know which units have not reported.",
    unitsHintAuto: "Leave empty to use the template's list of units, if it has one.",
    unitsCount: (n: number) => `${plural(n, "unit", "units")}.`,
    unitsFromTemplate: "Use the template's list",
    issuer: "Consolidating body",
    issuerHint:
      "Issuing body of the consolidated report, in capitals as on the document, e.g. CỤM THI ĐUA CÁC TỈNH BIÊN GIỚI PHÍA BẮC. May be left empty and filled in later in the workbook.",
    deadline: "Deadline",
    deadlineHint:
      "To see which units reported on time, how many days late, or not yet (by the date on each report). Leave empty for the template's rule, if it has one.",
  },
  problems: {
    title: "Fix these before consolidating",
    noFiles: 'No file chosen: drop files or click "Choose files…" to add the units\' workbooks.',
    period: (text: string) =>
      `"Reporting period": ${quote(text)} is not a period code (e.g. 2024-Q1, 2024-H1, 2024-M9, 2024, 2021-2024). Correct it or leave it empty.`,
    periodKind: (text: string, template: string, allowed: string) =>
      `"Reporting period": the template ${quote(template)} is not made for the period ${quote(text)}. Its periods: ${allowed}.`,
    units: '"Units that must report" has lines to correct (see the message under the box).',
    deadline: (text: string) =>
      `"Deadline": ${quote(text)} is not a date. Pick a day in the calendar or leave it empty.`,
  },
  run: "Consolidate",
  stop: "Stop",
  stopLabel: "Stop consolidating; nothing is written",
  progress: {
    label: "Consolidation progress",
    reading: (index: number, total: number, file: string) =>
      `Reading ${num(index)}/${num(total)}: ${file}`,
    writingHosted: "Writing the consolidation into the workbook…",
    writingPreview: "Making the consolidated workbook…",
    starting: "Getting ready to read the files…",
  },
  cancelledHosted: "Stopped: nothing was written to the workbook.",
  cancelledPreview: "Stopped: no consolidated workbook was made; the workbook shown is unchanged.",
  notReplaced: "Cancelled: the workbook is unchanged, the consolidation was not inserted.",
  nothingTitle: "No usable file: nothing written",
  errorTitle: "Could not consolidate",
  result: {
    titleHosted: "Consolidation inserted into the workbook",
    titleNewWorkbook: "Opened the consolidation in a new workbook",
    newWorkbookNote:
      "The new workbook is not saved yet: save it (Ctrl+S) under a name of your choice. The workbook open here is unchanged.",
    titlePreview: "Consolidated workbook made",
    summary: (total: number, used: number, leftOut: number) =>
      `Read ${plural(total, "file", "files")}: used ${num(used)}, left out ${num(leftOut)}.`,
    forced: (n: number) => `${plural(n, "file", "files")} with errors used anyway, as you asked.`,
    superseded: (n: number) =>
      `${plural(n, "file was", "files were")} replaced by a newer file of the same unit (or identical copies); no figures lost.`,
    template: (title: string, period: string) => `Template ${quote(title)}, ${period}.`,
    /** Where in the pane the user makes the choice the consolidation stopped at. */
    stopHints: {
      templateTie:
        "Choose the template in the “Report template” field above and consolidate again.",
      periodTie: "Type the period in the “Reporting period” field above and consolidate again.",
      unknownTemplate:
        "Add this template to the gallery (Your organisation's templates) or pick another one.",
    },
    file: (name: string) => `Download name: ${name}.`,
    download: "Download the consolidated workbook",
    openTargets: "See the consolidation's targets",
    messages: "Notes on the consolidation",
  },
  completeness: {
    heading: "Who has reported",
    summary: (expected: number, received: number) =>
      `${plural(expected, "unit", "units")} must report; received ${num(received)}/${num(expected)}.`,
    missing: (n: number) => `Not yet reported (${num(n)}):`,
    allIn: "Every unit that must report has reported.",
    noList: (n: number) =>
      `Figures received from ${plural(n, "unit", "units")}; without a list of units that must report, the missing ones cannot be named.`,
    extra: (n: number) => `Reported without being on the list (${num(n)}):`,
    onTime: (on: number, total: number, deadline: string) =>
      `${num(on)} of ${num(total)} units reported on time (deadline ${deadline}).`,
    timelinessLabel: "On time, unit by unit",
    state: {
      onTime: "On time",
      late: (days: number) => `${plural(days, "day", "days")} late`,
      missing: "Not received",
      undated: "Date unknown",
    },
    reportDate: (date: string) => `dated ${date}`,
  },
  sources: {
    heading: "Files read",
    status: {
      used: "Used",
      leftOut: "Left out",
      forced: "Used despite errors",
      superseded: "Replaced by another file",
      duplicate: "Identical copy",
    },
    unit: (unit: string) => `Unit: ${unit}`,
    noUnit: "Unit unknown",
    counts: (errors: number, warnings: number) =>
      `${plural(errors, "error", "errors")}, ${plural(warnings, "warning", "warnings")}`,
    languageNote: 'Reasons are in Vietnamese, as written on the "Nguồn tổng hợp" sheet.',
    review: { received: "Received", needsFix: "Needs fixing", approved: "Approved" },
    approvedAt: (time: string) => `Approved at ${time}`,
    replacedBy: (file: string) => `Replaced by ${quote(file)}`,
    prefer: "Use this file",
    preferLabel: (file: string) =>
      `Use ${quote(file)} for its unit instead of the newer file; consolidate again`,
    approve: "Approve",
    approveLabel: (file: string) =>
      `Approve ${quote(file)}; consolidate again to record when it was approved`,
    returnNote: "Send back",
    returnLabel: (file: string) => `Make a return note for ${quote(file)}`,
  },
  returnNote: {
    heading: (unit: string) => `Return note: ${unit}`,
    hint: "Copy the text to send by e-mail or chat, or download the note as a Word document in the official format. The note is in Vietnamese, as the unit receives it.",
    textLabel: "Text of the return note",
    copy: "Copy",
    copied: "The note's text is copied.",
    copyFailed: "The browser does not allow copying: select the text in the box and press Ctrl+C.",
    download: "Download the note (.docx)",
    downloadTitle: "Could not download the return note",
    close: "Close",
  },
  sheets: {
    heading: "Sheets of the consolidation",
    hintHosted: "Click a sheet's name to open it in Excel.",
    hintPreview: "Click a sheet's name to show it below.",
    open: (sheet: string) => `Open the sheet ${quote(sheet)}`,
    selectTitle: "Could not open the sheet",
  },
  debug: (progress: number, syncs: number) =>
    `Debug: progress bar updated ${progress} times; workbook written in ${syncs} syncs (context.sync).`,
};
