// Which Excel API sets the host supports. Core flows need ExcelApi 1.7 (Office 2019); the rest is
// feature-detected so older hosts get everything they can do.

export type ApiSupport = (version: string) => boolean;

export function officeApiSupport(): ApiSupport {
  return (version) => {
    try {
      return Office.context.requirements.isSetSupported("ExcelApi", version);
    } catch {
      return false;
    }
  };
}

export const FEATURES = {
  /** Data validation on ranges. */
  dataValidation: "1.8",
  /** Page layout (orientation, fit to page, print titles) and indent levels. */
  pageLayout: "1.9",
  /** Merged-area reading for validation findings. */
  mergedAreas: "1.13",
} as const;
