import { safeFixUrl } from './safe-url';

/** A finding's "jump to fix" link: opens the app's screen in a new tab. Unsafe URLs render as plain text. */
export function FixLink({ fix }: { fix: { app: 'cin7' | 'xero'; url: string; label: string } }) {
  const url = safeFixUrl(fix.url);
  const app = fix.app === 'cin7' ? 'Cin7 Core' : 'Xero';
  if (!url) return <span className="mg-muted">{fix.label}</span>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer">
      {fix.label}
      <span className="mg-visually-hidden"> in {app} (opens in a new tab)</span>
    </a>
  );
}
