/** The Word draft: model, settings, building it from a template and data, locating sources. */
export * from "./model";
export * from "./settings";
export { buildReportDocument, documentNumber, DOC_TYPE_TITLES, type BuildOptions } from "./build";
export { locateInWorkbook, describeSource, locationText } from "./sources";
