import { useEffect } from 'react';

/**
 * Writes pending edits when the page is about to go away or loses focus: a popup closes without warning, so
 * `pagehide`, `visibilitychange` (hidden) and window `blur` all flush.
 */
export function useFlushOnLeave(flush: () => Promise<void> | void): void {
  useEffect(() => {
    const run = () => void flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') run();
    };
    window.addEventListener('pagehide', run);
    window.addEventListener('blur', run);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', run);
      window.removeEventListener('blur', run);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [flush]);
}
