// Resolves after the next frame was painted, or after `waitMs` (a tab in the background paints none): what the panel
// waits for before React DOM is evaluated (mount-panel.tsx), and the start script before it asks for the overlay.
export function afterPaint(waitMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, waitMs);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}
