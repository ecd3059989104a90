// @vitest-environment node
import { spawn, type ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createBinanceProxy, ROUTES } from '../../examples/binance-proxy/proxy.mjs';
import { freePort } from '../../scripts/free-port.mjs';
import { createProxyRequest } from '../../src/data/binance/proxy-request';
import { createBinanceSource, type BinanceSource } from '../../src/data/binance/source';
import type { AccountSnapshot } from '../../src/engine/types';
import { startBinanceServer, type BinanceTestServer, type ServerMarket } from '../support/binance-server';

const credentials = { apiKey: 'test-api-key', secretKey: 'test-secret-key-never-sent-to-a-browser' };

let server: BinanceTestServer | undefined;
let proxy: Server | undefined;
let source: BinanceSource | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  source?.close();
  source = undefined;
  child?.kill();
  child = undefined;
  if (proxy) await new Promise((resolve) => proxy!.close(resolve));
  proxy = undefined;
  await server?.close();
  server = undefined;
});

/** A loopback Binance that checks signatures, and the example proxy in front of it. */
async function start(market: ServerMarket = 'usdm'): Promise<{ server: BinanceTestServer; proxyUrl: string }> {
  server = await startBinanceServer({ market, credentials });
  proxy = createBinanceProxy({ ...credentials, upstreams: { fapi: server.url, dapi: server.url } });
  await new Promise<void>((resolve) => proxy!.listen(0, '127.0.0.1', resolve));
  return { server, proxyUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` };
}

function sourceThrough(proxyUrl: string, market: ServerMarket = 'usdm'): BinanceSource {
  source = createBinanceSource({
    market,
    request: createProxyRequest(proxyUrl),
    webSocket: (url) => new WebSocket(url),
    streamBaseUrl: server!.streamBaseUrl,
    userStream: {},
    reconnect: { initialDelayMs: 20, maxDelayMs: 200 },
  });
  return source;
}

function next<T>(values: T[], count: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const since = Date.now();
    const poll = (): void => {
      if (values.length >= count) resolve(values[count - 1]!);
      else if (Date.now() - since > 3000) reject(new Error(`expected ${count} values, got ${values.length}`));
      else setTimeout(poll, 5);
    };
    poll();
  });
}

describe('examples/binance-proxy end to end, against the loopback Binance (which checks every signature)', () => {
  it('USDⓈ-M: the kit loads the account, adjusts margin and hears the ACCOUNT_UPDATE, all through the proxy', async () => {
    const { server: binance, proxyUrl } = await start('usdm');
    const kit = sourceThrough(proxyUrl);
    const account = await kit.getAccount();
    expect(account.positions.map((p) => `${p.symbol}:${p.positionSide}`)).toEqual([
      'BTCUSDT:BOTH',
      'ETHUSDT:LONG',
      'ETHUSDT:SHORT',
      'SOLUSDT:BOTH',
    ]);
    expect(account.unavailable).toEqual([]);

    const updates: AccountSnapshot[] = [];
    const stop = kit.subscribeAccount((a) => updates.push(a));
    await binance.waitFor(() => binance.openUserSockets() === 1);
    await kit.adjustMargin({
      symbol: 'BTCUSDT',
      positionSide: 'BOTH',
      type: 'ADD',
      amount: '100.5',
      clientRequestId: 'through-the-proxy',
    });
    // 3050.12345678 + 100.5
    expect(binance.state.positions[0]!.isolatedWallet).toBe('3150.62345678');
    expect((await next(updates, 1)).positions[0]).toMatchObject({ symbol: 'BTCUSDT', isolatedWallet: '3150.62345678' });
    stop();

    // Every request reached Binance with the API key; the signed ones carried the proxy's timestamp.
    expect(binance.requests.every((r) => r.path === '/fapi/v1/exchangeInfo' || r.apiKey === credentials.apiKey)).toBe(
      true,
    );
    const margin = binance.requests.find((r) => r.path === '/fapi/v1/positionMargin')!;
    expect(Object.keys(margin.params).sort()).toEqual(
      ['amount', 'positionSide', 'recvWindow', 'signature', 'symbol', 'timestamp', 'type'].sort(),
    );
  });

  it('signed with another secret, Binance refuses the request (-1022): the proxy really signs', async () => {
    server = await startBinanceServer({ credentials });
    proxy = createBinanceProxy({
      ...credentials,
      secretKey: 'wrong',
      upstreams: { fapi: server.url, dapi: server.url },
    });
    await new Promise<void>((resolve) => proxy!.listen(0, '127.0.0.1', resolve));
    const request = createProxyRequest(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`);
    await expect(request('GET', '/fapi/v3/account', {})).rejects.toMatchObject({ status: 400, code: -1022 });
  });

  it('COIN-M through the same proxy: /dapi paths, signed', async () => {
    const { proxyUrl } = await start('coinm');
    const account = await sourceThrough(proxyUrl, 'coinm').getAccount();
    expect(account.positions.map((p) => p.symbol)).toEqual(['BTCUSD_PERP', 'ETHUSD_PERP', 'BTCUSD_250926']);
  });

  it('forwards exactly the endpoints the kit uses (plus listen-key create and keep-alive), nothing else', async () => {
    const { server: binance, proxyUrl } = await start();
    expect([...ROUTES.keys()].filter((route) => route.includes('/fapi/'))).toEqual([
      'GET /fapi/v3/account',
      'GET /fapi/v3/positionRisk',
      'GET /fapi/v1/symbolConfig',
      'GET /fapi/v1/leverageBracket',
      'GET /fapi/v1/exchangeInfo',
      'POST /fapi/v1/positionMargin',
      'POST /fapi/v1/listenKey',
      'PUT /fapi/v1/listenKey',
    ]);
    const order = await fetch(`${proxyUrl}/fapi/v1/order?symbol=BTCUSDT&side=BUY&type=MARKET&quantity=1`, {
      method: 'POST',
    });
    expect(order.status).toBe(404);
    const withdraw = await fetch(`${proxyUrl}/sapi/v1/asset/transfer?type=UMFUTURE_MAIN&asset=USDT&amount=1`, {
      method: 'POST',
    });
    expect(withdraw.status).toBe(404);
    const keepAlive = await fetch(`${proxyUrl}/fapi/v1/listenKey`, { method: 'PUT' });
    expect(keepAlive.status).toBe(200);
    expect(binance.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['PUT /fapi/v1/listenKey']);
  });

  it('a signature or timestamp sent by the browser is dropped; the proxy signs with its own', async () => {
    const { server: binance, proxyUrl } = await start();
    const answer = await fetch(`${proxyUrl}/fapi/v3/account?timestamp=1&signature=${'ab'.repeat(32)}`);
    expect(answer.status).toBe(200);
    expect(binance.requests[0]!.params.timestamp).not.toBe('1');
  });

  it('passes a 429 and its Retry-After through; createProxyRequest reads it', async () => {
    const { server: binance, proxyUrl } = await start();
    binance.failNext('/fapi/v3/positionRisk', {
      status: 429,
      body: { code: -1003, msg: 'Too many requests.' },
      headers: { 'retry-after': '7' },
    });
    await expect(createProxyRequest(proxyUrl)('GET', '/fapi/v3/positionRisk', {})).rejects.toMatchObject({
      status: 429,
      code: -1003,
      msg: 'Too many requests.',
      retryAfter: 7,
    });
  });

  it('answers an allowed origin with CORS headers (Retry-After exposed) and refuses another origin', async () => {
    const { proxyUrl } = await start();
    const preflight = await fetch(`${proxyUrl}/fapi/v1/listenKey`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:4173', 'access-control-request-method': 'PUT' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4173');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    const allowed = await fetch(`${proxyUrl}/fapi/v1/exchangeInfo`, { headers: { origin: 'http://localhost:5173' } });
    expect(allowed.headers.get('access-control-expose-headers')).toBe('Retry-After');
    const other = await fetch(`${proxyUrl}/fapi/v3/account`, { headers: { origin: 'https://evil.example' } });
    expect(other.status).toBe(403);
  });

  it('server.mjs: refuses to start without the key and secret; with them, serves the kit on PROXY_PORT', async () => {
    const script = new URL('../../examples/binance-proxy/server.mjs', import.meta.url).pathname;
    const missing = spawn(process.execPath, [script], { env: { PATH: process.env.PATH } });
    let missingErr = '';
    missing.stderr.on('data', (chunk: Buffer) => (missingErr += String(chunk)));
    expect(await new Promise((resolve) => missing.on('exit', resolve))).toBe(1);
    expect(missingErr).toContain('BINANCE_API_KEY');

    server = await startBinanceServer({ credentials });
    const port = await freePort();
    child = spawn(process.execPath, [script, '--testnet'], {
      env: {
        PATH: process.env.PATH,
        BINANCE_API_KEY: credentials.apiKey,
        BINANCE_API_SECRET: credentials.secretKey,
        BINANCE_FAPI_URL: server.url,
        PROXY_PORT: String(port),
      },
    });
    const out: string[] = [];
    child.stdout!.on('data', (chunk: Buffer) => out.push(String(chunk)));
    await server.waitFor(() => out.join('').includes('listening'), 5000);
    expect(out.join('')).toContain(`http://127.0.0.1:${port}`);
    const account = await createProxyRequest(`http://127.0.0.1:${port}`)('GET', '/fapi/v3/account', {});
    expect(account).toMatchObject({ assets: [{ asset: 'USDT' }, { asset: 'USDC' }] });
  });
});
