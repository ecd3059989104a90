/**
 * A locale tag Intl can use, or `undefined` (the runtime default) for a missing or invalid one:
 * an invalid tag behaves like "no locale", as Intl does for unsupported ones, instead of throwing.
 */
export function usableLocale(locale: string | undefined): string | undefined {
  if (locale === undefined) return undefined;
  try {
    Intl.getCanonicalLocales(locale);
    return locale;
  } catch {
    return undefined;
  }
}
