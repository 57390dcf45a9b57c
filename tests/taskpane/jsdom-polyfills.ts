/**
 * What jsdom lacks and Fluent UI uses: MessageBar watches its own size with a ResizeObserver to
 * reflow its actions. Layout does not exist in jsdom, so an observer that never reports is exact.
 */
class SilentResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof globalThis.ResizeObserver === "undefined") {
  globalThis.ResizeObserver = SilentResizeObserver as unknown as typeof ResizeObserver;
}
