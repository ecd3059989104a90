import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { MarginSourceProvider } from '../../src/react/MarginSourceProvider';
import type { PositionSide } from '../../src/engine/types';
import {
  createSimulatedExchange,
  defaultScenario,
  type SimulatedExchange,
  type SimulatedState,
} from '../../src/simulated';
import { AdjustMarginDialog, type AdjustMarginDialogProps } from '../../src/ui/dialog/AdjustMarginDialog';

/** A simulated exchange for one story, paused unless the story starts it. */
export function makeSim(
  options: { edit?: (state: SimulatedState) => SimulatedState; latencyMs?: number } = {},
): SimulatedExchange {
  const state = options.edit ? options.edit(defaultScenario()) : defaultScenario();
  return createSimulatedExchange({ state, latencyMs: options.latencyMs ?? 0 });
}

/** Changes one position of a scenario. */
export function editPosition(
  state: SimulatedState,
  symbol: string,
  positionSide: PositionSide,
  patch: Partial<SimulatedState['account']['positions'][number]>,
): SimulatedState {
  return {
    ...state,
    account: {
      ...state.account,
      positions: state.account.positions.map((p) =>
        p.symbol === symbol && p.positionSide === positionSide ? { ...p, ...patch } : p,
      ),
    },
  };
}

/** A fresh QueryClient and the source, around a themed stage. */
export function SimStage(props: {
  sim: SimulatedExchange;
  theme?: 'dark' | 'light';
  width?: number;
  children: ReactNode;
}) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } }),
  );
  return (
    <QueryClientProvider client={client}>
      <MarginSourceProvider source={props.sim}>
        <div
          className="amk-root story-stage"
          data-amk-theme={props.theme ?? 'dark'}
          style={props.width ? { maxWidth: props.width } : undefined}
        >
          {props.children}
        </div>
      </MarginSourceProvider>
    </QueryClientProvider>
  );
}

/** The dialog as the table opens it: an [Edit] button, open at first, that reopens it after a close. */
export function DialogStage(
  props: Omit<AdjustMarginDialogProps, 'open' | 'onOpenChange'> & { sim: SimulatedExchange; width?: number },
) {
  const { sim, width, ...dialog } = props;
  const [open, setOpen] = useState(true);
  const edit = useRef<HTMLButtonElement>(null);
  return (
    <SimStage sim={sim} theme={dialog.theme} width={width}>
      <button ref={edit} type="button" className="amk-button amk-open" onClick={() => setOpen(true)}>
        {`Edit margin for ${dialog.symbol}`}
      </button>
      <AdjustMarginDialog {...dialog} open={open} onOpenChange={setOpen} returnFocusRef={edit} />
    </SimStage>
  );
}
