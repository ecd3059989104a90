// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createBinanceSource } from '../../../src/data/binance/source';
import type { FeedStatus, MarkPriceUpdate } from '../../../src/engine/types';
import { createHttpRequest, type RecordedFrame } from '../../support/binance-server';
import { collector, startHarness, type Harness } from './harness';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const frames = (h: Harness, method?: string) =>
  h.server.wsRequests
    .filter((r) => method === undefined || r.method === method)
    .map(({ method: m, params }: RecordedFrame) => ({ method: m, params }));

describe('subscribeMarkPrice over a real WebSocket', () => {
  it('connects to <root>/market/ws on USDⓈ-M and delivers markPriceUpdate frames as {symbol, markPrice, eventTime}', async () => {
    harness = await startHarness('usdm');
    const { server, source } = harness;
    const prices = collector<MarkPriceUpdate>();
    const stop = source.subscribeMarkPrice('BTCUSDT', prices.push);
    await server.waitForSubscription('btcusdt@markPrice@1s');
    expect(harness.sockets[0]!.url).toBe(`${server.streamBaseUrl}/market/ws`);
    server.pushMark('BTCUSDT', '11794.15000000', 1562305380000);
    expect(await prices.next(1)).toEqual({ symbol: 'BTCUSDT', markPrice: '11794.15000000', eventTime: 1562305380000 });
    stop();
  });

  it('shares one socket (<root>/ws on COIN-M); symbols asked for in one task go in one SUBSCRIBE; UNSUBSCRIBE when a symbol has no listener', async () => {
    harness = await startHarness('coinm');
    const { server, source } = harness;
    const a = collector<MarkPriceUpdate>();
    const b = collector<MarkPriceUpdate>();
    const eth = collector<MarkPriceUpdate>();
    const stopA = source.subscribeMarkPrice('BTCUSD_PERP', a.push);
    const stopB = source.subscribeMarkPrice('BTCUSD_PERP', b.push);
    const stopEth = source.subscribeMarkPrice('ETHUSD_PERP', eth.push);
    await server.waitForSubscription('ethusd_perp@markPrice@1s');
    expect(harness.sockets.map((s) => s.url)).toEqual([`${server.streamBaseUrl}/ws`]);
    expect(frames(harness)).toEqual([
      { method: 'SUBSCRIBE', params: ['btcusd_perp@markPrice@1s', 'ethusd_perp@markPrice@1s'] },
    ]);

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
    expect(frames(harness, 'UNSUBSCRIBE')).toEqual([{ method: 'UNSUBSCRIBE', params: ['btcusd_perp@markPrice@1s'] }]);
    expect(server.openMarketSockets()).toBe(1);
    stopEth();
    await server.waitFor(() => server.openMarketSockets() === 0);
  });

  it('12 symbols asked for at once cost one SUBSCRIBE frame', async () => {
    harness = await startHarness('usdm');
    const { server, source } = harness;
    const symbols = Array.from({ length: 12 }, (_, i) => `S${i}USDT`);
    const stops = symbols.map((symbol) => source.subscribeMarkPrice(symbol, () => {}));
    await server.waitForSubscription('s11usdt@markPrice@1s');
    expect(frames(harness)).toEqual([
      { method: 'SUBSCRIBE', params: symbols.map((s) => `${s.toLowerCase()}@markPrice@1s`) },
    ]);
    for (const stop of stops) stop();
  });

  it('12 symbols asked for one by one never exceed 5 frames a second, and the server keeps the connection', async () => {
    harness = await startHarness('usdm');
    const { server, source } = harness;
    const stops: (() => void)[] = [];
    for (let i = 0; i < 12; i += 1) {
      stops.push(source.subscribeMarkPrice(`S${i}USDT`, () => {}));
      await sleep(3);
    }
    await server.waitForSubscription('s11usdt@markPrice@1s', 4000);
    const at = server.wsRequests.map((r) => r.at);
    for (const t of at) expect(at.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(5);
    expect(server.rateDrops()).toBe(0);
    expect(server.marketConnectionsTotal()).toBe(1);
    for (const stop of stops) stop();
  });

  it('above allMarketAbove symbols, USDⓈ-M switches to !markPrice@arr@1s, and back below it', async () => {
    harness = await startHarness('usdm', { allMarketAbove: 3 });
    const { server, source } = harness;
    const prices = collector<MarkPriceUpdate>();
    const stops = ['BTCUSDT', 'ETHUSDT', 'SOLUSDT'].map((s) => source.subscribeMarkPrice(s, prices.push));
    await server.waitForSubscription('solusdt@markPrice@1s');
    const stopXrp = source.subscribeMarkPrice('XRPUSDT', prices.push);
    await server.waitForSubscription('!markPrice@arr@1s');
    expect(frames(harness).slice(1)).toEqual([
      { method: 'UNSUBSCRIBE', params: ['btcusdt@markPrice@1s', 'ethusdt@markPrice@1s', 'solusdt@markPrice@1s'] },
      { method: 'SUBSCRIBE', params: ['!markPrice@arr@1s'] },
    ]);
    server.pushMark('XRPUSDT', '0.52100000');
    server.pushMark('BTCUSDT', '61000.50000000');
    await prices.next(2);
    expect(prices.values.map((u) => [u.symbol, u.markPrice])).toEqual([
      ['XRPUSDT', '0.52100000'],
      ['BTCUSDT', '61000.50000000'],
    ]);

    stopXrp();
    await server.waitForSubscription('btcusdt@markPrice@1s');
    expect(frames(harness).slice(3)).toEqual([
      { method: 'UNSUBSCRIBE', params: ['!markPrice@arr@1s'] },
      { method: 'SUBSCRIBE', params: ['btcusdt@markPrice@1s', 'ethusdt@markPrice@1s', 'solusdt@markPrice@1s'] },
    ]);
    for (const stop of stops) stop();
  });

  it('above allMarketAbove symbols, COIN-M subscribes one <pair>@markPrice@1s per pair', async () => {
    harness = await startHarness('coinm', { allMarketAbove: 1 });
    const { server, source } = harness;
    const prices = collector<MarkPriceUpdate>();
    const stops = ['BTCUSD_PERP', 'BTCUSD_250926'].map((s) => source.subscribeMarkPrice(s, prices.push));
    await server.waitForSubscription('btcusd@markPrice@1s');
    expect(frames(harness)).toEqual([{ method: 'SUBSCRIBE', params: ['btcusd@markPrice@1s'] }]);
    server.pushMark('BTCUSD_250926', '61500.1');
    server.pushMark('BTCUSD_PERP', '61000.2');
    await prices.next(2);
    expect(prices.values.map((u) => u.symbol)).toEqual(['BTCUSD_250926', 'BTCUSD_PERP']);
    for (const stop of stops) stop();
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

  it('a socket silent for silentAfterMs is reported as an outage and reconnected', async () => {
    harness = await startHarness('usdm', { silentAfterMs: 150 });
    const { server, source } = harness;
    const prices = collector<MarkPriceUpdate>();
    const statuses = collector<FeedStatus>();
    source.subscribeFeedStatus(statuses.push);
    const stop = source.subscribeMarkPrice('BTCUSDT', prices.push);
    await server.waitForSubscription('btcusdt@markPrice@1s');
    server.pushMark('BTCUSDT', '61000.00000000');
    await prices.next(1);
    // The server stays open but sends nothing more.
    expect(await statuses.next(1)).toBe('reconnecting');
    await server.waitFor(() => server.marketConnectionsTotal() === 2);
    await server.waitForSubscription('btcusdt@markPrice@1s');
    server.pushMark('BTCUSDT', '61001.00000000');
    expect((await prices.next(2)).markPrice).toBe('61001.00000000');
    expect(statuses.values).toEqual(['reconnecting', 'live']);
    stop();
  });

  it('pointed at the retired legacy URL (<root>/ws on USDⓈ-M), the feed reports an outage instead of saying live', async () => {
    harness = await startHarness('usdm');
    const { server } = harness;
    const legacy = createBinanceSource({
      market: 'usdm',
      request: createHttpRequest(server.url),
      webSocket: (url) => new WebSocket(url),
      streamUrl: `${server.streamBaseUrl}/ws`,
      reconnect: { initialDelayMs: 1000, maxDelayMs: 1000 },
    });
    const statuses = collector<FeedStatus>();
    legacy.subscribeFeedStatus(statuses.push);
    legacy.subscribeMarkPrice('BTCUSDT', () => {});
    expect(await statuses.next(1)).toBe('reconnecting');
    expect(server.openMarketSockets()).toBe(0);
    legacy.close();
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
