// The preview's state (workbook and marks) for a tab, or null in hosted mode. A tab re-renders when
// the user opens another workbook in the preview, which makes its last reading stale.
import { useSyncExternalStore } from "react";
import type { AppSession, PreviewState } from "./index";

const noSubscribe = () => () => undefined;
const noState = () => null;

export function usePreviewState(session: AppSession): PreviewState | null {
  const preview = session.mode === "preview" ? session : null;
  return useSyncExternalStore(
    preview ? preview.store.subscribe : noSubscribe,
    preview ? preview.store.get : noState
  );
}
