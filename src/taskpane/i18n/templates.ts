// The texts of "Mẫu của đơn vị" by language. Kept out of the catalogs loaded at start (vi.ts, en.ts):
// only the section's own chunk (features/templates/UnitTemplates.tsx, loaded once the pane is idle)
// needs them, and what is downloaded before the gallery is usable has a budget.
import type { Lang } from "./index";
import { templatesEn } from "./templates-en";
import { templatesVi } from "./templates-vi";

export type LibraryMessages = typeof templatesVi;

export const LIBRARY: Readonly<Record<Lang, LibraryMessages>> = {
  vi: templatesVi,
  en: templatesEn,
};
