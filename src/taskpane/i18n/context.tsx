import { createContext, useContext } from "react";
import { CATALOGS, type Lang, type Messages } from "./index";

export interface LanguageState {
  lang: Lang;
  messages: Messages;
}

const LanguageContext = createContext<LanguageState>({ lang: "vi", messages: CATALOGS.vi });

export const LanguageProvider = LanguageContext.Provider;

/** The current language and its message catalog. */
export function useMessages(): LanguageState {
  return useContext(LanguageContext);
}
