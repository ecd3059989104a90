// Starts the signing proxy. The API key and secret come from the environment, never from a file
// the browser could load:
//
//   BINANCE_API_KEY=… BINANCE_API_SECRET=… node examples/binance-proxy/server.mjs --testnet
//   BINANCE_API_KEY=… BINANCE_API_SECRET=… node examples/binance-proxy/server.mjs
//
// Environment: BINANCE_API_KEY, BINANCE_API_SECRET (required); BINANCE_TESTNET=1 (same as
// --testnet); BINANCE_FAPI_URL, BINANCE_DAPI_URL (REST hosts, override live/testnet);
// BINANCE_RECV_WINDOW (ms, default 5000); PROXY_HOST (default 127.0.0.1); PROXY_PORT (default 8787);
// PROXY_ALLOW_ORIGINS (comma-separated browser origins, default the demo's; * allows any).
import { createBinanceProxy, DEFAULT_ALLOW_ORIGINS, LIVE_UPSTREAMS, TESTNET_UPSTREAMS } from './proxy.mjs';

const env = process.env;
const apiKey = env.BINANCE_API_KEY;
const secretKey = env.BINANCE_API_SECRET;
if (!apiKey || !secretKey) {
  console.error('Set BINANCE_API_KEY and BINANCE_API_SECRET in the environment.');
  process.exit(1);
}
const testnet = env.BINANCE_TESTNET === '1' || process.argv.includes('--testnet');
const base = testnet ? TESTNET_UPSTREAMS : LIVE_UPSTREAMS;
const upstreams = { fapi: env.BINANCE_FAPI_URL ?? base.fapi, dapi: env.BINANCE_DAPI_URL ?? base.dapi };
const host = env.PROXY_HOST ?? '127.0.0.1';
const port = Number(env.PROXY_PORT ?? 8787);
const allowOrigins = env.PROXY_ALLOW_ORIGINS
  ? env.PROXY_ALLOW_ORIGINS.split(',').map((o) => o.trim())
  : DEFAULT_ALLOW_ORIGINS;
const recvWindow = Number(env.BINANCE_RECV_WINDOW ?? 5000);

const server = createBinanceProxy({ apiKey, secretKey, upstreams, allowOrigins, recvWindow });
server.listen(port, host, () => {
  const { port: bound } = server.address();
  console.log(
    `Binance proxy listening on http://${host}:${bound} → ${upstreams.fapi} (USDⓈ-M), ${upstreams.dapi} (COIN-M); origins: ${allowOrigins.join(', ')}`,
  );
});
