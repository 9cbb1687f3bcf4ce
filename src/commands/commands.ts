/*
 * FunctionFile of the ribbon (manifest <FunctionFile resid="Commands.Url"/>). The only ribbon button
 * opens the task pane (ShowTaskpane), so no function commands are registered yet; this file is the
 * place to add them. Kept tiny: it loads on every Excel start where the add-in is installed.
 */

declare global {
  interface Window {
    /** Set by the onerror handler of the office.js <script> tag when office.js could not be loaded. */
    __officeJsFailed?: boolean;
  }
}

/** Ribbon commands (ExecuteFunction) by the FunctionName used in the manifest. Empty for now. */
export const commands: Record<string, (event: Office.AddinCommands.Event) => void> = {};

function register(): void {
  const actions = (
    Office as unknown as { actions?: { associate?: (name: string, fn: unknown) => void } }
  ).actions;
  for (const [name, fn] of Object.entries(commands)) {
    // Office.actions.associate is missing on older hosts (e.g. Excel 2019 perpetual);
    // there, ExecuteFunction resolves FunctionName on the global object.
    if (typeof actions?.associate === "function") actions.associate(name, fn);
    (globalThis as Record<string, unknown>)[name] = fn;
  }
}

if (typeof Office !== "undefined" && !window.__officeJsFailed) {
  void Office.onReady(() => register());
}
