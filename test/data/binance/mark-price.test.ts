// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBinanceSource } from '../../../src/data/binance/source';
import type { WebSocketLike } from '../../../src/data/binance/options';
import type { FeedStatus, MarkPriceUpdate } from '../../../src/engine/types';
import { collector, startHarness, type Harness } from './harness';

let harness: Harness | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await harness?.dispose();
  harness = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('subscribeMarkPrice over a real WebSocket', () => {
  it('delivers markPriceUpdate frames as {symbol, markPrice, eventTime}', async () => {
    harness = await startHarness('usdm');
    const { server, source } = harness;
    const prices = collector<MarkPriceUpdate>();
    const stop = source.subscribeMarkPrice('BTCUSDT', prices.push);
    await server.waitForSubscription('btcusdt@markPrice@1s');
    server.pushMark('BTCUSDT', '11794.15000000', 1562305380000);
    expect(await prices.next(1)).toEqual({ symbol: 'BTCUSDT', markPrice: '11794.15000000', eventTime: 1562305380000 });
    stop();
  });

  it('shares one socket between symbols and listeners; SUBSCRIBE once per symbol, UNSUBSCRIBE when it has no listener', async () => {
    harness = await startHarness('coinm');
    const { server, source } = harness;
    const a = collector<MarkPriceUpdate>();
    const b = collector<MarkPriceUpdate>();
    const eth = collector<MarkPriceUpdate>();
    const stopA = source.subscribeMarkPrice('BTCUSD_PERP', a.push);
    const stopB = source.subscribeMarkPrice('BTCUSD_PERP', b.push);
    const stopEth = source.subscribeMarkPrice('ETHUSD_PERP', eth.push);
    await server.waitForSubscription('ethusd_perp@markPrice@1s');
    await server.waitForSubscription('btcusd_perp@markPrice@1s');
    expect(server.marketConnectionsTotal()).toBe(1);
    expect(harness.sockets).toHaveLength(1);

    server.pushMark('BTCUSD_PERP', '61000.1');
    server.pushMark('ETHUSD_PERP', '3050.25');
    expect((await a.next(1)).markPrice).toBe('61000.1');
    expect((await b.next(1)).markPrice).toBe('61000.1');
    expect((await eth.next(1)).markPrice).toBe('3050.25');

    stopA();
    stopA(); // twice is harmless
    server.pushMark('BTCUSD_PERP', '61001.2');
    expect((await b.next(2)).markPrice).toBe('61001.2');
    expect(a.values).toHaveLength(1);

    stopB();
    await server.waitFor(() => server.wsRequests.some((r) => r.method === 'UNSUBSCRIBE'));
    expect(server.wsRequests.filter((r) => r.method === 'UNSUBSCRIBE')).toEqual([
      { method: 'UNSUBSCRIBE', params: ['btcusd_perp@markPrice@1s'] },
    ]);
    const subscribed = server.wsRequests.filter((r) => r.method === 'SUBSCRIBE').flatMap((r) => r.params);
    expect(subscribed.sort()).toEqual(['btcusd_perp@markPrice@1s', 'ethusd_perp@markPrice@1s']);
    expect(server.openMarketSockets()).toBe(1);
    stopEth();
    await server.waitFor(() => server.openMarketSockets() === 0);
  });

  it('on a drop reports reconnecting, reconnects with backoff, resubscribes, and reports live with the next price', async () => {
    harness = await startHarness('usdm');
    const { server, source } = harness;
    const prices = collector<MarkPriceUpdate>();
    const statuses = collector<FeedStatus>();
    const stopStatus = source.subscribeFeedStatus(statuses.push);
    const stop = source.subscribeMarkPrice('ETHUSDT', prices.push);
    await server.waitForSubscription('ethusdt@markPrice@1s');
    server.pushMark('ETHUSDT', '3050.50000000');
    await prices.next(1);
    expect(statuses.values).toEqual([]);

    server.dropSockets();
    expect(await statuses.next(1)).toBe('reconnecting');
    // A late status listener hears the current state at once.
    const late: FeedStatus[] = [];
    const stopLate = source.subscribeFeedStatus((s) => late.push(s));
    expect(late).toEqual(['reconnecting']);

    await server.waitForSubscription('ethusdt@markPrice@1s');
    expect(server.marketConnectionsTotal()).toBe(2);
    expect(statuses.values).toEqual(['reconnecting']); // not live until a price arrives
    server.pushMark('ETHUSDT', '3051.00000000');
    expect((await prices.next(2)).markPrice).toBe('3051.00000000');
    expect(statuses.values).toEqual(['reconnecting', 'live']);
    expect(late).toEqual(['reconnecting', 'live']);
    stopLate();
    stopStatus();
    stop();
  });

  it('keeps retrying while the server refuses, then recovers', async () => {
    harness = await startHarness('usdm');
    const { server, source } = harness;
    const statuses: FeedStatus[] = [];
    source.subscribeFeedStatus((s) => statuses.push(s));
    const prices = collector<MarkPriceUpdate>();
    const stop = source.subscribeMarkPrice('BTCUSDT', prices.push);
    await server.waitForSubscription('btcusdt@markPrice@1s');
    // Each new connection is dropped at once, three times in a row.
    let drops = 0;
    const interval = setInterval(() => {
      if (drops < 3 && server.marketConnectionsTotal() === drops + 1 && server.openMarketSockets() > 0) {
        server.dropSockets();
        drops += 1;
      }
    }, 2);
    await server.waitFor(() => drops === 3);
    clearInterval(interval);
    await server.waitForSubscription('btcusdt@markPrice@1s');
    server.pushMark('BTCUSDT', '61000.00000000');
    await prices.next(1);
    expect(statuses[0]).toBe('reconnecting');
    expect(statuses.at(-1)).toBe('live');
    expect(server.marketConnectionsTotal()).toBe(4);
    stop();
  });

  it('last unsubscribe closes the socket; a pending reconnection is cancelled', async () => {
    harness = await startHarness('usdm', { reconnect: { initialDelayMs: 150, maxDelayMs: 150 } });
    const { server, source } = harness;
    const stop = source.subscribeMarkPrice('BTCUSDT', () => {});
    await server.waitForSubscription('btcusdt@markPrice@1s');
    server.dropSockets();
    await server.waitFor(() => harness!.sockets[0]!.readyState === 3);
    stop(); // while the 150 ms reconnection timer is pending
    await sleep(300);
    expect(server.marketConnectionsTotal()).toBe(1);
    expect(harness.sockets).toHaveLength(1);

    const stop2 = source.subscribeMarkPrice('BTCUSDT', () => {});
    await server.waitForSubscription('btcusdt@markPrice@1s');
    stop2();
    await server.waitFor(() => server.openMarketSockets() === 0);
    expect(harness.sockets.every((s) => s.readyState === 3)).toBe(true);
  });
});

