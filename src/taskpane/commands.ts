/**
 * Commands sent to the task pane from outside it. In WPS the ribbon lives on the add-in's hidden
 * main page (src/wps/main.ts); its 校验 / 清除标记 / 插入模板 buttons open the pane at
 * `taskpane.html#command=check&n=3` (or navigate the open pane there). The pane carries a command
 * out through its own controls, exactly as if the user had clicked them, so the pane's React code
 * needs no second way in. Excel never adds the hash: there this module does nothing.
 */

export type PaneCommand = "check" | "clear" | "template";

export const PANE_COMMANDS: readonly PaneCommand[] = ["check", "clear", "template"];

/**
 * The URL hash asking the pane for a command. `n` makes each request a new hash, so the pane sees
 * a `hashchange` even when the same button is pressed twice.
 */
export function paneCommandHash(command: PaneCommand, sequence: number): string {
  return `#command=${command}&n=${sequence}`;
}

/** The command a hash asks for, or undefined for any other hash. */
export function commandFromHash(hash: string): PaneCommand | undefined {
  const value = new URLSearchParams(hash.replace(/^#/, "")).get("command");
  return PANE_COMMANDS.find((command) => command === value);
}

/** The pane's button each clicking command presses, by its visible label (App.tsx). */
export const COMMAND_BUTTON: Readonly<Record<Exclude<PaneCommand, "template">, string>> = {
  check: "校验整个工作簿",
  clear: "清除标记",
};

/** The heading of the pane's template form (TemplatePanel.tsx), which 插入模板 brings into view. */
export const TEMPLATE_HEADING = "插入空白模板";

export interface CarryOutOptions {
  /** How long to wait for the control to exist and be enabled (the pane may still be starting). */
  timeoutMs?: number;
  intervalMs?: number;
}

function enabledButton(root: ParentNode, label: string): HTMLButtonElement | undefined {
  for (const button of root.querySelectorAll("button")) {
    if (button.textContent?.trim() !== label) continue;
    if (button.disabled || button.getAttribute("aria-disabled") === "true") return undefined;
    return button;
  }
  return undefined;
}

function templateForm(root: ParentNode): HTMLFormElement | undefined {
  for (const heading of root.querySelectorAll("h2")) {
    if (heading.textContent?.trim() !== TEMPLATE_HEADING) continue;
    const form = heading.closest("form");
    if (form) return form;
  }
  return undefined;
}

/** Does the command once its control is there; false when it is not there before the timeout. */
function tryOnce(command: PaneCommand, root: ParentNode): boolean {
  if (command === "template") {
    const form = templateForm(root);
    if (!form) return false;
    form.scrollIntoView?.({ block: "start" });
    form.querySelector<HTMLElement>("select, input")?.focus();
    return true;
  }
  const button = enabledButton(root, COMMAND_BUTTON[command]);
  if (!button) return false;
  button.click();
  return true;
}

/**
 * Carries a command out as soon as the pane shows its control enabled (while the pane starts or is
 * busy the buttons are disabled). Resolves true when done, false when the control never came.
 */
export function carryOut(
  command: PaneCommand,
  root: ParentNode,
  { timeoutMs = 20_000, intervalMs = 100 }: CarryOutOptions = {},
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve) => {
    const attempt = () => {
      if (tryOnce(command, root)) resolve(true);
      else if (Date.now() >= deadline) resolve(false);
      else setTimeout(attempt, intervalMs);
    };
    attempt();
  });
}

/**
 * Reads a command from the page's hash now and whenever it changes; the hash is removed once read,
 * so reloading the pane does not run the command again.
 */
export function listenForPaneCommands(
  win: Window | undefined = typeof window === "undefined" ? undefined : window,
  options?: CarryOutOptions,
): void {
  if (win === undefined) return;
  const handle = () => {
    const command = commandFromHash(win.location.hash);
    if (command === undefined) return;
    win.history.replaceState(null, "", win.location.pathname + win.location.search);
    void carryOut(command, win.document, options);
  };
  handle();
  win.addEventListener("hashchange", handle);
}
