import { describe, expect, it } from 'vitest';
import { createLiveAccount } from '../../../src/engine/liveAccount';
import { defaultMessages } from '../../../src/ui/messages';
import { tableColumns } from '../../../src/ui/table/columns';
import { liveTexts, rowConstants } from '../../../src/ui/table/rowCells';
import { accountOf, btcLong } from '../../support/fakeSource';

// A table left open all day (issue 15, memory): a row keeps the texts of its live cells for the
// last few mark prices only, however many distinct prices the day brings.

describe('a row of a table left open', () => {
  it('keeps the live texts of at most 4 mark prices through 1,000 distinct ones, and shows each price', () => {
    const live = createLiveAccount(accountOf([btcLong()]));
    const row = () => live.position('BTCUSDT', 'BOTH')!;
    const c = rowConstants(row(), defaultMessages, 'en', () => {}, tableColumns(['markPrice', 'margin']));

    for (let i = 1; i <= 1000; i++) {
      live.applyTick('BTCUSDT', String(62000 + i));
      const texts = liveTexts(c, row(), 'en');
      // The mark at the symbol's 2 decimals, grouped as en writes it.
      expect(texts.mark).toBe(`${(62000 + i).toLocaleString('en')}.00`);
      expect(c.texts.size).toBeLessThanOrEqual(4);
    }
    // A price walking back to one just seen reads the kept texts, not new ones.
    const kept = c.texts.get('62999');
    live.applyTick('BTCUSDT', '62999');
    expect(liveTexts(c, row(), 'en')).toBe(kept);
    expect(c.texts.size).toBe(4);
  });
});
