/**
 * Task pane entry. Office.onReady must resolve before any host call; rendering does not wait for
 * it, so the page also shows (with host features off) when opened in a plain browser.
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";

function render(hostName: string | undefined): void {
  const container = document.getElementById("root");
  if (container === null) return;
  createRoot(container).render(<App hostName={hostName} />);
}

if (typeof Office !== "undefined") {
  void Office.onReady((info) => render(info.host ? String(info.host) : undefined));
} else {
  render(undefined);
}
