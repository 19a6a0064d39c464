// Says which sites the browser withholds from Mapping Guard and what stops working without each, with the button that
// asks for them. Shown by the popup, the options page and the welcome page; gone as soon as access comes back.
import { useCallback, useEffect, useState } from 'react';
import type { Site, SiteAccess } from '../../utils/net/site-access';
import { Button } from './Button';

/** The sites withheld now, re-checked whenever a permission changes or the page comes back into view. */
export function useMissingSites(access: SiteAccess | undefined): Site[] {
  const [missing, setMissing] = useState<Site[]>([]);
  const check = useCallback(() => {
    access?.missingSites().then(setMissing, () => setMissing([]));
  }, [access]);
  useEffect(() => {
    if (!access) return;
    check();
    const stop = access.onChange(check);
    // Chrome's site-access menu changes take effect without a page reload; coming back to the page re-checks too.
    window.addEventListener('focus', check);
    return () => {
      stop();
      window.removeEventListener('focus', check);
    };
  }, [access, check]);
  return missing;
}

export function SiteAccessNotice({ access }: { access?: SiteAccess }) {
  const missing = useMissingSites(access);
  const [refused, setRefused] = useState(false);
  if (!access || !missing.length) return null;

  // The request runs first thing in the click: browsers show their prompt only on a user gesture.
  const grant = () => {
    access.request(missing).then(
      (granted) => setRefused(!granted),
      () => setRefused(true),
    );
  };

  return (
    <section role="alert" className="mg-callout mg-site-access" aria-labelledby="mg-site-access-title" data-testid="site-access">
      <h2 id="mg-site-access-title" className="mg-phase-title">
        Mapping Guard has no access to {missing.length === 1 ? missing[0]!.label : 'some sites it needs'}
      </h2>
      <p>{missing.length === 1 ? 'The browser withholds it, so this stops working:' : 'The browser withholds these sites, so what each is for stops working:'}</p>
      <ul>
        {missing.map((site) => (
          <li key={site.origin}>
            <strong>{site.label}</strong>: {site.why}.
          </li>
        ))}
      </ul>
      <Button variant="primary" onClick={grant}>
        Grant access
      </Button>
      {refused && (
        <p className="mg-error-text">
          Access was not granted. You can also allow these sites in the browser’s extension settings (Site access).
        </p>
      )}
    </section>
  );
}
