import { useId } from 'react';
import { useDemo, useDemoSettings } from './DemoContext';
import { LANGUAGE_CHOICES } from './language';
import { LANGUAGES, LOCALES, THEMES, type Language, type Locale, type Theme } from './scenario';

const THEME_LABEL: Record<Theme, string> = { dark: 'Dark', light: 'Light' };
const LOCALE_LABEL: Record<Locale, string> = {
  en: 'English (en)',
  de: 'Deutsch (de)',
  fr: 'Français (fr)',
  'zh-CN': '中文 (zh-CN)',
  ar: 'العربية (ar)',
};

/** Theme, language and number locale of the table, the dialog and the account summary. */
export function AppearanceControls() {
  const demo = useDemo();
  const { theme, locale, language } = useDemoSettings();
  const id = useId();
  return (
    <fieldset className="demo-fieldset">
      <legend>Appearance</legend>
      <fieldset className="demo-radios">
        <legend>Theme</legend>
        <div className="demo-row demo-radio-row">
          {THEMES.map((t) => (
            <div key={t} className="demo-check">
              <input
                id={`${id}-${t}`}
                type="radio"
                name={`${id}-theme`}
                value={t}
                checked={theme === t}
                onChange={() => demo.setTheme(t)}
              />
              <label htmlFor={`${id}-${t}`}>{THEME_LABEL[t]}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="demo-field">
        <label htmlFor={`${id}-language`}>Language</label>
        <select
          id={`${id}-language`}
          className="demo-select"
          value={language}
          onChange={(e) => demo.setLanguage(e.target.value as Language)}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_CHOICES[l].label}
            </option>
          ))}
        </select>
      </div>
      <div className="demo-field">
        <label htmlFor={`${id}-locale`}>Number locale</label>
        <select
          id={`${id}-locale`}
          className="demo-select"
          value={locale}
          onChange={(e) => demo.setLocale(e.target.value as Locale)}
        >
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_LABEL[l]}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
