// A finding's one-click jump. Links into the other app open in a new tab; links within the app the user is in
// navigate in place (the arrival highlight then marks the row). The URL comes from the engine's link builders;
// anything that is not https is refused rather than rendered.
import type { FixLink as Fix } from '../../utils/audit/types';

export function isSafeFixUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

export function FixLink({ fix, currentApp, className = 'mg-fix' }: { fix: Fix; currentApp: 'cin7' | 'xero'; className?: string }) {
  if (!isSafeFixUrl(fix.url)) return null;
  const external = fix.app !== currentApp;
  return (
    <a className={className} href={fix.url} {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
      {fix.label || 'Fix'}
      {external ? <span aria-hidden="true"> ↗</span> : null}
    </a>
  );
}
