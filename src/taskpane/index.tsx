// Entry of the task pane. Renders at once (a spinner), decides between hosted mode (Office.onReady
// reports Excel) and preview mode (no office.js, or outside Excel), then starts the app.
import { createRoot } from "react-dom/client";
import { Root } from "./components/Root";

const container = document.getElementById("root");
if (container && navigator.userAgent.indexOf("Trident") === -1) {
  createRoot(container).render(<Root />);
}
