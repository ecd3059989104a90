import WebSocket from 'ws';
import { createBinanceSource, type BinanceSource } from '../../../src/data/binance/source';
import type { BinanceSourceOptions, WebSocketLike } from '../../../src/data/binance/options';
import {
  createHttpRequest,
  startBinanceServer,
  type BinanceTestServer,
  type ServerMarket,
} from '../../support/binance-server';

/** A server, a source talking to it over real HTTP and WebSocket, and the sockets the source opened. */
export interface Harness {
  server: BinanceTestServer;
  source: BinanceSource;
  /** Every socket the source's factory made. */
  sockets: WebSocket[];
  /** Closes the source, waits for its sockets to close, stops the server. */
  dispose(): Promise<void>;
}

/** Fast deterministic backoff for tests. */
export const FAST_RECONNECT = { initialDelayMs: 20, maxDelayMs: 200 };

/** Starts a server and a source for `market`; `overrides` replace source options. */
export async function startHarness(
  market: ServerMarket = 'usdm',
  overrides: Partial<BinanceSourceOptions> & { postAs?: 'form' | 'query'; withUserStream?: boolean } = {},
): Promise<Harness> {
  const server = await startBinanceServer({ market });
  const sockets: WebSocket[] = [];
  const { postAs, withUserStream, ...rest } = overrides;
  const request = createHttpRequest(server.url, postAs ? { postAs } : {});
  const source = createBinanceSource({
    market,
    request,
    webSocket: (url) => {
      const socket = new WebSocket(url);
      sockets.push(socket);
      return socket satisfies WebSocketLike;
    },
    streamBaseUrl: server.streamBaseUrl,
    reconnect: FAST_RECONNECT,
    ...(withUserStream ? { userStream: {} } : {}),
    ...rest,
  });
  return {
    server,
    source,
    sockets,
    async dispose() {
      source.close();
      await server.waitFor(() => sockets.every((s) => s.readyState === WebSocket.CLOSED)).catch(() => {});
      await server.close();
    },
  };
}

/** Collects values pushed to a callback and waits for the n-th one. */
export function collector<T>(): {
  values: T[];
  push: (value: T) => void;
  next: (count: number, timeoutMs?: number) => Promise<T>;
} {
  const values: T[] = [];
  return {
    values,
    push: (value) => {
      values.push(value);
    },
    next(count, timeoutMs = 3000) {
      return new Promise<T>((resolve, reject) => {
        const started = Date.now();
        const poll = (): void => {
          if (values.length >= count) resolve(values[count - 1] as T);
          else if (Date.now() - started > timeoutMs)
            reject(new Error(`expected ${count} values, got ${values.length}`));
          else setTimeout(poll, 5);
        };
        poll();
      });
    },
  };
}

/** Params as the server recorded them, without the signer's `timestamp`. */
export function withoutTimestamp(params: Record<string, string>): Record<string, string> {
  const { timestamp: _ignored, ...rest } = params;
  return rest;
}
