/**
 * Ribbon commands. The ribbon button opens the task pane with the manifest's ShowTaskpane action,
 * which needs no code; this script only tells Office the command surface is ready. In the shared
 * runtime it runs in the same page as the task pane and the custom functions.
 */
export function initCommands(): void {
  if (typeof Office === "undefined") return;
  void Office.onReady();
}

initCommands();
