import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ar } from '../src/locales/ar';
import { zhCN } from '../src/locales/zh-CN';
import type { SimulatedExchange } from '../src/simulated';
import type { KitLocale } from '../src/ui/messages';
import { PositionsTable } from '../src/ui/PositionsTable';
import { DialogStage, makeSim, SimStage } from './support/SimStage';

type Loaded = { sim: SimulatedExchange };
type LocaleArgs = { language: 'zh-CN' | 'ar'; theme: 'dark' | 'light' };

const KITS: Record<LocaleArgs['language'], KitLocale> = { 'zh-CN': zhCN, ar };

/** The positions table in a locale, on the simulated exchange (paused: the figures hold still). */
function LocalizedTable(props: LocaleArgs & { sim: SimulatedExchange }) {
  const kit = KITS[props.language];
  useEffect(() => props.sim.pause(), [props.sim]);
  return (
    <SimStage sim={props.sim} theme={props.theme}>
      <div lang={kit.locale}>
        <PositionsTable theme={props.theme} messages={kit.messages} locale={kit.locale} dir={kit.dir} />
      </div>
    </SimStage>
  );
}

/**
 * The kit in Simplified Chinese and in Arabic, from `adjust-margin-kit/locales/zh-CN` and
 * `adjust-margin-kit/locales/ar`: each gives the messages, the locale for numbers and the direction.
 * Arabic is laid out right to left; its figures stay left to right.
 */
const meta = {
  title: 'Adjust Margin/Locales',
  args: { language: 'ar', theme: 'dark' },
  argTypes: {
    language: { control: 'inline-radio', options: ['zh-CN', 'ar'] },
    theme: { control: 'inline-radio', options: ['dark', 'light'] },
  },
  parameters: { docs: { story: { inline: false, iframeHeight: 760 } } },
  loaders: [async () => ({ sim: makeSim() })],
} satisfies Meta<LocaleArgs>;

export default meta;
type Story = StoryObj<LocaleArgs>;

const dialogStory = (language: LocaleArgs['language']): Story => ({
  args: { language },
  render: (args, { loaded }) => {
    const kit = KITS[args.language];
    return (
      <DialogStage
        sim={(loaded as Loaded).sim}
        symbol="BTCUSDT"
        positionSide="LONG"
        theme={args.theme}
        messages={kit.messages}
        locale={kit.locale}
        dir={kit.dir}
        staleAfterMs={3_600_000}
      />
    );
  },
});

/** 调整保证金: the dialog in Simplified Chinese. */
export const DialogZhCN: Story = {
  ...dialogStory('zh-CN'),
  name: 'Dialog (简体中文)',
  play: async ({ canvasElement }) => {
    const dialog = await within(canvasElement).findByRole('dialog', { name: '调整保证金' });
    await expect(dialog).toHaveAttribute('dir', 'ltr');
    await expect(within(dialog).getByRole('textbox', { name: '数量' })).toBeInTheDocument();
  },
};

/** تعديل الهامش: the dialog in Arabic, right to left (the close button on the left, figures left to right). */
export const DialogAr: Story = {
  ...dialogStory('ar'),
  name: 'Dialog (العربية, RTL)',
  play: async ({ canvasElement }) => {
    const dialog = await within(canvasElement).findByRole('dialog', { name: 'تعديل الهامش' });
    await expect(dialog).toHaveAttribute('dir', 'rtl');
    const d = within(dialog);
    await waitFor(() => expect(d.getByRole('button', { name: 'الحد الأقصى' })).toBeEnabled());
    await userEvent.type(d.getByRole('textbox', { name: 'المبلغ' }), '500');
    await expect(d.getByRole('button', { name: /^إضافة 500(\.00)? USDT$/ })).not.toHaveAttribute('aria-disabled');
  },
};

const tableStory = (language: LocaleArgs['language']): Story => ({
  args: { language },
  render: (args, { loaded }) => <LocalizedTable {...args} sim={(loaded as Loaded).sim} />,
});

/** 仓位: the positions table in Simplified Chinese. */
export const TableZhCN: Story = {
  ...tableStory('zh-CN'),
  name: 'Positions table (简体中文)',
  play: async ({ canvasElement }) => {
    const table = await within(canvasElement).findByRole('table', { name: '仓位' });
    await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(2));
  },
};

/** المراكز: the positions table in Arabic, right to left: the symbol column on the right. */
export const TableAr: Story = {
  ...tableStory('ar'),
  name: 'Positions table (العربية, RTL)',
  play: async ({ canvasElement }) => {
    const table = await within(canvasElement).findByRole('table', { name: 'المراكز' });
    await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(2));
    const symbol = within(table).getByRole('columnheader', { name: 'الرمز' }).getBoundingClientRect();
    const box = table.getBoundingClientRect();
    await expect(symbol.left + symbol.width / 2).toBeGreaterThan(box.left + box.width / 2);
  },
};
