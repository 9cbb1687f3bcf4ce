// Whether an element is on screen. The app keeps every tab mounted and hides the others, so the
// tab reads the workbook when it is first shown (not at start-up, which would cost Excel round
// trips and load the export chunk for users who never export).
import { useEffect, useState, type RefObject } from "react";

export function useVisible(ref: RefObject<Element>): boolean {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (typeof IntersectionObserver === "undefined") {
      setVisible(true);
      return;
    }
    const observer = new IntersectionObserver((entries) =>
      setVisible(entries.some((e) => e.isIntersecting))
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return visible;
}
