// The settings page's table of contents: plain in-page links (keyboard and screen readers get them for free).
export const OPTIONS_NAV = [
  { href: '#mg-xero', label: 'Xero' },
  { href: '#mg-cin7', label: 'Cin7 Core' },
  { href: '#mg-protection', label: 'Saved keys' },
  { href: '#mg-pairs', label: 'Pairs' },
  { href: '#mg-notifications', label: 'Notifications' },
  { href: '#mg-features', label: 'Features' },
  { href: '#mg-schedule', label: 'Refresh schedule' },
  { href: '#mg-reviewed', label: 'Reviewed findings' },
  { href: '#mg-advanced-mapping', label: 'Manual mapping' },
  { href: '#mg-advanced-diagnostics', label: 'Diagnostics' },
] as const;

export function OptionsNav({ welcomeUrl }: { welcomeUrl?: string }) {
  return (
    <nav className="mg-options-nav" aria-label="Settings sections">
      <ul>
        {OPTIONS_NAV.map((item) => (
          <li key={item.href}>
            <a href={item.href}>{item.label}</a>
          </li>
        ))}
      </ul>
      <p>
        <a href="/practice.html">All clients on one page</a>
      </p>
      {welcomeUrl && (
        <p>
          <a href={welcomeUrl}>Guided set-up</a>
        </p>
      )}
    </nav>
  );
}
