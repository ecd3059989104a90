import { describe, expect, it } from 'vitest';
import { validateAmount } from '../../../src/core/amount';
import { visibleError } from '../../../src/ui/dialog/visibleError';

/** The form's summary as the dialog sees it: `text` validated against `max` (null: not known yet). */
function form(text: string, max: string | null, blockedByStalePrice = false) {
  const validation = validateAmount(text, { locale: 'en', decimals: 8, asset: 'USDT', max });
  return { text, validation, blockedByStalePrice };
}

describe('visibleError: which amount error the dialog shows, and where', () => {
  it('a valid amount shows nothing', () => {
    expect(visibleError(form('100', '900'), 'ready')).toEqual({ field: null, reason: null });
  });

  it('a typed error shows under the field, and nothing beside Confirm', () => {
    const shown = visibleError(form('abc', '900'), 'ready');
    expect(shown.field?.code).toBe('notANumber');
    expect(shown.reason).toBeNull();
    // Over the limit is a field error too (the field offers "Use max" beside it).
    expect(visibleError(form('901', '900'), 'ready').field?.code).toBe('overLimit');
  });

  it('an empty field is not scolded: "Enter an amount" explains the disabled Confirm instead', () => {
    for (const text of ['', '   ']) {
      const shown = visibleError(form(text, '900'), 'ready');
      expect(shown.field).toBeNull();
      expect(shown.reason).toMatchObject({ kind: 'amount', error: { code: 'empty' } });
    }
  });

  it('with nothing available, an untouched field says so beside Confirm (max 0 → "No USDT available…")', () => {
    const shown = visibleError(form('', '0'), 'ready');
    expect(shown.field).toBeNull();
    expect(shown.reason).toMatchObject({ kind: 'amount', error: { code: 'noneAvailable', params: { asset: 'USDT' } } });
  });

  it('while the limits load, an amount typed early is neither marked invalid nor explained', () => {
    const shown = visibleError(form('5', null), 'loading');
    expect(shown).toEqual({ field: null, reason: null });
    // Before the limits are ready, an empty field is not explained either.
    expect(visibleError(form('', null), 'loading')).toEqual({ field: null, reason: null });
  });

  it('a removal near liquidation not yet acknowledged is said beside Confirm; a stale price comes first', () => {
    const near = { ...form('900', '900'), awaitingAcknowledgement: true };
    expect(visibleError(near, 'ready')).toEqual({ field: null, reason: { kind: 'risk' } });
    expect(visibleError({ ...near, blockedByStalePrice: true }, 'ready').reason).toEqual({ kind: 'stale' });
    expect(visibleError({ ...near, awaitingAcknowledgement: false }, 'ready').reason).toBeNull();
  });

  it('a stale price blocking Remove is said beside Confirm, alongside a field error', () => {
    expect(visibleError(form('100', '900', true), 'ready')).toEqual({ field: null, reason: { kind: 'stale' } });
    const both = visibleError(form('abc', '900', true), 'ready');
    expect(both.field?.code).toBe('notANumber');
    expect(both.reason).toEqual({ kind: 'stale' });
  });
});
