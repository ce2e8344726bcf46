/** jsdom lacks ResizeObserver, which Fluent's MessageBar uses to reflow; sizes never change here. */
class StillResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const win = globalThis as unknown as { ResizeObserver?: unknown };
if (typeof win.ResizeObserver !== "function") win.ResizeObserver = StillResizeObserver;
