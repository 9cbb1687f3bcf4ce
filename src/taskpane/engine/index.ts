// Loads the engine chunk (see engine.ts) once.
export type Engine = typeof import("./engine");

let pending: Promise<Engine> | null = null;

export function loadEngine(): Promise<Engine> {
  pending ??= import(/* webpackChunkName: "engine" */ "./engine");
  pending.catch(() => (pending = null));
  return pending;
}
