/**
 * The phrase a table of phrases gives for `key`, or '' for no key or one it does not have (a
 * message's optional part, e.g. why a max is 0, by an amount error's `bound` param).
 */
export function phraseOf(phrases: Readonly<Record<string, string>>, key: string | undefined): string {
  return key !== undefined && Object.hasOwn(phrases, key) ? phrases[key]! : '';
}
