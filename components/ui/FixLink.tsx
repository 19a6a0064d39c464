// A finding's one-click jump to the screen that fixes it. A link into the other app opens in a new tab; a link within
// the app the user is in (`currentApp`) navigates in place, where the arrival highlight marks the target row. Only
// https links to the two apps are rendered as links (safe-url.ts); anything else shows as plain text.
import type { FixLink as Fix } from '../../utils/audit/types';
import { safeFixUrl } from './safe-url';

const APP_NAMES = { cin7: 'Cin7 Core', xero: 'Xero' } as const;

export function FixLink({ fix, currentApp, className }: { fix: Fix; currentApp?: 'cin7' | 'xero'; className?: string }) {
  const url = safeFixUrl(fix.url);
  const label = fix.label || 'Fix';
  if (!url) return <span className="mg-muted">{label}</span>;
  const external = fix.app !== currentApp;
  return (
    <a className={className} href={url} {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
      {label}
      {external ? (
        <>
          <span aria-hidden="true"> ↗</span>
          <span className="mg-visually-hidden"> in {APP_NAMES[fix.app]} (opens in a new tab)</span>
        </>
      ) : null}
    </a>
  );
}
