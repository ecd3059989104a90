import { useId } from 'react';
import { useDemo, useDemoSettings } from './DemoContext';
import { LANGUAGE_CHOICES } from './language';
import { LANGUAGES, LOCALES, THEMES, type Locale, type Theme } from './scenario';

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
      <LabelledSelect
        id={`${id}-language`}
        label="Language"
        value={language}
        options={LANGUAGES}
        labelOf={(l) => LANGUAGE_CHOICES[l].label}
        onChange={(l) => demo.setLanguage(l)}
      />
      <LabelledSelect
        id={`${id}-locale`}
        label="Number locale"
        value={locale}
        options={LOCALES}
        labelOf={(l) => LOCALE_LABEL[l]}
        onChange={(l) => demo.setLocale(l)}
      />
    </fieldset>
  );
}

/** A labelled select of language tags, each option marked with its own `lang`. */
function LabelledSelect<T extends string>(props: {
  id: string;
  label: string;
  value: T;
  options: readonly T[];
  labelOf: (option: T) => string;
  onChange: (option: T) => void;
}) {
  return (
    <div className="demo-field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        className="demo-select"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as T)}
      >
        {props.options.map((o) => (
          <option key={o} value={o} lang={o}>
            {props.labelOf(o)}
          </option>
        ))}
      </select>
    </div>
  );
}
