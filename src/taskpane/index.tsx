/**
 * Task pane entry. Office.onReady must resolve before any host call; in a plain browser (no
 * office.js, or office.js outside Office) the page shows with its host features off.
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { listenForPaneCommands } from "./commands";
import { chooseHost, type ReadyInfo } from "./host";
import { errorText } from "./messages";

function render(info: ReadyInfo | undefined): void {
  const container = document.getElementById("root");
  if (container === null) return;
  try {
    createRoot(container).render(<App host={chooseHost(info)} />);
  } catch (failure) {
    // A host that cannot even be set up still gets a pane that says why.
    createRoot(container).render(<App host={undefined} startupError={errorText(failure)} />);
  }
}

if (typeof Office !== "undefined") {
  void Office.onReady((info) => render(info));
} else {
  render(undefined);
}

// WPS ribbon buttons ask the pane for 校验 / 清除标记 / 插入模板 through the URL hash.
listenForPaneCommands();
