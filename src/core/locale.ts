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

/** Scripts written right to left (ISO 15924), as a locale's likely script names them. */
const RTL_SCRIPTS = new Set(['Adlm', 'Arab', 'Hebr', 'Mand', 'Mend', 'Nkoo', 'Rohg', 'Samr', 'Syrc', 'Thaa', 'Yezi']);

/**
 * The writing direction of a locale's script ("ar", "he", "fa-IR": 'rtl'; "ar-Latn", "zh-CN": 'ltr'),
 * or `undefined` for a missing or invalid tag (the page's direction then applies).
 */
export function localeDirection(locale: string | undefined): 'ltr' | 'rtl' | undefined {
  const tag = usableLocale(locale);
  if (tag === undefined) return undefined;
  const script = new Intl.Locale(tag).maximize().script;
  return script !== undefined && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
}
