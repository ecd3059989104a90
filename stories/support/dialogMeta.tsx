import type { Meta } from '@storybook/react-vite';
import type { SimulatedExchange } from '../../src/simulated';
import { AdjustMarginDialog } from '../../src/ui/dialog/AdjustMarginDialog';
import { DialogStage, makeSim } from './SimStage';

export type DialogArgs = React.ComponentProps<typeof AdjustMarginDialog> & { width?: number };
export type Loaded = { sim: SimulatedExchange };

/**
 * What every dialog story file shares: the component on a fresh simulated exchange, BTCUSDT Long in
 * the dark theme, no staleness in sight, and a frame of its own on the Docs page (the dialog is modal:
 * fixed, over the page). Which position a story shows is fixed by the story: a free symbol or side
 * control could name a position the account doesn't hold, which reads as closed.
 */
export const dialogMeta = {
  component: AdjustMarginDialog,
  args: {
    symbol: 'BTCUSDT',
    positionSide: 'LONG',
    defaultMode: 'ADD',
    theme: 'dark',
    locale: 'en',
    staleAfterMs: 3_600_000,
  },
  argTypes: {
    defaultMode: { control: 'inline-radio', options: ['ADD', 'REMOVE'] },
    theme: { control: 'inline-radio', options: ['dark', 'light'] },
    symbol: { control: false },
    positionSide: { control: false },
    locale: { control: 'select', options: ['en', 'de', 'fr'] },
  },
  parameters: { docs: { story: { inline: false, iframeHeight: 760 } } },
  loaders: [async () => ({ sim: makeSim() })],
  render: (args, { loaded }) => <DialogStage {...args} sim={(loaded as Loaded).sim} />,
} satisfies Meta<DialogArgs>;
