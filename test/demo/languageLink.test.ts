import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../src/data/simulated';
import { kitLanguage } from '../../src/demo/language';
import { decodeScenario, hashWithScenario, scenarioFromHash, type DemoScenario } from '../../src/demo/scenario';
import { ar } from '../../src/locales/ar';
import { zhCN } from '../../src/locales/zh-CN';

const scenario = (over: Partial<DemoScenario> = {}): DemoScenario => ({
  v: 1,
  state: defaultScenario(),
  theme: 'dark',
  locale: 'ar',
  running: true,
  feed: 'live',
  ...over,
});

const read = (s: unknown) => decodeScenario(Buffer.from(JSON.stringify(s), 'utf8').toString('base64url'));

describe('the demo’s language in its link', () => {
  it('is written and read back', () => {
    const hash = hashWithScenario(scenario({ language: 'ar' }));
    expect(decodeScenario(scenarioFromHash(hash)!).language).toBe('ar');
  });

  it('is absent from links written before the switch (English), and refused when unknown', () => {
    expect(read(scenario()).language).toBeUndefined();
    expect(() => read({ ...scenario(), language: 'xx' })).toThrow('unknown language');
  });

  it('gives the kit the catalogue and direction of the language', () => {
    expect(kitLanguage('ar')).toEqual({ messages: ar.messages, dir: 'rtl' });
    expect(kitLanguage('zh-CN')).toEqual({ messages: zhCN.messages, dir: 'ltr' });
    // English: the kit's defaults, and left to right even with an Arabic number locale.
    expect(kitLanguage('en')).toEqual({ dir: 'ltr' });
  });
});
