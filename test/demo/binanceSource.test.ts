// @vitest-environment node
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createBinanceProxy } from '../../examples/binance-proxy/proxy.mjs';
import type { BinanceSource } from '../../src/binance';
import { binanceQuery, binanceSourceFor } from '../../src/demo/binanceSource';
import type { MarkPriceUpdate } from '../../src/engine/types';
import { startBinanceServer, type BinanceTestServer } from '../support/binance-server';

describe('binanceQuery: which source the demo link asks for', () => {
  it('keeps the simulated exchange unless source=binance', () => {
    expect(binanceQuery('')).toEqual({ kind: 'simulated' });
    expect(binanceQuery('?throttleMs=0&rest=http://127.0.0.1:8787')).toEqual({ kind: 'simulated' });
  });

  it('reads rest, ws and market', () => {
    expect(binanceQuery('?source=binance&rest=http://127.0.0.1:8787/&ws=wss://fstream.binance.com')).toEqual({
      kind: 'binance',
      market: 'usdm',
      rest: 'http://127.0.0.1:8787',
      ws: 'wss://fstream.binance.com',
    });
    expect(binanceQuery('?source=binance&market=coinm&rest=https://proxy.example/binance')).toEqual({
      kind: 'binance',
      market: 'coinm',
      rest: 'https://proxy.example/binance',
      ws: undefined,
    });
  });

  it.each([
    ['?source=binance', '"rest" (the proxy\'s URL) is missing'],
    ['?source=binance&rest=javascript:alert(1)', '"rest" must be an http:// or https:// URL'],
    ['?source=binance&rest=ws://127.0.0.1:8787', '"rest" must be an http:// or https:// URL'],
    ['?source=binance&rest=//evil.example', '"rest" must be an http:// or https:// URL'],
    ['?source=binance&rest=http://user:pw@127.0.0.1:8787', '"rest" must be an http:// or https:// URL'],
    ['?source=binance&rest=http://127.0.0.1:8787/?x=1', '"rest" must be an http:// or https:// URL'],
    [`?source=binance&rest=http://a.example/${'a'.repeat(3000)}`, '"rest" must be an http:// or https:// URL'],
    ['?source=binance&rest=http://127.0.0.1:8787&ws=https://fstream.binance.com', '"ws" must be a ws:// or wss:// URL'],
    ['?source=binance&rest=http://127.0.0.1:8787&ws=data:text/html,x', '"ws" must be a ws:// or wss:// URL'],
    ['?source=binance&rest=http://127.0.0.1:8787&market=spot', '"market" must be usdm or coinm'],
  ])('refuses %s: %s (never quoting the value)', (search, problem) => {
    expect(binanceQuery(search)).toEqual({ kind: 'refused', problem });
  });
});

describe('the demo’s Binance source, through the example proxy, against the loopback Binance', () => {
  let server: BinanceTestServer | undefined;
  let proxy: Server | undefined;
  let source: BinanceSource | undefined;
  afterEach(async () => {
    source?.close();
    if (proxy) await new Promise((resolve) => proxy!.close(resolve));
    await server?.close();
  });

  it('loads the account and streams mark prices', async () => {
    const credentials = { apiKey: 'demo-key', secretKey: 'demo-secret' };
    server = await startBinanceServer({ credentials });
    proxy = createBinanceProxy({ ...credentials, upstreams: { fapi: server.url, dapi: server.url } });
    await new Promise<void>((resolve) => proxy!.listen(0, '127.0.0.1', resolve));
    const rest = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const query = binanceQuery(`?source=binance&rest=${rest}&ws=${server.streamBaseUrl}`);
    if (query.kind !== 'binance') throw new Error(`expected a Binance query, got ${query.kind}`);
    source = binanceSourceFor(query, (url) => new WebSocket(url));

    const account = await source.getAccount();
    expect(account.positions.map((p) => p.symbol)).toEqual(['BTCUSDT', 'ETHUSDT', 'ETHUSDT', 'SOLUSDT']);

    const prices: MarkPriceUpdate[] = [];
    const stop = source.subscribeMarkPrice('BTCUSDT', (u) => prices.push(u));
    await server.waitForSubscription('btcusdt@markPrice@1s');
    server.pushMark('BTCUSDT', '61234.50000000', 7);
    await server.waitFor(() => prices.length === 1);
    expect(prices).toEqual([{ symbol: 'BTCUSDT', markPrice: '61234.50000000', eventTime: 7 }]);
    stop();
  });
});
