// English text of "Mẫu của đơn vị" (LIBRARY.en in templates.ts), typed against templates-vi.ts. A
// template file's own mistakes stay in Vietnamese, as the CLI prints them.
import type { templatesVi } from "./templates-vi";

const quote = (s: string) => `"${s}"`;
const num = (n: number) => n.toLocaleString("en-GB");

export const templatesEn: typeof templatesVi = {
  heading: "Your organisation's templates",
  intro:
    "Templates written by your office or unit: a template file (.json, made by baocao template build or baocao templates --json) or an authoring workbook (.xlsx). Templates you import are kept on this computer for next time.",
  none: "No templates of your own yet. Click “Import a template…” to add one.",
  import: "Import a template…",
  importLabel: "Import a template from a .json template file or an .xlsx authoring workbook",
  importing: "Reading the template file…",
  fromOffice: "Office-wide template (installed for every user by your BáoCáo administrator).",
  fromUser: (file: string) => `Imported by you from ${quote(file)}.`,
  shadows: (origin, id, version) =>
    `Used instead of the ${origin === "builtIn" ? "built-in template" : origin === "office" ? "office-wide template" : "template imported earlier"} with the same id ${quote(id)} (version ${version}).`,
  shadowsBuiltInHint: "Remove this template to use the built-in one again.",
  remove: "Remove template",
  removeLabel: (title: string) => `Remove the template ${quote(title)} from the list`,
  removed: (title: string) => `Removed the template ${quote(title)} from the list.`,
  added: (title: string) => `Added the template ${quote(title)}`,
  addedBody: "It is in the list below; click “Use this template” to make a workbook.",
  notKept:
    "The browser does not allow storing it, so the template lasts until this pane is closed; import it again next time.",
  failed: (file: string) => `Could not add a template from ${quote(file)}`,
  issues: (n: number) =>
    `The template file has ${num(n)} ${n === 1 ? "mistake" : "mistakes"}, at these places (described in Vietnamese, as the CLI prints them):`,
  fixAndImport: "Nothing was added. Fix each place above in the file and import it again.",
  moreIssues: (n: number) => `… and ${num(n)} more.`,
  help: "How to write a template file: README, section “Template files”.",
  notJson: (detail: string) =>
    `The file is not valid JSON (${detail}). Fix it in a text editor and import again, or make it again with baocao template build.`,
  list: (n: number) =>
    `The file holds ${num(n)} templates (as baocao templates --json prints them); copy one template (one element of the list) into a file of its own and import that.`,
  fileKind:
    "Only .json template files and .xlsx authoring workbooks can be imported; pick another file.",
  empty: "The file is empty; pick a template file with content.",
  unreadable: (detail: string) =>
    `The file could not be read (${detail}). Save it again and import it again.`,
  index: (detail: string) =>
    `templates/index.json must be a list of file names in the templates folder, e.g. ["mau-a.json", "mau-b.json"]; found: ${detail}.`,
  missing: (status: number) =>
    status === 0
      ? "This file could not be downloaded (no answer from the network or server)."
      : `The server does not serve this file (status ${status}); copy it into the templates folder or fix its name in templates/index.json.`,
  officeProblem: (file: string) => `Office-wide templates: skipped ${quote(file)}`,
  officeProblemHint: "Tell your office's BáoCáo administrator. The other templates still work.",
  storedProblem: (file: string) =>
    `The template imported from ${quote(file)} can no longer be read`,
  storedProblemHint:
    "This version of BáoCáo reads templates differently. Import the corrected file again, or remove this template.",
  removeStored: "Remove",
  removeStoredLabel: (file: string) => `Remove the template imported from ${quote(file)}`,
};
