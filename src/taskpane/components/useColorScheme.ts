import { useEffect, useState } from "react";

/** Follows the system's light/dark preference (preview mode, where there is no Office theme). */
export function usePrefersDark(enabled: boolean): boolean {
  const query = "(prefers-color-scheme: dark)";
  const [dark, setDark] = useState(
    () => enabled && typeof matchMedia === "function" && matchMedia(query).matches
  );
  useEffect(() => {
    if (!enabled || typeof matchMedia !== "function") return;
    const mq = matchMedia(query);
    const onChange = () => setDark(mq.matches);
    onChange();
    mq.addEventListener?.("change", onChange);
    return () => mq.removeEventListener?.("change", onChange);
  }, [enabled]);
  return dark;
}
