import { ar } from '../locales/ar';
import { zhCN } from '../locales/zh-CN';
import type { KitLocale } from '../ui/messages';
import type { Language } from './scenario';

/** Each language as it names itself, and its catalogue (English is the kit's default: none). */
export const LANGUAGE_CHOICES: Readonly<Record<Language, { label: string; kit: KitLocale | null }>> = {
  en: { label: 'English', kit: null },
  'zh-CN': { label: '简体中文', kit: zhCN },
  ar: { label: 'العربية', kit: ar },
};

/** What the kit's components get for a language: its messages and direction. */
export function kitLanguage(language: Language): { messages?: KitLocale['messages']; dir: 'ltr' | 'rtl' } {
  const kit = LANGUAGE_CHOICES[language].kit;
  return kit ? { messages: kit.messages, dir: kit.dir } : { dir: 'ltr' };
}
