// Follows the single-page app's navigation: WXT's `wxt:locationchange` (Navigation API or polling) covers history
// changes, `hashchange` covers record switches that only touch the fragment. Reports each new href once.

export interface LocationWatchContext {
  addEventListener(target: Window, type: 'wxt:locationchange' | 'hashchange' | 'popstate', handler: () => void): void;
}

export function watchLocation(ctx: LocationWatchContext, onChange: (url: URL) => void, win: Window = window): void {
  let last = win.location.href;
  const check = () => {
    const href = win.location.href;
    if (href === last) return;
    last = href;
    onChange(new URL(href));
  };
  ctx.addEventListener(win, 'wxt:locationchange', check);
  ctx.addEventListener(win, 'hashchange', check);
  ctx.addEventListener(win, 'popstate', check);
}
