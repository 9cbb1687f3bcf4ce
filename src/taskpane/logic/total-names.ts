// Which defined names are total rows' (validation reads their formulas, so an overwritten total is
// caught). A module of its own: the pane's start-up needs this and none of the reading.

/** Defined names whose formulas validation needs: the total rows' (an overwritten total is caught). */
export function isTotalName(name: string): boolean {
  return /^BCT_/i.test(name);
}
