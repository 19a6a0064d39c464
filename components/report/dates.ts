// Dates in the organisation's locale: the one formatting helper of the report and its exports. Xero works in
// English; the organisation's country (Xero's Organisation.CountryCode) decides the day and month order, else the
// browser's own locale does.

/** The locale to write dates in: `en-<CountryCode>` when the country is known and supported, else the browser's. */
export function reportLocale(countryCode: string | undefined, browserLocales: readonly string[]): string {
  const country = countryCode && /^[A-Za-z]{2}$/.test(countryCode) ? `en-${countryCode.toUpperCase()}` : undefined;
  const candidates = [country, ...browserLocales].filter((locale): locale is string => Boolean(locale));
  for (const locale of candidates) {
    try {
      if (Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0) return locale;
    } catch {
      // A malformed tag: try the next one.
    }
  }
  return 'en';
}

/** An ISO time ("2026-11-21T09:00:00Z") as a date and time, or a day ("2026-11-21") as a date; other text as is. */
export function formatWhen(value: string, locale: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(day ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, day ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
