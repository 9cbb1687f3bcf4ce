// English user text of the task pane. Typed against the Vietnamese catalog: every key it has must be here.
import type { Messages } from "./vi";
import { consolidateEn } from "./consolidate-en";
import { roundEn } from "./round-en";

const quote = (s: string) => `"${s}"`;
const list = (items: readonly string[]) => items.map(quote).join(", ");
const num = (n: number) => n.toLocaleString("en-GB");
const plural = (n: number, one: string, many: string) => `${num(n)} ${n === 1 ? one : many}`;

export const en: Messages = {
  app: {
    name: "BáoCáo",
    logoAlt: "BáoCáo logo",
    starting: "Starting BáoCáo…",
    startFailed: "BáoCáo could not start",
    modeHosted: "Working in Excel",
    modePreview: "Preview mode (no Excel)",
    modeHostedTitle: "BáoCáo writes to and reads the workbook open in Excel.",
    modePreviewTitle:
      "No Excel: workbooks are made in the browser, shown in this pane and downloaded to open in Excel.",
    previewBannerTitle: "Preview mode: view and check only",
    previewBanner:
      'Here you view and check workbooks, make one from a template, consolidate and export the Word draft. Entering or changing figures happens in Excel: click "Download" and open the file in Excel; then open it here again to check it.',
    switchLanguage: "Chuyển sang tiếng Việt",
    switchLanguageShort: "VI",
    tabsLabel: "BáoCáo features",
    apiTooOldTitle: "Office 2019 or later is needed",
    apiTooOldBody:
      "This version of Excel does not support ExcelApi 1.7, so BáoCáo cannot write to the workbook. Use Excel 2019, Excel 2021, Microsoft 365 or Excel on the web.",
  },
  tabs: {
    templates: "Templates",
    checks: "Check",
    consolidate: "Consolidate",
    targets: "Targets",
    export: "Word draft",
  },
  gallery: {
    heading: "Choose a report template",
    intro:
      "Each template makes a workbook with input sheets, formulas for totals and rates, and input messages.",
    periods: "Periods",
    seed: "Follows",
    choose: "Use this template",
    chooseLabel: (title: string) => `Use the template ${quote(title)}`,
    empty: "No report templates yet.",
    loadError: "Could not load the templates",
    periodHint: (codes: string) => `Period codes: ${codes}.`,
  },
  form: {
    back: "Back to the templates",
    heading: (title: string) => `Template: ${title}`,
    formLabel: "Details for the new workbook",
    issuingBody: "Issuing body",
    issuingBodyHint:
      "In capitals as on the document, e.g. LĐLĐ TỈNH LAI CHÂU. You may leave it empty and fill it in the workbook later.",
    issuingBodyPlaceholder: "LĐLĐ TỈNH …",
    sample: "Fill in sample data (to try it out)",
    sampleNote: (period: string) =>
      `The sample comes from the original document (${period}): period, issuing body and figures are the sample's.`,
    insert: "Insert the template into the workbook",
    create: "Create workbook",
    inserting: "Inserting the template…",
    creating: "Creating the workbook…",
    fixErrors: "Fix the fields marked above first.",
    remove: "Remove the template from the workbook",
    removing: "Removing the template…",
  },
  period: {
    legend: "Reporting period",
    kind: "Kind of period",
    kinds: {
      quarter: "Quarter",
      half: "Half-year",
      nineMonths: "9 months",
      year: "Year",
      multiYear: "Multi-year",
      midTerm: "Mid-term",
      term: "Congress term",
      cutoff: "Cut-off date",
    },
    year: "Year",
    quarter: "Quarter",
    quarterOption: (roman: string) => `Quarter ${roman}`,
    half: "Half",
    halfFirst: "First half",
    halfSecond: "Second half",
    cutoff: "Figures as of",
    startYear: "From",
    endYear: "To",
    code: "Period code",
    label: "In the document",
    title: "Summary line (trích yếu)",
    yearRange: (min: number, max: number) => `The year must be a number from ${min} to ${max}.`,
    rangeOrder: "The last year must come after the first.",
  },
  units: {
    label: "Reporting units",
    hint: (max: string) =>
      `One unit per line, at most ${max}. Every per-unit table gets one row per unit.`,
    count: (n: string) => `${n} units entered.`,
    none: "No units: the workbook will have empty rows to fill in later.",
    noneDefaults: "The list is empty: the template's default units will be used.",
    duplicate: (name: string, first: number, line: number) =>
      `The unit ${quote(name)} appears twice (lines ${first} and ${line}).`,
    tooMany: (n: string, max: string) =>
      `${n} units is more than the maximum of ${max}: remove some.`,
    tooLong: (line: number, max: number) =>
      `The unit name on line ${line} is longer than ${max} characters.`,
  },
  result: {
    insertedTitle: "The template was inserted",
    createdTitle: "The workbook was created",
    sheets: (n: number, names: readonly string[]) => `${n} sheets created: ${list(names)}.`,
    sheetsMore: (n: number, names: readonly string[], more: number) =>
      `${n} sheets created: ${list(names)} and ${more} more.`,
    renamed: (wanted: string, actual: string) =>
      `A sheet ${quote(wanted)} already existed, so the template uses ${quote(actual)}.`,
    replaced: (n: number) => `The previous template was replaced: its ${n} sheets were deleted.`,
    skipped: {
      dataValidation:
        "This Excel does not support data validation yet (needs ExcelApi 1.8): input cells are coloured but show no input messages.",
      pageLayout:
        "This Excel does not support page setup yet (needs ExcelApi 1.9): choose the orientation and title rows yourself when printing.",
      other: (feature: string) =>
        `This Excel lacks some features (${feature}); the template still works.`,
    },
    cancelled: "Cancelled: the workbook was not changed.",
    nextHosted: "Fill in the coloured cells of the new sheets.",
    nextPreview: 'Look at the workbook below, then choose "Download" to open it in Excel.',
    debugSyncs: (n: number) => `Debug: ${n} round trips to Excel (context.sync).`,
  },
  replace: {
    title: "The workbook already has a BáoCáo template",
    body: (template: string) =>
      `This workbook already has the template ${template}. Replacing it deletes the old template's sheets and all figures in them:`,
    unknownTemplate: "(unknown)",
    keepOthers: "Your other sheets are not touched. Save a copy first if you need the old figures.",
    confirm: "Replace, delete old sheets",
    cancel: "Keep it",
    newWorkbook: "Open a new workbook",
    newWorkbookHint:
      'Or click "Open a new workbook": the consolidation opens in a new workbook and this one stays as it is.',
  },
  remove: {
    title: "Remove the template?",
    body: (template: string) =>
      `These sheets of the template ${template} and their figures will be deleted:`,
    names: "The template's named cells go too; your other sheets stay as they are.",
    confirm: "Remove",
    cancel: "Cancel",
    none: "This workbook has no BáoCáo template to remove.",
    done: (n: number) => `The template was removed: ${n} sheets deleted.`,
    cancelled: "Cancelled: nothing was removed.",
  },
  errors: {
    insertTitle: "Could not insert the template",
    createTitle: "Could not create the workbook",
    removeTitle: "Could not remove the template",
    openTitle: "Could not open the file",
    downloadTitle: "Could not download",
    cellEditMode: "Excel is editing a cell. Press Enter or Esc to leave the cell, then try again.",
    protected:
      "The workbook or a sheet is protected, or the file is read-only. Unprotect it (Review > Unprotect) or save a copy, then try again.",
    tooLarge: "Too much data for one write. Use fewer units and try again.",
    retry:
      "Try again. If it keeps failing, close and reopen the BáoCáo pane, or save the workbook and restart Excel.",
    detail: (message: string) => `Details: ${message}`,
    loadChunk:
      "Could not load BáoCáo's Excel file support. Check the connection and reload the pane.",
    checkTitle: "Could not check",
    clearMarksTitle: "Could not clear the marks",
    selectCellTitle: "Could not select the cell",
    previousTitle: "Could not read the previous period's file",
    dismiss: "Dismiss",
  },
  preview: {
    heading: "Preview workbook",
    open: "Open .xlsx file",
    openLabel: "Open an Excel file (.xlsx) to look at",
    opening: "Opening the file…",
    download: "Download",
    downloadLabel: (file: string) => `Download ${file}`,
    none: "No workbook yet. Create one from a template above, or open an .xlsx file to look at it.",
    opened: (file: string, sheets: number) => `Opened ${quote(file)}: ${sheets} sheets.`,
    openedTemplate: (title: string) => `Made from the template ${quote(title)}.`,
    current: (file: string) => `Showing: ${file}`,
  },
  viewer: {
    sheet: "Sheet",
    hidden: (name: string) => `${name} (hidden)`,
    caption: (sheet: string) => `Contents of the sheet ${quote(sheet)} (read-only)`,
    rows: (from: number, to: number, total: number) => `Rows ${from}–${to} of ${total}.`,
    empty: "This sheet is empty.",
    regionLabel: "Sheet contents; scroll sideways for more columns",
    selected: (sheet: string, address: string) => `Selected cell: ${sheet}!${address}`,
    withMarks: (sheet: string, counts: string) => `${sheet} (${counts})`,
    legend: "Marks of the check, in this viewer only:",
    legendError: "error",
    legendWarning: "to review",
  },
  checks: {
    heading: "Check the figures",
    introHosted:
      "Reads every input sheet of the open workbook, lists the cells to fix, colours them and adds a note to each. Checking never changes your figures or formats.",
    introPreview:
      "Checks the workbook shown below: lists the cells to fix and colours them in the viewer. The downloaded file is not changed.",
    run: "Check",
    running: "Checking…",
    clear: "Clear marks",
    clearing: "Clearing the marks…",
    clearedHosted: "Every mark is cleared: the workbook is as it was before the check.",
    clearedPreview: "Every mark is cleared from the viewer.",
    previous: {
      label: "Compare with the previous period",
      hint: "Optional. Pick the previous period's .xlsx (same template) to be warned of figures that rise or fall unusually.",
      choose: "Choose the previous period's file…",
      chooseLabel: "Choose the previous period's Excel file (.xlsx) to compare with",
      reading: "Reading the previous period's file…",
      chosen: (period: string) => `Previous period: ${period}`,
      unknownPeriod: "period unknown",
      file: (file: string) => `File ${quote(file)}`,
      remove: "Stop comparing",
      removeLabel: (file: string) => `Stop comparing with the file ${quote(file)}`,
    },
    status: {
      ready: "Ready to send: no errors",
      notReady: (errors: number) => `Not ready: ${plural(errors, "error", "errors")} to fix`,
      warnings: (n: number) =>
        `${plural(n, "point", "points")} to review (they do not block sending).`,
      noWarnings: "Nothing to review.",
      template: (title: string, version: string) => `Template ${quote(title)}, version ${version}.`,
      compared: (period: string) => `Compared with the previous period: ${period}.`,
    },
    counts: {
      errors: (n: number) => plural(n, "error", "errors"),
      warnings: (n: number) => `${num(n)} to review`,
      label: "Errors and points to review",
    },
    marks: {
      hosted: (n: number) =>
        `${plural(n, "cell is", "cells are")} coloured in the workbook (red: error, orange: to review).`,
      notesComments: "Each coloured cell has a note (comment) saying what is wrong there.",
      notesSheet: (sheet: string) =>
        `This version of Excel does not let add-ins add comments: the findings are listed on the sheet ${quote(sheet)}.`,
      reminderTitle: "Clear the marks before sending",
      reminderComments:
        'Click "Clear marks" before sending the workbook: the check\'s colours and notes go, your figures stay.',
      reminderSheet: (sheet: string) =>
        `Click "Clear marks" before sending the workbook: the colours and the sheet ${quote(sheet)} go, your figures stay.`,
      preview: (n: number) =>
        `${plural(n, "cell is", "cells are")} coloured in the viewer below (red: error, orange: to review). The file is not changed.`,
      capped: (n: number, max: number) =>
        `Only the first ${num(max)} cells are coloured (errors first): ${num(n)} more are not, but they are all in the list.`,
    },
    list: {
      heading: "Findings by sheet",
      errorsOnly: "Errors only",
      general: "General",
      error: "Error",
      warning: "To review",
      hintHosted: "Click an item to select its cell in Excel.",
      hintPreview: "Click an item to show its cell in the viewer.",
      cell: (cell: string) => `Cell ${cell}`,
      showMore: (n: number) => `Show ${num(n)} more`,
      none: "No problems found.",
      noErrors: 'No errors. Untick "Errors only" to see the points to review.',
      languageNote: "The findings are written in Vietnamese, the language of the reports.",
    },
    problemTitle: "This workbook cannot be checked",
    previousProblemTitle: "The previous period's file cannot be used",
    problems: {
      noWorkbook:
        'No workbook to check yet. Create one from a template on the "Templates" tab, or open an .xlsx file under "Preview workbook".',
      notBaoCao:
        'This workbook was not made from a BáoCáo template, so there is no telling which cells to check. Use a template from the "Templates" tab.',
      unknownTemplate: (template: string) =>
        `The workbook uses the template ${quote(template)}, which this version of BáoCáo does not have. Update BáoCáo, or add this template under "Your organisation's templates" on the "Templates" tab.`,
      editedDefinition: (template: string, cell: string) =>
        `The definition of the template ${quote(template)} kept in the workbook (hidden sheet, cell ${cell}) was edited by hand, so it cannot be used. Ask the sender for the workbook again, or add this template under "Your organisation's templates" on the "Templates" tab.`,
      incompatible: (template: string, version: string, supported: string) =>
        `The workbook uses version ${version} of the template ${quote(template)}, which is not compatible with version ${supported}. Make a new workbook from the current template and copy the figures into it.`,
      previousNotBaoCao: (file: string) =>
        `The file ${quote(file)} was not made from a BáoCáo template, so it cannot serve as the previous period.`,
      previousUnknownTemplate: (file: string, template: string) =>
        `The file ${quote(file)} uses the template ${quote(template)}, which this version of BáoCáo does not have, so it cannot serve as the previous period.`,
      previousEditedDefinition: (file: string, template: string) =>
        `The file ${quote(file)} carries a definition of the template ${quote(template)} that was edited by hand, so it cannot serve as the previous period.`,
      previousIncompatible: (file: string, template: string, version: string, supported: string) =>
        `The file ${quote(file)} uses version ${version} of the template ${quote(template)}, not compatible with version ${supported}, so it cannot serve as the previous period.`,
      otherTemplate: (file: string, template: string, expected: string) =>
        `The previous period's file ${quote(file)} uses the template ${quote(template)}, not the workbook's ${quote(expected)}, so they cannot be compared. Choose the previous period's file of the same template, or stop comparing.`,
    },
    debugSyncs: (read: number, marks: number) =>
      `Debug: read the workbook in ${read} syncs, marked in ${marks} (context.sync).`,
    debugClear: (n: number) => `Debug: cleared the marks in ${n} syncs (context.sync).`,
  },
  targets: {
    heading: "Progress on targets",
    introHosted:
      'Reads the "Chỉ tiêu" sheet and the figures of the open workbook and shows how far each target is met. Read only: the workbook is not changed.',
    introPreview:
      'Reads the "Chỉ tiêu" sheet and the figures of the workbook shown below and shows how far each target is met.',
    read: "Read targets",
    refresh: "Read again",
    reading: "Reading the targets…",
    summary: (achieved: number, total: number) =>
      `${num(achieved)} of ${plural(total, "target", "targets")} met or exceeded`,
    summaryDetail: (c: { notMet: number; noData: number; noLevel: number; manual: number }) =>
      [
        c.notMet > 0 ? `${num(c.notMet)} not met` : "",
        c.noData > 0 ? `${num(c.noData)} without figures yet` : "",
        c.noLevel > 0 ? `${num(c.noLevel)} without a target level` : "",
        c.manual > 0 ? `${num(c.manual)} assessed in the text` : "",
      ]
        .filter(Boolean)
        .join(" · "),
    template: (title: string) => `Template ${quote(title)}.`,
    listLabel: "Targets and how far they are met",
    comparators: {
      eq: "exactly",
      gte: "at least",
      gt: "over",
      lte: "at most",
      lt: "under",
    },
    target: (comparator: string, value: string) => `Target: ${comparator} ${value}`,
    figures: (result: string, target: string) => `${result} / ${target}`,
    figuresLabel: "result / target",
    noTargetValue: "no target level",
    status: {
      exceeded: "Exceeded",
      met: "Met",
      notMet: "Not met",
      noData: "No figures yet",
      noLevel: "No target level yet",
      manual: "Assessed in the text",
    },
    meterLabel: (label: string, percent: string) => `${label}: ${percent} of the target`,
    overflow: "over 100%",
    units: {
      heading: "Targets set for each unit",
      summary: (achieved: number, total: number) =>
        `${num(achieved)} of ${plural(total, "unit", "units")} met or exceeded`,
    },
    chart: {
      draw: "Draw a chart in Excel",
      redraw: "Redraw the chart",
      drawing: "Drawing the chart…",
      remove: "Remove the chart",
      removing: "Removing the chart…",
      drawn: (sheet: string) =>
        `Drew the chart "Tỷ lệ thực hiện chỉ tiêu" to the right of the table on the sheet ${quote(sheet)}. "Remove the chart" takes it away; your figures are not changed.`,
      removed: 'Removed the chart: the "Chỉ tiêu" sheet is as it was.',
      needsExcel:
        "Charts are drawn in Excel: open this workbook in Excel (Excel 2019 or later, or Excel on the web) and use BáoCáo there.",
      drawTitle: "The chart could not be drawn",
      removeTitle: "The chart could not be removed",
      problems: {
        noTargets:
          'The target cells were not found on the "Chỉ tiêu" sheet: they may have been deleted, or the sheet\'s layout changed. Make the sheet again from the template on the "Templates" tab.',
        notOnSheet:
          'The template\'s target cells are no longer on the "Chỉ tiêu" sheet. Make the sheet again from the template on the "Templates" tab.',
        sheetMissing: (sheet: string) =>
          `The sheet ${quote(sheet)} is no longer in the workbook. Click "Read again" and retry.`,
      },
      debugSyncs: (n: number) => `Debug: ${n} syncs (context.sync).`,
    },
    readTitle: "The targets could not be read",
    problemTitle: "No targets to show",
    problems: {
      noWorkbook:
        'No workbook yet. Create one from a template on the "Templates" tab, or open an .xlsx file under "Preview workbook".',
      notBaoCao:
        'This workbook was not made from a BáoCáo template, so there is no telling where its targets are. Use a template from the "Templates" tab.',
      unknownTemplate: (template: string) =>
        `The workbook uses the template ${quote(template)}, which this version of BáoCáo does not have. Update BáoCáo, or add this template under "Your organisation's templates" on the "Templates" tab.`,
      editedDefinition: (template: string, cell: string) =>
        `The definition of the template ${quote(template)} kept in the workbook (hidden sheet, cell ${cell}) was edited by hand, so it cannot be used. Ask the sender for the workbook again, or add this template under "Your organisation's templates" on the "Templates" tab.`,
      incompatible: (template: string, version: string, supported: string) =>
        `The workbook uses version ${version} of the template ${quote(template)}, which is not compatible with version ${supported}. Make a new workbook from the current template and copy the figures into it.`,
      noTargets: (template: string, withTargets: string) =>
        `The template ${quote(template)} has no targets to follow. Templates with targets: ${withTargets}.`,
    },
  },
  export: {
    heading: "Word draft",
    introHosted:
      "Writes a Word draft in the official trade-union document format from the figures and text of the open workbook. The workbook is not changed.",
    introPreview:
      "Writes a Word draft in the official trade-union document format from the workbook shown below.",
    tokens:
      'Figures in sentences: each section has "Câu trong báo cáo" cells (editable) holding the sentence a figure is written in, e.g. "thu hút {tt_luot_tham_gia} lượt đoàn viên, CNVCLĐ tham gia". In your own text, type {indicator code} (the "Mã chỉ số" column) to put that cell\'s figure into the sentence; words in [ ] are left out when their figure is blank or zero. A sentence naming {don_vi} is said per unit, in the footnote, with each unit\'s own figures; a unit needing its own words gets a further line in the cell, "Unit name: its sentence". Amounts per sentence: {code:day_du} every digit, {code:trieu} in millions ("469,4 triệu đồng"), {code:gon} compact ("1,039 tỷ đồng").',
    reread: "Read the workbook again",
    reading: "Reading the workbook…",
    summaryLabel: "What will be written",
    template: (title: string) => `Template: ${quote(title)}`,
    consolidated: "Consolidated workbook: each unit's figures go into footnotes.",
    period: (label: string) => `Period: ${label}`,
    noPeriod: 'Period: not filled in (see the "Thông tin chung" sheet).',
    sections: (n: number, total: number) => `${num(n)}/${num(total)} sections with figures`,
    noFigures:
      "No section has figures yet: the draft will only have the headings and the text written in the workbook.",
    noErrors: "No errors: the draft is ready to use.",
    errors: (n: number) =>
      `The workbook still has ${plural(n, "error", "errors")}. The draft can be exported, but fix them in the "Check" tab before sending.`,
    warnings: (n: number) => `${plural(n, "warning", "warnings")}.`,
    settings: {
      legend: "How figures are written",
      money: "Amounts",
      moneyAuto:
        "As reports write them (1.591.896.000 đồng; 89 triệu đồng; with a hedge, trên 610 triệu đồng)",
      moneyFull: "In full (1.591.896.000 đồng)",
      moneyCompact: "Compact (1,592 tỷ đồng)",
      moneyApproximate: "Rounded as written by hand (trên 1,59 tỷ đồng, gần 650 triệu đồng)",
      zeroPad: "Pad counts 1 to 9 with a zero (03 năm, 07 văn bản)",
      footnotes: "Each unit's figures in footnotes",
      sources: "Sources of figures (sheet and cell of the workbook)",
      sourcesNone: "None",
      sourcesAppendix: 'A "Nguồn số liệu" appendix at the end',
      sourcesComments: "Word comments next to each figure",
    },
    run: "Export to Word",
    running: "Writing the Word draft…",
    done: (file: string, size: string) => `Created ${quote(file)} (${size}).`,
    doneHint: "The file is in your Downloads folder. Open it in Word to finish it before signing.",
    doneDraft:
      'The workbook has errors: this is a draft. Fix them in the "Check" tab and export again before sending.',
    downloadAgain: "Download again",
    notArrived: "No file downloaded?",
    fallback: {
      title: "Other ways to get the draft",
      mac: "Excel for Mac does not let add-ins download files. The draft is ready: copy it and paste it into a new Word document, or open BáoCáo in the browser to download the .docx file.",
      other:
        "If Excel or the browser blocks the download, copy the draft and paste it into a new Word document.",
      copy: "Copy the draft",
      copied:
        "Copied. Open Word, create a new document and paste (⌘V or Ctrl+V): headings, paragraphs and tables are kept; footnotes are numbered at the end.",
      copyFailed:
        "Excel does not allow copying here. Open BáoCáo in the browser (the button next to this) to download the .docx file.",
      openBrowser: "Open in the browser",
      openBrowserHint:
        'Save the workbook first (Ctrl+S or ⌘S). In the browser, click "Open .xlsx file" to open the saved workbook, then export in this tab: the .docx downloads as usual.',
      openBrowserManual: (url: string) =>
        `Or open a browser at ${url}, open the saved workbook and export there.`,
    },
    exportTitle: "The Word draft could not be made",
    problemTitle: "This workbook cannot be exported",
    problems: {
      noWorkbook:
        'No workbook yet. Create one from a template in the "Templates" tab, or open an .xlsx file under "Preview workbook".',
      notBaoCao:
        'This workbook was not made from a BáoCáo template, so BáoCáo does not know where its figures are. Use a template from the "Templates" tab.',
      unknownTemplate: (template: string) =>
        `The workbook uses the template ${quote(template)}, which this version of BáoCáo does not have. Update BáoCáo, or add this template under "Your organisation's templates" on the "Templates" tab.`,
      editedDefinition: (template: string, cell: string) =>
        `The definition of the template ${quote(template)} kept in the workbook (hidden sheet, cell ${cell}) was edited by hand, so it cannot be used. Ask the sender for the workbook again, or add this template under "Your organisation's templates" on the "Templates" tab.`,
      incompatible: (template: string, version: string, supported: string) =>
        `The workbook uses version ${version} of the template ${quote(template)}, which is not compatible with version ${supported}. Create a new workbook from the current template and copy the figures over.`,
    },
    debugThread: (worker: boolean, ms: number) =>
      `Debug: built in ${worker ? "a Web Worker" : "the main thread"}, ${num(ms)} ms.`,
  },
  consolidate: consolidateEn,
  round: roundEn,
};
