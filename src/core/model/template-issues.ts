// How a template file's problems are worded for people, the same in `baocao --template-file` and
// in the pane's "Mẫu của đơn vị": one line per problem, its place in the file first.
import type { TemplateIssue } from "./load";

/** "indicators[5](x).partOf: không có chỉ tiêu …" (just the message when it has no place). */
export function issueLine(issue: TemplateIssue): string {
  return `${issue.path ? issue.path + ": " : ""}${issue.message}`;
}
