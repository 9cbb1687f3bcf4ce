// Work that can wait until the pane is on screen: the rest of the engine, ExcelJS in preview, the
// tabs the user has not opened yet. None of it is downloaded before the gallery is usable.

type IdleWindow = {
  requestIdleCallback?: (cb: () => void, options: { timeout: number }) => number;
  cancelIdleCallback?: (id: number) => void;
};

/** Runs `task` when the browser is idle (at most 2 s later); returns its cancellation. */
export function whenIdle(task: () => void): () => void {
  const w = window as unknown as IdleWindow;
  if (w.requestIdleCallback && w.cancelIdleCallback) {
    const id = w.requestIdleCallback(task, { timeout: 2000 });
    return () => w.cancelIdleCallback?.(id);
  }
  // EdgeHTML (Excel 2019) has no requestIdleCallback.
  const id = setTimeout(task, 500);
  return () => clearTimeout(id);
}
