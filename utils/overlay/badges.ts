// Small inline badges on the host page's rows (plain DOM, text only — never innerHTML). Each badge is marked as
// ours so mutation observers ignore it, carries its explanation as a tooltip (title) and as accessible text, and
// may hold a Fix link. Styles are inline: our stylesheet lives in a shadow root and cannot reach the host page.
import { markOwnNode } from './observe';

export type BadgeTone = 'ok' | 'error' | 'warning' | 'info' | 'neutral';

export interface BadgeSpec {
  tone: BadgeTone;
  text: string;
  /** Why: the rule and the finding, shown on hover and read by screen readers. */
  tooltip: string;
  fix?: { url: string; label: string; newTab: boolean };
}

const TONE_COLOURS: Record<BadgeTone, [string, string]> = {
  ok: ['#166534', '#dcfce7'],
  error: ['#991b1b', '#fee2e2'],
  warning: ['#92400e', '#fef3c7'],
  info: ['#1e40af', '#dbeafe'],
  neutral: ['#374151', '#f3f4f6'],
};

export const BADGE_ATTRIBUTE = 'data-mg-badge';

/** Puts (or updates) the badge inside `host`, after its content. Returns the badge element. */
export function renderBadge(host: Element, spec: BadgeSpec, key = 'status'): HTMLElement {
  const existing = [...host.children].find(
    (child): child is HTMLElement => child instanceof HTMLElement && child.getAttribute(BADGE_ATTRIBUTE) === key,
  );
  const signature = JSON.stringify(spec);
  if (existing?.dataset.mgSignature === signature) return existing;

  const badge = existing ?? markOwnNode(host.ownerDocument.createElement('span'));
  badge.setAttribute(BADGE_ATTRIBUTE, key);
  badge.dataset.mgSignature = signature;
  badge.dataset.mgTone = spec.tone;
  badge.style.cssText =
    'display:inline-flex;align-items:center;gap:6px;margin-left:8px;font:600 11px/1.6 system-ui,sans-serif;vertical-align:middle;white-space:nowrap';
  const [colour, background] = TONE_COLOURS[spec.tone];
  const pill = host.ownerDocument.createElement('span');
  pill.textContent = spec.text;
  pill.title = spec.tooltip;
  pill.setAttribute('aria-label', `${spec.text}: ${spec.tooltip}`);
  pill.setAttribute('role', 'note');
  pill.tabIndex = 0;
  pill.style.cssText = `color:${colour};background:${background};border-radius:9px;padding:0 7px;cursor:help`;
  const children: Node[] = [pill];
  if (spec.fix && isHttps(spec.fix.url)) {
    const link = host.ownerDocument.createElement('a');
    link.href = spec.fix.url;
    link.textContent = 'Fix';
    link.title = spec.fix.label;
    link.setAttribute('data-mg-fix', '');
    if (spec.fix.newTab) {
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
    }
    link.style.cssText = 'color:#1d4ed8;text-decoration:underline';
    children.push(link);
  }
  badge.replaceChildren(...children);
  if (!existing) host.append(badge);
  return badge;
}

export function removeBadges(root: ParentNode, key?: string): void {
  const selector = key ? `[${BADGE_ATTRIBUTE}="${CSS.escape(key)}"]` : `[${BADGE_ATTRIBUTE}]`;
  for (const badge of root.querySelectorAll(selector)) badge.remove();
}

function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