/** An in-memory WebSocket for counting timers exactly (fake timers and real sockets do not mix). */
class FakeSocket implements WebSocketLike {
  readyState = 0;
  onopen: WebSocketLike['onopen'] = null;
  onmessage: WebSocketLike['onmessage'] = null;
  onclose: WebSocketLike['onclose'] = null;
  onerror: WebSocketLike['onerror'] = null;
  sent: string[] = [];
  constructor(readonly url: string) {}
  send(data: string): void {
    this.sent.push(data);
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
}

describe('timers (fake socket, fake timers)', () => {
  it('backs off exponentially up to the maximum and leaves no timer after the last unsubscribe', async () => {
    vi.useFakeTimers();
    const sockets: FakeSocket[] = [];
    const source = createBinanceSource({
      market: 'usdm',
      request: () => Promise.reject(new Error('unused')),
      webSocket: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket;
      },
      streamUrl: 'wss://fstream.example/ws',
      reconnect: { initialDelayMs: 100, maxDelayMs: 400 },
    });
    const stop = source.subscribeMarkPrice('BTCUSDT', () => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(sockets).toHaveLength(1);
    sockets[0]!.open();
    expect(JSON.parse(sockets[0]!.sent[0]!)).toEqual({ method: 'SUBSCRIBE', params: ['btcusdt@markPrice@1s'], id: 1 });

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
    sockets.at(-1)!.drop();
    expect(vi.getTimerCount()).toBe(1);
    stop();
    expect(vi.getTimerCount()).toBe(0);
    expect(sockets.every((s) => s.readyState === 3)).toBe(true);
    source.close();
  });

  it('skips malformed frames and SUBSCRIBE replies', async () => {
    const sockets: FakeSocket[] = [];
    const source = createBinanceSource({
      market: 'usdm',
      request: () => Promise.reject(new Error('unused')),
      webSocket: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket;
      },
      streamUrl: 'wss://fstream.example/ws',
    });
    const prices: MarkPriceUpdate[] = [];
    const stop = source.subscribeMarkPrice('btcusdt', (u) => prices.push(u));
    await Promise.resolve();
    const socket = sockets[0]!;
    socket.open();
    socket.onmessage?.({ data: '{"result":null,"id":1}' });
    socket.onmessage?.({ data: '{"e":"markPriceUpdate","E":1,"s":"BTCUSDT","p":"not a number"}' });
    socket.onmessage?.({ data: '<html>' });
    socket.onmessage?.({ data: '{"e":"markPriceUpdate","E":2,"s":"BTCUSDT","p":"61000.5"}' });
    expect(prices).toEqual([{ symbol: 'BTCUSDT', markPrice: '61000.5', eventTime: 2 }]);
    stop();
    source.close();
  });

  it('adjustMargin clears its timeout timer when the request settles', async () => {
    vi.useFakeTimers();
    const source = createBinanceSource({
      market: 'usdm',
      request: async () => ({ amount: 1, code: 200, msg: 'Successfully modify position margin.', type: 1 }),
      webSocket: (url) => new FakeSocket(url),
      streamUrl: 'wss://fstream.example/ws',
    });
    await source.adjustMargin({
      symbol: 'BTCUSDT',
      positionSide: 'BOTH',
      type: 'ADD',
      amount: '1',
      clientRequestId: 'x',
    });
    expect(vi.getTimerCount()).toBe(0);
    source.close();
  });
});
