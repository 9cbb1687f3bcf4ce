// The pane's template list in React: every feature reads it with useTemplates() and re-renders
// when the office catalogue arrives or the user imports or removes a template.
import { createContext, useContext, useSyncExternalStore } from "react";
import type { TemplateStore, TemplatesState } from "./store";

const TemplatesContext = createContext<TemplateStore | null>(null);

export const TemplatesProvider = TemplatesContext.Provider;

export function useTemplateStore(): TemplateStore {
  const store = useContext(TemplatesContext);
  if (!store) throw new Error("useTemplateStore() outside <TemplatesProvider>");
  return store;
}

/** The current list (built-in, office-wide and the user's templates) and the files left out. */
export function useTemplates(): TemplatesState {
  const store = useTemplateStore();
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
