import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { accountQueryOptions, useMarginSource } from '../index';
import { AppearanceControls } from './AppearanceControls';
import { Diagnostics } from './Diagnostics';
import { FailureControls } from './FailureControls';
import { FeedControls } from './FeedControls';
import { MarkPriceControls } from './MarkPriceControls';
import { MotionControls } from './MotionControls';
import { PositionControls } from './PositionControls';
import { WalletControls } from './WalletControls';

/** Every knob of the simulated exchange and the page; each edit is saved into the link. */
export function Playground() {
  const { source, sourceKey } = useMarginSource();
  const account = useQuery(accountQueryOptions(source, sourceKey)).data;
  const [message, setMessage] = useState('');
  const onDone = useCallback((m: string) => setMessage(m), []);
  const walletsKey = account?.assets.map((a) => `${a.asset}=${a.crossWalletBalance}`).join('|') ?? '';
  return (
    <section className="demo-playground" aria-labelledby="playground-title">
      <div className="demo-section-head">
        <h2 id="playground-title">Playground</h2>
        <Diagnostics />
        <p role="status" className="demo-status">
          {message}
        </p>
      </div>
      <div className="demo-panels">
        <FeedControls onDone={onDone} />
        <FailureControls onDone={onDone} />
        <MotionControls onDone={onDone} />
        {account && <PositionControls positions={account.positions} onDone={onDone} />}
        {account && <WalletControls key={walletsKey} assets={account.assets} onDone={onDone} />}
        <MarkPriceControls onDone={onDone} />
        <AppearanceControls />
      </div>
    </section>
  );
}
