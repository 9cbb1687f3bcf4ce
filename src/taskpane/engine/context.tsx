import { createContext, useContext } from "react";
import type { Engine } from "./index";

const EngineContext = createContext<Engine | null>(null);

export const EngineProvider = EngineContext.Provider;

/** The loaded engine (templates, samples, planner); the app renders only once it is there. */
export function useEngine(): Engine {
  const engine = useContext(EngineContext);
  if (!engine) throw new Error("useEngine() outside <EngineProvider>");
  return engine;
}
