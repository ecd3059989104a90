// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WebSocketLike } from '../../../src/data/binance/options';
import { createBinanceSource, type BinanceSource } from '../../../src/data/binance/source';
import type { FeedStatus, MarkPriceUpdate } from '../../../src/engine/types';

/** An in-memory WebSocket for counting timers exactly (fake timers and real sockets do not mix). */
class FakeSocket implements WebSocketLike {
  readyState = 0;
  onopen: WebSocketLike['onopen'] = null;
  onmessage: WebSocketLike['onmessage'] = null;
  onclose: WebSocketLike['onclose'] = null;
  onerror: WebSocketLike['onerror'] = null;
  sent: { at: number; frame: { method: string; params: string[]; id: number } }[] = [];
  constructor(readonly url: string) {}
  send(data: string): void {
    this.sent.push({ at: Date.now(), frame: JSON.parse(data) as FakeSocket['sent'][number]['frame'] });
  }
  close(): void {
    this.readyState = 3;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop(): void {
    this.readyState = 3;
    this.onclose?.({});
  }
  message(data: string): void {
    this.onmessage?.({ data });
  }
}

let source: BinanceSource | undefined;
afterEach(() => {
  source?.close();
  source = undefined;
  vi.useRealTimers();
});

function fakeSource(overrides: Partial<Parameters<typeof createBinanceSource>[0]> = {}): {
  source: BinanceSource;
  sockets: FakeSocket[];
} {
  const sockets: FakeSocket[] = [];
  source = createBinanceSource({
    market: 'usdm',
    request: () => Promise.reject(new Error('unused')),
    webSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    ...overrides,
  });
  return { source, sockets };
}

const mark = (symbol: string, price: string, time: number) =>
  JSON.stringify({ e: 'markPriceUpdate', E: time, s: symbol, p: price });

describe('market stream timers (fake socket, fake timers)', () => {
  it('connects to wss://fstream.binance.com/market/ws by default', async () => {
    vi.useFakeTimers();
    const { source: s, sockets } = fakeSource();
    s.subscribeMarkPrice('BTCUSDT', () => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(sockets.map((socket) => socket.url)).toEqual(['wss://fstream.binance.com/market/ws']);
  });

  it('backs off exponentially up to the maximum and leaves no timer after the last unsubscribe', async () => {
    vi.useFakeTimers();
    const { source: s, sockets } = fakeSource({ reconnect: { initialDelayMs: 100, maxDelayMs: 400 } });
    const stop = s.subscribeMarkPrice('BTCUSDT', () => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(sockets).toHaveLength(1);
    sockets[0]!.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(sockets[0]!.sent.map((s) => s.frame)).toEqual([
      { method: 'SUBSCRIBE', params: ['btcusdt@markPrice@1s'], id: 1 },
    ]);

    const delays: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const before = sockets.length;
      sockets.at(-1)!.drop();
      let waited = 0;
      while (sockets.length === before) {
        await vi.advanceTimersByTimeAsync(50);
        waited += 50;
      }
      delays.push(waited);
    }
    expect(delays).toEqual([100, 200, 400, 400]);
    sockets.at(-1)!.open(); // success resets the backoff
    await vi.advanceTimersByTimeAsync(0);
    sockets.at(-1)!.drop();
    expect(vi.getTimerCount()).toBe(1); // the reconnection only
    stop();
    expect(vi.getTimerCount()).toBe(0);
    expect(sockets.every((socket) => socket.readyState === 3)).toBe(true);
  });

  it('silent for 5 s (the default): reported as an outage, the socket closed, a new one opened after the backoff', async () => {
    vi.useFakeTimers();
    const { source: s, sockets } = fakeSource();
    const statuses: FeedStatus[] = [];
    s.subscribeFeedStatus((status) => statuses.push(status));
    s.subscribeMarkPrice('BTCUSDT', () => {});
    await vi.advanceTimersByTimeAsync(0);
    sockets[0]!.open();
    await vi.advanceTimersByTimeAsync(4_000);
    sockets[0]!.message(mark('BTCUSDT', '61000.1', 1)); // a frame restarts the 5 s
    await vi.advanceTimersByTimeAsync(4_999);
    expect(statuses).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(statuses).toEqual(['reconnecting']);
    expect(sockets[0]!.readyState).toBe(3);
    await vi.advanceTimersByTimeAsync(499);
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1); // the default first backoff, 500 ms
    expect(sockets).toHaveLength(2);
    sockets[1]!.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(sockets[1]!.sent.map((x) => x.frame.params)).toEqual([['btcusdt@markPrice@1s']]);
    sockets[1]!.message(mark('BTCUSDT', '61000.2', 2));
    expect(statuses).toEqual(['reconnecting', 'live']);
  });

  it('a connection that never opens is restarted after silentAfterMs too', async () => {
    vi.useFakeTimers();
    const { source: s, sockets } = fakeSource({ silentAfterMs: 1_000, reconnect: { initialDelayMs: 100 } });
    const statuses: FeedStatus[] = [];
    s.subscribeFeedStatus((status) => statuses.push(status));
    s.subscribeMarkPrice('BTCUSDT', () => {});
    await vi.advanceTimersByTimeAsync(1_000);
    expect(statuses).toEqual(['reconnecting']);
    await vi.advanceTimersByTimeAsync(100);
    expect(sockets).toHaveLength(2);
  });

  it('one symbol a task: never more than 5 frames in any second, every symbol subscribed in the end', async () => {
    vi.useFakeTimers();
    const { source: s, sockets } = fakeSource();
    s.subscribeMarkPrice('S0USDT', () => {});
    await vi.advanceTimersByTimeAsync(0);
    sockets[0]!.open();
    for (let i = 1; i < 12; i += 1) {
      await vi.advanceTimersByTimeAsync(10);
      s.subscribeMarkPrice(`S${i}USDT`, () => {});
    }
    await vi.advanceTimersByTimeAsync(2_000);
    const sent = sockets[0]!.sent;
    for (const { at } of sent) expect(sent.filter((x) => x.at >= at && x.at < at + 1000).length).toBeLessThanOrEqual(5);
    const subscribed = sent.flatMap((x) => x.frame.params);
    expect(new Set(subscribed)).toEqual(new Set(Array.from({ length: 12 }, (_, i) => `s${i}usdt@markPrice@1s`)));
    // 5 frames in the first second (S0; S1…S4 one by one), then one frame with the 7 that waited.
    expect(sent.map((x) => x.frame.params.length)).toEqual([1, 1, 1, 1, 1, 7]);
  });

  it('a symbol asked for and dropped before the flush costs no frame', async () => {
    vi.useFakeTimers();
    const { source: s, sockets } = fakeSource();
    s.subscribeMarkPrice('BTCUSDT', () => {});
    await vi.advanceTimersByTimeAsync(0);
    sockets[0]!.open();
    await vi.advanceTimersByTimeAsync(0);
    const stopEth = s.subscribeMarkPrice('ETHUSDT', () => {});
    stopEth();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sockets[0]!.sent.map((x) => x.frame.params)).toEqual([['btcusdt@markPrice@1s']]);
  });

  it('reads every element of an all-market array frame and skips a garbled one; ignores replies and non-JSON', async () => {
    vi.useFakeTimers();
    const { source: s, sockets } = fakeSource();
    const prices: MarkPriceUpdate[] = [];
    s.subscribeMarkPrice('btcusdt', (u) => prices.push(u));
    s.subscribeMarkPrice('ETHUSDT', (u) => prices.push(u));
    await vi.advanceTimersByTimeAsync(0);
    const socket = sockets[0]!;
    socket.open();
    socket.message('{"result":null,"id":1}');
    socket.message('<html>');
    socket.message(
      JSON.stringify([
        { e: 'markPriceUpdate', E: 3, s: 'BTCUSDT', p: '61000.5' },
        { e: 'markPriceUpdate', E: 3, s: 'SOLUSDT', p: 'n/a' },
        { e: 'markPriceUpdate', E: 3, s: 'ETHUSDT', p: '3050.25' },
      ]),
    );
    expect(prices).toEqual([
      { symbol: 'BTCUSDT', markPrice: '61000.5', eventTime: 3 },
      { symbol: 'ETHUSDT', markPrice: '3050.25', eventTime: 3 },
    ]);
  });

  it('adjustMargin clears its timeout timer when the request settles', async () => {
    vi.useFakeTimers();
    const { source: s } = fakeSource({
      request: async () => ({ amount: 1, code: 200, msg: 'Successfully modify position margin.', type: 1 }),
    });
    await s.adjustMargin({ symbol: 'BTCUSDT', positionSide: 'BOTH', type: 'ADD', amount: '1', clientRequestId: 'x' });
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('user stream timers (fake socket, fake timers)', () => {
  it('opens <root>/private/ws?listenKey=…&events=ACCOUNT_UPDATE, extends the key every keepAliveMs, reconnects when the key changes', async () => {
    vi.useFakeTimers();
    const posted: string[] = [];
    let key = 'key-1';
    const { source: s, sockets } = fakeSource({
      request: async (method, path) => {
        posted.push(`${method} ${path}`);
        return { listenKey: key };
      },
      userStream: { keepAliveMs: 60_000 },
    });
    const stop = s.subscribeAccount(() => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(sockets.map((x) => x.url)).toEqual([
      'wss://fstream.binance.com/private/ws?listenKey=key-1&events=ACCOUNT_UPDATE',
    ]);
    sockets[0]!.open();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(posted).toEqual(['POST /fapi/v1/listenKey', 'POST /fapi/v1/listenKey']);
    expect(sockets).toHaveLength(1); // same key: nothing to do
    key = 'key-2';
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.advanceTimersByTimeAsync(500); // the first backoff
    expect(sockets.map((x) => x.url).at(-1)).toBe(
      'wss://fstream.binance.com/private/ws?listenKey=key-2&events=ACCOUNT_UPDATE',
    );
    stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('COIN-M: <root>/ws/<listenKey>', async () => {
    vi.useFakeTimers();
    const { source: s, sockets } = fakeSource({
      market: 'coinm',
      request: async () => ({ listenKey: 'abc' }),
      userStream: {},
    });
    s.subscribeAccount(() => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(sockets.map((x) => x.url)).toEqual(['wss://dstream.binance.com/ws/abc']);
  });
});
