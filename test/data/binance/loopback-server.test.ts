// @vitest-environment node
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBinanceServer, type BinanceTestServer } from '../../support/binance-server';

/** The loopback server the adapter and the proxy are tested against must behave as Binance documents. */
let server: BinanceTestServer | undefined;
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await server?.close();
  server = undefined;
});

function connect(url: string): Promise<{ socket: WebSocket; messages: unknown[]; closed: Promise<number> }> {
  const socket = new WebSocket(url);
  sockets.push(socket);
  const messages: unknown[] = [];
  socket.on('message', (raw) => messages.push(JSON.parse(String(raw))));
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    socket.on('open', () => resolve({ socket, messages, closed }));
    socket.on('error', reject);
  });
}

const until = (predicate: () => boolean) => server!.waitFor(predicate, 2000);

async function get(path: string): Promise<Record<string, unknown>[]> {
  return (await (await fetch(`${server!.url}${path}`)).json()) as Record<string, unknown>[];
}

describe('the loopback Binance server follows the docs', () => {
  it('answers SUBSCRIBE with {"result":null,"id":…} and LIST_SUBSCRIPTIONS with the streams', async () => {
    server = await startBinanceServer();
    const { socket, messages } = await connect(`${server.streamBaseUrl}/market/ws`);
    socket.send(JSON.stringify({ method: 'SUBSCRIBE', params: ['btcusdt@markPrice@1s'], id: 1 }));
    socket.send(JSON.stringify({ method: 'LIST_SUBSCRIPTIONS', id: 3 }));
    await until(() => messages.length === 2);
    expect(messages).toEqual([
      { result: null, id: 1 },
      { result: ['btcusdt@markPrice@1s'], id: 3 },
    ]);
  });

  it('routes USDⓈ-M streams: mark prices on /market only, the legacy /ws closed', async () => {
    server = await startBinanceServer();
    const pub = await connect(`${server.streamBaseUrl}/public/ws`);
    pub.socket.send(JSON.stringify({ method: 'SUBSCRIBE', params: ['btcusdt@markPrice@1s'], id: 7 }));
    await until(() => pub.messages.length === 1);
    expect(pub.messages[0]).toMatchObject({ code: 2, id: 7 });
    const legacy = await connect(`${server.streamBaseUrl}/ws`);
    expect(await legacy.closed).toBe(1008);
  });

  it('delivers user data on /private/ws only for the events named in events=', async () => {
    server = await startBinanceServer();
    const key = server.listenKey;
    const named = await connect(`${server.streamBaseUrl}/private/ws?listenKey=${key}&events=ACCOUNT_UPDATE`);
    const unnamed = await connect(`${server.streamBaseUrl}/private/ws?listenKey=${key}`);
    await until(() => server!.openUserSockets() === 2);
    server.closePosition('BTCUSDT');
    await until(() => named.messages.length === 1);
    expect(named.messages[0]).toMatchObject({ e: 'ACCOUNT_UPDATE' });
    expect(unnamed.messages).toEqual([]);
  });

  it('closes a connection that sends more than 10 messages in a second', async () => {
    server = await startBinanceServer();
    const { socket, closed } = await connect(`${server.streamBaseUrl}/market/ws`);
    for (let id = 1; id <= 11; id += 1) {
      socket.send(JSON.stringify({ method: 'SUBSCRIBE', params: [`s${id}usdt@markPrice@1s`], id }));
    }
    expect(await closed).toBe(1008);
    expect(server.rateDrops()).toBe(1);
  });

  it('serves /dapi/v1/positionRisk rows with the documented fields: isolatedMargin and unRealizedProfit, no isolatedWallet', async () => {
    server = await startBinanceServer({ market: 'coinm' });
    const rows = await get('/dapi/v1/positionRisk');
    expect(Object.keys(rows[0]!).sort()).toEqual(
      [
        'symbol',
        'positionAmt',
        'entryPrice',
        'breakEvenPrice',
        'markPrice',
        'unRealizedProfit',
        'liquidationPrice',
        'leverage',
        'maxQty',
        'marginType',
        'isolatedMargin',
        'isAutoAddMargin',
        'positionSide',
        'updateTime',
      ].sort(),
    );
    // isolatedMargin = isolatedWallet 0.01234567 + unRealizedProfit 0.00032777
    expect(rows[0]).toMatchObject({ isolatedMargin: '0.01267344', unRealizedProfit: '0.00032777' });
  });

  it('serves /fapi/v3/positionRisk without leverage or marginType, with a hedge symbol’s BOTH row of size 0, and no symbol without a position', async () => {
    server = await startBinanceServer();
    const rows = await get('/fapi/v3/positionRisk');
    expect(rows.some((row) => 'leverage' in row || 'marginType' in row)).toBe(false);
    expect(rows.map((row) => `${String(row.symbol)}:${String(row.positionSide)}:${String(row.positionAmt)}`)).toEqual([
      'BTCUSDT:BOTH:0.500',
      'ETHUSDT:LONG:2.000',
      'ETHUSDT:SHORT:-1.500',
      'SOLUSDT:BOTH:-10',
      'ETHUSDT:BOTH:0.000',
    ]);
    expect(await get('/fapi/v1/symbolConfig')).toContainEqual({
      symbol: 'ETHUSDT',
      marginType: 'ISOLATED',
      isAutoAddMargin: false,
      leverage: 20,
      maxNotionalValue: '1000000',
    });
  });

  it('with credentials, checks the API key and the HMAC-SHA256 signature of signed endpoints', async () => {
    const credentials = { apiKey: 'key', secretKey: 'secret' };
    server = await startBinanceServer({ credentials });
    const query = `timestamp=${Date.now()}&recvWindow=5000`;
    const signature = createHmac('sha256', credentials.secretKey).update(query).digest('hex');
    const signed = await fetch(`${server.url}/fapi/v3/account?${query}&signature=${signature}`, {
      headers: { 'X-MBX-APIKEY': 'key' },
    });
    expect(signed.status).toBe(200);
    const forged = await fetch(`${server.url}/fapi/v3/account?${query}&signature=${'0'.repeat(64)}`, {
      headers: { 'X-MBX-APIKEY': 'key' },
    });
    expect([forged.status, await forged.json()]).toEqual([
      400,
      { code: -1022, msg: 'Signature for this request is not valid.' },
    ]);
    const keyless = await fetch(`${server.url}/fapi/v1/listenKey`, { method: 'POST' });
    expect(keyless.status).toBe(401);
    expect((await fetch(`${server.url}/fapi/v1/exchangeInfo`)).status).toBe(200);
  });
});
