/**
 * Task pane entry. Office.onReady must resolve before any host call; in a plain browser (no
 * office.js, or office.js outside Office) the page shows with its host features off.
 */
import { createRoot } from "react-dom/client";
import type { HostAdapter } from "../hosts/types";
import { App } from "./App";
import { chooseHost } from "./host";

function render(host: HostAdapter | undefined): void {
  const container = document.getElementById("root");
  if (container === null) return;
  createRoot(container).render(<App host={host} />);
}

if (typeof Office !== "undefined") {
  void Office.onReady((info) => render(chooseHost(info)));
} else {
  render(undefined);
}
