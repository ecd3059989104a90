import { describe, expect, it } from 'vitest';
import { LinkProblem, loadProblemReason } from '../../src/demo/linkProblem';
import {
  decodeScenario,
  hashWithScenario,
  scenarioFromHash,
  staleAfterMsFromQuery,
  throttleMsFromQuery,
  type DemoScenario,
} from '../../src/demo/scenario';
import { defaultScenario } from '../../src/data/simulated';

/** The demo's own scenario: the default exchange state and the page's settings. */
function scenario(): DemoScenario {
  return { v: 1, state: defaultScenario(), theme: 'dark', locale: 'en', running: true, feed: 'live' };
}

/** A hand-made link value: any JSON, as base64url. */
function link(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** The problem decodeScenario throws for a link value. */
function problemOf(text: string): LinkProblem {
  try {
    decodeScenario(text);
  } catch (e) {
    expect(e).toBeInstanceOf(LinkProblem);
    return e as LinkProblem;
  }
  throw new Error('expected the link to be refused');
}

/** A link of the default scenario after `edit`. */
function edited(edit: (s: DemoScenario & { state: Record<string, unknown> }) => void): string {
  const s = scenario() as DemoScenario & { state: Record<string, unknown> };
  edit(s);
  return link(s);
}

describe('the demo’s own link', () => {
  it('round-trips: the hash written is read back as the same scenario', () => {
    const hash = hashWithScenario(scenario());
    expect(hash).toMatch(/^#scenario=[\w-]+$/);
    expect(decodeScenario(scenarioFromHash(hash)!)).toEqual(scenario());
  });
});

describe('a hand-made link is read field by field', () => {
  it('drops unknown keys, however deep: nothing of them reaches the exchange', () => {
    const n = 50_000;
    const deep = `${'{"x":'.repeat(n)}"leaf"${'}'.repeat(n)}`;
    const json = JSON.stringify(scenario()).replace('"positions":[{', `"extra":${deep},"positions":[{"extra":${deep},`);
    expect(json.length).toBeGreaterThan(12 * n);
    const read = decodeScenario(Buffer.from(json, 'utf8').toString('base64url'));
    expect(read.state).toEqual(defaultScenario());
    expect(() => JSON.stringify(read)).not.toThrow(); // a deep key kept would overflow the stack here
  });

  it('refuses a latency beyond the playground’s field, naming the setting and quoting the value', () => {
    const p = problemOf(edited((s) => (s.state.latencyMs = 1e9)));
    expect([p.sentence, p.value]).toEqual(['latencyMs must be 0 to 10000 ms, as in the playground', '1000000000']);
  });

  it.each([
    ['timeoutMs', 60_001, 'timeoutMs must be 0 to 60000 ms, as in the playground'],
    ['rateHz', 1000, 'rateHz must be 0.1 to 50 Hz, as in the playground'],
  ])('refuses %s = %s', (key, value, sentence) => {
    expect(problemOf(edited((s) => (s.state[key] = value))).sentence).toBe(sentence);
  });

  it('refuses a walk step beyond 100000 ticks', () => {
    const p = problemOf(
      edited((s) => ((s.state.markets as Record<string, { maxStepTicks: number }>).BTCUSDT!.maxStepTicks = 1e300)),
    );
    expect(p.sentence).toMatch(/maxStepTicks must be 0 to 100000/);
  });

  it('refuses more than 500 markets', () => {
    const p = problemOf(
      edited((s) => {
        const markets = s.state.markets as Record<string, unknown>;
        for (let i = 0; i < 10_000; i++) markets[`IDLE${i}`] = { markPrice: '1', pricePrecision: 0, maxStepTicks: 1 };
      }),
    );
    // 7 markets of the default scenario + 10 000
    expect([p.sentence, p.value]).toEqual(['the markets may hold at most 500 symbols', '10007']);
  });

  it.each([
    ['a bidi override', 'BTC\u202EUSDT'],
    ['markup', '<img src=x onerror="window.__pwned=1">'],
    ['a comma', 'BTC,USDT'],
    ['U+0000', 'BTC\u0000'],
  ])('refuses a symbol with %s, keeping the value for the quote', (_, symbol) => {
    const p = problemOf(
      edited((s) => {
        const markets = s.state.markets as Record<string, unknown>;
        markets[symbol] = markets.BTCUSDT;
      }),
    );
    expect(p.sentence).toBe('market 8 is not a name (letters, digits, _ - / : . only)');
    expect(p.value).toBe(symbol);
  });

  it('refuses a 10 KB market key; the banner quotes 40 characters of it', () => {
    const key = 'A'.repeat(10_000);
    const p = problemOf(
      edited((s) => {
        (s.state.markets as Record<string, unknown>)[key] = { markPrice: '1', pricePrecision: 0, maxStepTicks: 1 };
      }),
    );
    expect(p.sentence).toBe('market 8 is longer than 40 characters');
    expect(loadProblemReason(p).quoted).toBe(`${'A'.repeat(40)}…`);
  });

  it.each([
    [
      'a null market',
      (s: Record<string, unknown>) => ((s.markets as Record<string, unknown>).BTCUSDT = null),
      'market 1 is not an object',
    ],
    [
      'brackets [null]',
      (s: Record<string, unknown>) => (firstPosition(s).brackets = [null]),
      'position 1, bracket 1 is not an object',
    ],
    [
      'brackets [{}]',
      (s: Record<string, unknown>) => (firstPosition(s).brackets = [{}]),
      'position 1, bracket 1: notionalFloor is not a decimal string',
    ],
    [
      'a notionalCap of "Infinity"',
      (s: Record<string, unknown>) =>
        ((firstPosition(s).brackets as { notionalCap: string }[])[0]!.notionalCap = 'Infinity'),
      'position 1, bracket 1: notionalCap is not a plain decimal number',
    ],
    [
      'a size of 101 characters',
      (s: Record<string, unknown>) => (firstPosition(s).positionAmt = `0.${'1'.repeat(99)}`),
      'position 1: positionAmt is longer than 100 characters',
    ],
    ['a null account', (s: Record<string, unknown>) => (s.account = null), 'the account is not an object'],
  ])('refuses %s with a sentence of its own, never a JavaScript error', (_, edit, sentence) => {
    expect(problemOf(edited((s) => edit(s.state))).sentence).toBe(sentence);
  });

  it('quotes what validateState names, never its raw message', () => {
    const p = problemOf(edited((s) => (firstPosition(s.state).positionSide = 'SHORT'))); // BTCUSDT LONG with a long size
    expect(p.sentence).toBe('the exchange state is not valid');
    expect(p.value).toBe('BTCUSDT/SHORT.positionAmt has the wrong sign for SHORT');
  });

  it('refuses a link longer than 1 000 000 characters before decoding it', () => {
    expect(problemOf('A'.repeat(1_000_001)).sentence).toBe('the link is longer than 1000000 characters');
  });
});

describe('loadProblemReason', () => {
  it('gives a fixed sentence for any other error, never its message', () => {
    const reason = loadProblemReason(new TypeError("Cannot read properties of null (reading 'x')"));
    expect(reason).toEqual({ sentence: 'the scenario could not be read', quoted: undefined });
  });
});

describe('query settings are capped to the playground’s bounds', () => {
  it('throttleMs: up to 5000 ms; absent or malformed, the kit’s default', () => {
    expect(throttleMsFromQuery('?throttleMs=99999')).toBe(5000);
    expect(throttleMsFromQuery('?throttleMs=1000')).toBe(1000);
    expect(throttleMsFromQuery('?throttleMs=0')).toBe(0);
    expect(throttleMsFromQuery('?throttleMs=-5')).toBeUndefined();
    expect(throttleMsFromQuery('')).toBeUndefined();
  });

  it('staleAfterMs: up to 60000 ms; 0 is the kit’s default', () => {
    expect(staleAfterMsFromQuery('?staleAfterMs=9999999')).toBe(60_000);
    expect(staleAfterMsFromQuery('?staleAfterMs=2000')).toBe(2000);
    expect(staleAfterMsFromQuery('?staleAfterMs=0')).toBeUndefined();
  });
});

function firstPosition(state: Record<string, unknown>): Record<string, unknown> {
  return (state.account as { positions: Record<string, unknown>[] }).positions[0]!;
}
