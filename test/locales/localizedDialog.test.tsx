import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ar } from '../../src/locales/ar';
import { zhCN } from '../../src/locales/zh-CN';
import type { KitLocale } from '../../src/ui/messages';
import { AdjustMarginDialog } from '../../src/ui/dialog/AdjustMarginDialog';
import { PositionsTable } from '../../src/ui/PositionsTable';
import { AccountSummary } from '../../src/ui/summary/AccountSummary';
import { accountOf, btcLong, createFakeSource } from '../support/fakeSource';
import { sourceWrapper } from '../support/renderWithSource';

function renderDialog(kit: KitLocale, dir?: 'ltr' | 'rtl') {
  const source = createFakeSource(accountOf([btcLong()]));
  const { Wrapper } = sourceWrapper(source, { maxHeadroomBps: 0 });
  render(
    <AdjustMarginDialog
      symbol="BTCUSDT"
      positionSide="BOTH"
      defaultOpen
      messages={kit.messages}
      locale={kit.locale}
      dir={dir}
    />,
    { wrapper: Wrapper },
  );
  return { source, user: userEvent.setup() };
}

describe('the dialog in Arabic', () => {
  it('is laid out right to left, from the locale alone', async () => {
    renderDialog(ar);
    const dialog = await screen.findByRole('dialog', { name: 'تعديل الهامش' });
    expect(dialog).toHaveAttribute('dir', 'rtl');
  });

  it('has Arabic accessible names, and Add works through them', async () => {
    const { source, user } = renderDialog(ar);
    const dialog = await screen.findByRole('dialog', { name: 'تعديل الهامش' });
    expect(within(dialog).getByRole('radio', { name: 'إضافة' })).toBeChecked();
    expect(within(dialog).getByRole('radio', { name: 'إزالة' })).not.toBeChecked();
    const amount = within(dialog).getByRole('textbox', { name: 'المبلغ' });
    // Max addable is the cross wallet, 10000 USDT (accountOf): Max fills what the field accepts.
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'الحد الأقصى' })).toBeEnabled());
    await user.click(within(dialog).getByRole('button', { name: 'الحد الأقصى' }));
    await waitFor(() => expect(amount).toHaveValue('10000'));
    await user.clear(amount);
    await user.type(amount, '1,250.5');
    const confirm = within(dialog).getByRole('button', { name: /^إضافة 1,250\.50? USDT$/ });
    await user.click(confirm);
    await waitFor(() => expect(source.requests).toHaveLength(1));
    expect(source.requests[0]).toMatchObject({ symbol: 'BTCUSDT', type: 'ADD', amount: '1250.5' });
  }, 20_000);

  it('writes the presets in the locale’s digits (Arabic-Indic for ar-EG)', async () => {
    renderDialog({ ...ar, locale: 'ar-EG' });
    const dialog = await screen.findByRole('dialog', { name: 'تعديل الهامش' });
    // ٢٥ ٥٠ ٧٥: 25, 50 and 75 in Arabic-Indic digits (U+0660 is zero).
    for (const p of ['٢٥%', '٥٠%', '٧٥%']) expect(within(dialog).getByRole('button', { name: p })).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: '25%' })).toBeNull();
  });

  it('says what is wrong in Arabic', async () => {
    const { user } = renderDialog(ar);
    const dialog = await screen.findByRole('dialog', { name: 'تعديل الهامش' });
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'الحد الأقصى' })).toBeEnabled());
    const amount = within(dialog).getByRole('textbox', { name: 'المبلغ' });
    await user.type(amount, '-5');
    expect(amount).toHaveAttribute('aria-invalid', 'true');
    expect(amount).toHaveAccessibleDescription(/^أدخل المبلغ بدون إشارة/);
  });

  it('keeps an explicit dir over the locale’s', async () => {
    renderDialog(ar, 'ltr');
    expect(await screen.findByRole('dialog', { name: 'تعديل الهامش' })).toHaveAttribute('dir', 'ltr');
  });
});

describe('the dialog in Simplified Chinese', () => {
  it('is left to right with Chinese names', async () => {
    renderDialog(zhCN);
    const dialog = await screen.findByRole('dialog', { name: '调整保证金' });
    expect(dialog).toHaveAttribute('dir', 'ltr');
    expect(within(dialog).getByRole('textbox', { name: '数量' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: '最大' })).toBeInTheDocument();
  });
});

describe('the positions table in Arabic', () => {
  it('sets dir="rtl" on its root and names its Edit buttons in Arabic', async () => {
    const source = createFakeSource(accountOf([btcLong()]));
    const { Wrapper } = sourceWrapper(source);
    render(<PositionsTable messages={ar.messages} locale={ar.locale} dir={ar.dir} />, { wrapper: Wrapper });
    const table = await screen.findByRole('table', { name: 'المراكز' });
    expect(table.closest('[dir]')).toHaveAttribute('dir', 'rtl');
    const edit = await screen.findByRole('button', { name: 'تعديل هامش BTCUSDT طويل' });
    await userEvent.setup().click(edit);
    expect(await screen.findByRole('dialog', { name: 'تعديل الهامش' })).toHaveAttribute('dir', 'rtl');
  });
});

describe('the account summary in Arabic', () => {
  it('is right to left from its locale, named in Arabic', async () => {
    const source = createFakeSource(accountOf([btcLong()]));
    const { Wrapper } = sourceWrapper(source);
    render(<AccountSummary messages={ar.messages} locale={ar.locale} />, { wrapper: Wrapper });
    expect(await screen.findByRole('region', { name: 'ملخص الحساب' })).toHaveAttribute('dir', 'rtl');
  });
});
