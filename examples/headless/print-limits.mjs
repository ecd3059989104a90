// A plain Node script on adjust-margin-kit/headless: no React, no DOM. It opens a session on the
// simulated exchange, follows one isolated position and prints its live limits on every tick.
//
//   npm run build && node examples/headless/print-limits.mjs [--ticks N]
//
// (Inside this repository the package imports itself by name; in an app it is the installed package.)
import { confirmAdjustment, createMarginSession, formatAmount, observePosition } from 'adjust-margin-kit/headless';
import { createSimulatedExchange } from 'adjust-margin-kit/simulated';

const at = process.argv.indexOf('--ticks');
const ticks = at > 0 ? Number.parseInt(process.argv[at + 1] ?? '', 10) : 5;

const source = createSimulatedExchange({ seed: 7, rateHz: 10, latencyMs: 0, autoStart: true });
const session = createMarginSession(source, { throttleMs: 0 });
const stop = session.start();
const position = observePosition(session, 'BTCUSDT', 'LONG');

let seen = 0;
const unsubscribe = position.subscribe(() => {
  const { status, limits, isStale } = position.getSnapshot();
  if (status !== 'ready' || !limits) return;
  const asset = limits.position.marginAsset;
  const amount = (v) => formatAmount(v, { locale: 'en', decimals: limits.position.marginAssetPrecision, asset });
  console.log(
    `mark ${limits.markPrice}  max addable ${amount(limits.maxAddable)}  ` +
      `max removable ${amount(limits.maxRemovable.amount)} (${limits.maxRemovable.limitedBy})${isStale ? '  stale' : ''}`,
  );
  if (++seen < ticks) return;
  unsubscribe();
  // Confirm as a dialog would: re-checked against the freshest limits, then sent once.
  const outcome = confirmAdjustment(session, {
    symbol: 'BTCUSDT',
    positionSide: 'LONG',
    type: 'ADD',
    text: '10',
  });
  if (outcome.kind !== 'sent') {
    console.log(`not sent: ${outcome.kind}`);
    finish(1);
    return;
  }
  outcome.done.then((state) => {
    console.log(`adjustment ${state.kind}: ${state.request.type} ${state.request.amount} ${asset}`);
    finish(state.kind === 'succeeded' ? 0 : 1);
  });
});

function finish(code) {
  stop();
  source.dispose();
  process.exitCode = code;
}
