import type { AmountError, AmountErrorCode } from '../core/amount';
import type { RemoveLimitedBy } from '../core/types';
import type { SnapshotProblemCode } from '../engine/checkSnapshot';
import type { AdjustMarginErrorKind, PositionSide } from '../engine/types';
import { phraseOf } from './phraseOf';

/**
 * One message builder per amount error code, from the error's `params`. The kit's fields pass the
 * numbers written in the locale too: `maxText` (the limit as the limit line shows it, "9,251.58"),
 * `decimalsText` and `maxLengthText`; the raw `max`, `decimals` and `maxLength` stay for a message's logic.
 */
export type AmountErrorMessages = Readonly<
  Record<AmountErrorCode, (params: Readonly<Record<string, string>>) => string>
>;

const plural = (n: string, one: string, many: string): string => (n === '1' ? one : many);
const forAsset = (p: Readonly<Record<string, string>>): string => (p.asset ? ` for ${p.asset}` : '');

/** Why a max is 0, by the `bound` param of a 'noneAvailable' error (see `validateFor`). */
const ZERO_BOUNDS: Readonly<Record<string, string>> = {
  maintenanceMargin: ': the isolated wallet is at the maintenance margin',
  initialMargin: ': the margin balance only covers the initial margin at the mark price',
  unrealizedLoss: ': the unrealized loss uses up the margin above the initial margin',
  availableBalance: ': the cross wallet has no available balance',
};

/** Default English wording of the amount errors. Replace any of them through `messages.amountErrors`. */
export const amountErrorMessages: AmountErrorMessages = Object.freeze({
  empty: () => 'Enter an amount',
  tooLong: (p) => `Enter at most ${p.maxLengthText ?? p.maxLength} characters`,
  bidiControl: (p) => `Remove the hidden text-direction character (${p.codePoint}): it changes how the amount is shown`,
  mixedScripts: (p) => `Use digits of one script only, like 1234${p.decimal ?? '.'}56`,
  notANumber: (p) => `Use digits only, like 1234${p.decimal ?? '.'}56`,
  wrongDecimalSeparator: (p) => `Use "${p.decimal ?? '.'}" as the decimal separator`,
  exponent: () => 'Scientific notation such as 1e5 is not accepted',
  sign: () => 'Enter the amount without a sign',
  notFinite: () => 'Enter a finite amount: NaN and Infinity are not accepted',
  zero: () => 'Enter an amount greater than 0',
  tooManyDecimals: (p) =>
    p.decimals === '0'
      ? `Whole numbers only${forAsset(p)}`
      : `At most ${p.decimalsText ?? p.decimals} ${plural(p.decimals ?? '', 'decimal place', 'decimal places')}${forAsset(p)}`,
  overLimit: (p) => `Enter at most ${p.maxText ?? p.max}${p.asset ? ` ${p.asset}` : ''}`,
  noneAvailable: (p) => `${p.asset ? `No ${p.asset} available` : 'Nothing available'}${phraseOf(ZERO_BOUNDS, p.bound)}`,
  limitUnknown: () => 'The available amount is not known yet',
});

/** The sentence for an amount error: `messages` (default: {@link amountErrorMessages}) applied to its params. */
export function amountErrorText(error: AmountError, messages: AmountErrorMessages = amountErrorMessages): string {
  return messages[error.code](error.params);
}

/**
 * Every piece of text the UI shows, English by default. Pass a partial object as `messages` to
 * replace any of it; the accessible names marked "contract" are what tests and screen readers find.
 */
export interface AdjustMarginMessages {
  /** contract: the dialog's name. */
  title: string;
  close: string;
  /** contract: the mode switch's options. */
  add: string;
  remove: string;
  modeLegend: string;
  /** contract: the amount field's label. */
  amount: string;
  /** contract: the Max button. */
  max: string;
  /** A preset's label; `percentText` is the percentage in the locale's digits. */
  percentOfMax: (percent: number, percentText: string) => string;
  /**
   * contract: the Confirm button names the action and the amount ("Remove 200 USDT"), or only the
   * action while no valid amount is entered ("Remove margin").
   */
  confirm: (type: 'ADD' | 'REMOVE', amount: string | null) => string;
  /** Confirm while the request is in flight: "Removing 200 USDT…". */
  confirming: (type: 'ADD' | 'REMOVE', amount: string) => string;
  /** Beside Confirm while a request is in flight (Confirm is described by it). */
  pendingReason: string;
  /** Under the limit line when Max leaves headroom: `percent` is e.g. "0.1 %". */
  maxHeadroom: (percent: string) => string;
  /** After "over the limit" from the exchange: Max from the freshest limits, sent at once. */
  useNewMaxAndConfirm: string;
  /** A receipt's first line: "Removed 200 USDT from ETHUSDT Short" (`position` from `positionName`). */
  receiptAction: (type: 'ADD' | 'REMOVE', amount: string, position: string) => string;
  /** A receipt's figure lines: "margin 3,997.31 USDT → 3,797.31 USDT", "est. liq. price 54,216.87 → 54,618.40". */
  receiptMargin: (before: string, after: string) => string;
  receiptLiquidation: (before: string, after: string) => string;
  /** The receipt in one sentence (the announcement when the dialog was closed): the lines joined. */
  receiptSummary: (lines: readonly string[]) => string;
  /** contract: closes the receipt. */
  done: string;
  /** contract: the limit lines begin with these. */
  maxAddable: string;
  maxRemovable: string;
  /** contract: the disclosure button beside a limit that reveals its exact value. */
  exactLimit: string;
  /** The exact limit (every decimal, rounded down: what Max fills in), revealed and as the figure's title. */
  exactLimitValue: (value: string) => string;
  limitedBy: (bound: RemoveLimitedBy) => string;
  whyLimited: string;
  limitExplanation: (bound: RemoveLimitedBy) => string;
  follows: (percent: number) => string;
  margin: string;
  /** contract: the figure's label: notional at the mark price ÷ margin balance, not the leverage setting. */
  effectiveLeverage: string;
  /** What the effective leverage is, in words: its description for assistive tech and its title. */
  effectiveLeverageHint: string;
  liquidationPrice: string;
  markPrice: string;
  entryPrice: string;
  before: string;
  after: string;
  noLiquidationPrice: string;
  noLiquidationReason: string;
  /** Risk figures: maintenance margin ÷ (wallet + uPnL), and |mark − liq. price| ÷ mark, before → after. */
  marginRatio: string;
  liquidationDistance: string;
  /** A removal near liquidation: `distance` and `threshold` as percentages ("3.20%", "5%"). */
  removalWarning: (distance: string, threshold: string) => string;
  /** contract: the checkbox that acknowledges it. */
  removalAcknowledge: string;
  /** Beside Confirm until it is acknowledged. */
  removalAcknowledgeReason: string;
  /** The one mark-price age readout, after the mark price: "updated 3 s ago". */
  markAge: (seconds: number, secondsText: string) => string;
  markWaiting: string;
  /** The price feed's state in the dialog, one sentence each; 'stale' and 'reconnecting' also dim the figures. */
  feedState: (state: FeedState) => string;
  /** Beside Confirm while a stale price blocks Remove (the age is in the mark-price line). */
  staleBlocksRemove: string;
  sideLong: string;
  sideShort: string;
  hedgeSide: (side: PositionSide) => string;
  /** A position in a sentence, its side named: "ETHUSDT Short". `side` is `sideLong` or `sideShort`. */
  positionName: (symbol: string, side: string) => string;
  hedge: string;
  isolated: string;
  cross: string;
  leverageBadge: (leverage: string) => string;
  /** contract: the badge's accessible name (and title): the position's leverage setting, "Leverage setting: 10×". */
  leverageSetting: (leverage: string) => string;
  /** The dialog's accessible description: which position it adjusts, e.g. "BTCUSDT Long · isolated · 10×". */
  positionDescription: (symbol: string, side: string, marginMode: string, leverage: string) => string;
  loading: string;
  loadingPositions: string;
  loadError: string;
  closedTitle: string;
  closedBody: string;
  notIsolated: string;
  limitMoved: (newMax: string) => string;
  useNewMax: string;
  /** A failure's sentence; `position` is the position's name (see `positionName`). */
  failed: (message: string, position: string) => string;
  retryHint: string;
  /** A timeout: the exchange may or may not have applied the change. */
  unknownOutcome: (message: string, position: string) => string;
  unknownOutcomeHint: string;
  /**
   * A failed adjustment's sentence per `AdjustMarginError` kind (a failure of any other type reads
   * `unknown`), shown through `failed`, or `unknownOutcome` for a timeout.
   */
  adjustErrors: AdjustErrorMessages;
  /** The exchange's own words (and its code, when it gave one), shown under the sentence. */
  exchangeSaid: (text: string, code: number | undefined) => string;
  useMax: string;
  ladderLabel: string;
  ladderText: (parts: { mark: string; entry: string; liqNow: string; liqAfter: string }) => string;
  /** contract: the ladder's "after" marker, a slider that sets the target liquidation price. */
  ladderSlider: string;
  /** contract: the switch between typing the amount and typing a target liquidation price. */
  inputModeLegend: string;
  inputModeAmount: string;
  inputModeTarget: string;
  /** contract: the target liquidation price field's label. */
  targetLiquidationPrice: string;
  /** A target on the wrong side of the mark (`long`: at or above it): the position would be liquidated at once. */
  targetWrongSide: (long: boolean) => string;
  /** No liquidation price at the target within the limits (the position stays fully collateralised). */
  targetNoLiquidation: string;
  targetAtTarget: string;
  /** The target needs more than the max; `closest` is the nearest reachable target, or null. */
  targetBeyondMax: (type: 'ADD' | 'REMOVE', closest: string | null) => string;
  /** contract: fills the closest reachable target. */
  useClosest: string;
  /** A typed target's parse errors that would otherwise speak of "the amount" (the rest read as `amountErrors`). */
  targetPriceErrors: Partial<AmountErrorMessages>;
  /** Amount validation wording, per error code of the core parser. */
  amountErrors: AmountErrorMessages;
  /** Positions table. */
  positions: string;
  columns: {
    symbol: string;
    side: string;
    size: string;
    entryPrice: string;
    markPrice: string;
    liquidationPrice: string;
    margin: string;
    marginMode: string;
    unrealizedPnl: string;
    /** The position's leverage setting ("10×"), an optional column. */
    leverage: string;
    /** Isolated margin ratio (MM ÷ margin balance), an optional live column. */
    marginRatio: string;
    /** Return on equity (unrealized PnL ÷ initial margin at entry), an optional live column. */
    roe: string;
  };
  /** The unit of a COIN-M size, in contracts: "20 Cont". */
  contractsUnit: string;
  /** Between a side and its hedge mark in a cell: "Long · Hedge". */
  separator: string;
  /** contract: closes the positions table's outcome notice. */
  dismiss: string;
  /** contract: the table's edit buttons, e.g. "Edit margin for BTCUSDT Long". */
  editMargin: (symbol: string, side: string) => string;
  noPositions: string;
  /**
   * A position the source sent but the kit will not compute (the row and the dialog say so):
   * `what` is the problem's phrase from `snapshotProblems`, `field` the source's field ("leverage",
   * "brackets[2].cum"; "" for the whole row).
   */
  unavailable: (what: string, field: string) => string;
  /** What is wrong with a source's field, per problem code of the snapshot check. */
  snapshotProblems: SnapshotProblemMessages;
  /** A render fault in the dialog or the table: what shows in its place, above a Retry button. */
  dialogFault: string;
  tableFault: string;
  retry: string;
  /** The account summary (`AccountSummary`) and its Transfer out dialog. */
  account: AccountMessages;
}

/** What the account summary and the Transfer out dialog say. */
export interface AccountMessages {
  /** contract: the summary's region name. */
  summary: string;
  loading: string;
  loadError: string;
  crossWalletBalance: string;
  crossUnrealizedPnl: string;
  availableForOrder: string;
  maxAddable: string;
  /** contract: Binance's maximum withdrawal in Cross Margin Mode, rounded down. */
  maxWithdrawable: string;
  /** An asset with a position the kit could not read: its limits are not shown. */
  incomplete: string;
  /** contract: the button that opens Transfer out for an asset. */
  transfer: string;
  /** contract: the Transfer out dialog's name. */
  transferTitle: string;
  /** Under the title: where the amount goes. */
  transferRoute: (asset: string) => string;
  /** The click-time re-check found max withdrawable below the amount: nothing was sent. */
  limitMoved: (newMax: string) => string;
  /** A failed transfer's sentence (`message` from `errors`), or the timeout's. */
  failed: (message: string) => string;
  unknownOutcome: (message: string) => string;
  unknownOutcomeHint: string;
  /** One sentence per `AdjustMarginError` kind, for a transfer. */
  errors: AdjustErrorMessages;
  /** The receipt: "Transferred 120.5 USDT to the spot wallet." */
  transferred: (amount: string) => string;
  /** The receipt's figure: the cross wallet before → after. */
  receiptWallet: (before: string, after: string) => string;
  /** contract: the dialog's Confirm, with the amount when it is valid: "Transfer 120.5 USDT". */
  confirm: (amount: string | null) => string;
  confirming: (amount: string) => string;
  /** A render fault in the Transfer out dialog. */
  fault: string;
  /** A render fault in the account summary. */
  summaryFault: string;
}

/** The price feed as the dialog shows it: live; no tick for `staleAfterMs`; or the feed reconnecting. */
export type FeedState = 'live' | 'stale' | 'reconnecting';

/** One sentence per kind of adjustment failure. */
export type AdjustErrorMessages = Readonly<Record<AdjustMarginErrorKind, string>>;

/** One phrase per problem code of the snapshot check. */
export type SnapshotProblemMessages = Readonly<Record<SnapshotProblemCode, string>>;

/**
 * A translation of the kit: every message (the type requires each key), the BCP-47 tag numbers are
 * formatted with, and the writing direction the dialog and the table are laid out in.
 */
export interface KitLocale {
  messages: AdjustMarginMessages;
  locale: string;
  dir: 'ltr' | 'rtl';
}

/** The default English text. */
export const defaultMessages: AdjustMarginMessages = {
  title: 'Adjust Margin',
  close: 'Close',
  add: 'Add',
  remove: 'Remove',
  modeLegend: 'Add or remove margin',
  amount: 'Amount',
  max: 'Max',
  percentOfMax: (_, p) => `${p}%`,
  confirm: (type, amount) => `${type === 'ADD' ? 'Add' : 'Remove'} ${amount ?? 'margin'}`,
  confirming: (type, amount) => `${type === 'ADD' ? 'Adding' : 'Removing'} ${amount}…`,
  pendingReason:
    'Waiting for the exchange’s answer. You can close this dialog: the request goes on, and its outcome is announced.',
  maxHeadroom: (percent) => `Max keeps room for a ${percent} price move`,
  useNewMaxAndConfirm: 'Use new max and confirm',
  receiptAction: (type, amount, position) =>
    `${type === 'ADD' ? 'Added' : 'Removed'} ${amount} ${type === 'ADD' ? 'to' : 'from'} ${position}`,
  receiptMargin: (before, after) => `margin ${before} → ${after}`,
  receiptLiquidation: (before, after) => `est. liq. price ${before} → ${after}`,
  receiptSummary: (lines) => lines.join(' · '),
  done: 'Done',
  maxAddable: 'Max addable',
  maxRemovable: 'Max removable',
  exactLimit: 'Exact',
  exactLimitValue: (value) => `Exact: ${value}, what Max fills in`,
  limitedBy: (b) =>
    b === 'maintenanceMargin' ? 'Limited by maintenance margin' : 'Limited by initial margin at the mark price',
  whyLimited: 'Why?',
  limitExplanation: (b) =>
    b === 'maintenanceMargin'
      ? 'The isolated wallet may not fall below the maintenance margin, and unrealized profit does not count toward it: only the wallet does.'
      : 'The margin balance (wallet plus unrealized PnL) must still cover the initial margin at the current mark price. This limit moves with every mark-price tick.',
  follows: (p) => (p === 100 ? 'Follows the live max as the price moves' : `${p}% of the live max, follows the price`),
  margin: 'Margin',
  effectiveLeverage: 'Effective leverage',
  effectiveLeverageHint:
    'Notional at the mark price divided by the margin balance (isolated wallet plus unrealized PnL)',
  liquidationPrice: 'Est. liq. price',
  markPrice: 'Mark price',
  entryPrice: 'Entry price',
  before: 'Now',
  after: 'After',
  noLiquidationPrice: '—',
  noLiquidationReason: 'No liquidation price: the margin covers the whole position.',
  marginRatio: 'Margin ratio',
  liquidationDistance: 'Mark to liq. price',
  removalWarning: (distance, threshold) =>
    `Close to liquidation: after this removal the liquidation price is ${distance} from the mark price (within ${threshold}).`,
  removalAcknowledge: 'I understand the position may be liquidated after a small price move',
  removalAcknowledgeReason: 'To remove this much, first tick “I understand” above.',
  markAge: (s, text) => (s < 1 ? 'updated just now' : `updated ${text} s ago`),
  markWaiting: 'Waiting for the mark price',
  feedState: (state) =>
    state === 'live'
      ? 'Live'
      : state === 'stale'
        ? 'Stale: no new mark price, the figures may be out of date'
        : 'Stale: the price feed is reconnecting, the figures may be out of date',
  staleBlocksRemove: 'Removing margin needs a live mark price.',
  sideLong: 'Long',
  sideShort: 'Short',
  hedgeSide: (s) => (s === 'BOTH' ? 'One-way' : `Hedge ${s === 'LONG' ? 'Long' : 'Short'}`),
  positionName: (symbol, side) => `${symbol} ${side}`,
  hedge: 'Hedge',
  isolated: 'Isolated',
  cross: 'Cross',
  leverageBadge: (l) => `${l}×`,
  leverageSetting: (l) => `Leverage setting: ${l}×`,
  positionDescription: (symbol, side, mode, leverage) => `${symbol} ${side} · ${mode.toLowerCase()} · ${leverage}×`,
  loading: 'Loading position…',
  loadingPositions: 'Loading positions…',
  loadError: 'The position could not be loaded.',
  closedTitle: 'Position closed',
  closedBody: 'This position was closed or liquidated. Nothing can be sent.',
  notIsolated: 'Margin can only be adjusted on an isolated position.',
  limitMoved: (m) => `The limit moved while you were typing: the max is now ${m}. Nothing was sent.`,
  useNewMax: 'Use new max',
  failed: (m, position) => `${position} not adjusted: ${m}`,
  retryHint: 'Your amount is kept; you can try again.',
  unknownOutcome: (m, position) => `Result unknown for ${position}: ${m}`,
  unknownOutcomeHint: 'Check the position’s margin before trying again; your amount is kept.',
  adjustErrors: {
    insufficientCrossBalance: 'Not enough available balance in the cross wallet to add this amount.',
    insufficientIsolatedBalance: 'The amount is more than can be removed now; the limit moved with the mark price.',
    noPosition: 'The position is closed; there is no margin to adjust.',
    invalidAmount: 'The exchange did not accept this amount.',
    notIsolated: 'Margin can only be adjusted on an isolated position.',
    liquidating: 'The account is being liquidated; margin cannot be changed now.',
    network: 'The request did not reach the exchange; the margin was not changed.',
    timeout: 'The exchange did not answer in time.',
    unknown: 'The request failed for an unexpected reason.',
  },
  exchangeSaid: (text, code) => (code === undefined ? `Exchange: ${text}` : `Exchange (code ${code}): ${text}`),
  useMax: 'Use max',
  ladderLabel: 'Price ladder',
  ladderText: ({ mark, entry, liqNow, liqAfter }) =>
    `Mark ${mark}, entry ${entry}, liquidation now ${liqNow}, after ${liqAfter}.`,
  ladderSlider: 'Liquidation price after',
  inputModeLegend: 'Enter the change as',
  inputModeAmount: 'Amount',
  inputModeTarget: 'Target liq. price',
  targetLiquidationPrice: 'Target liquidation price',
  targetWrongSide: (long) =>
    long
      ? 'A long’s liquidation price must be below the mark price: at this target the position would be liquidated at once.'
      : 'A short’s liquidation price must be above the mark price: at this target the position would be liquidated at once.',
  targetNoLiquidation:
    'No liquidation price at this target: the position stays fully collateralised even after removing the max.',
  targetAtTarget: 'The liquidation price is already at this target.',
  targetBeyondMax: (type, closest) =>
    `This target needs more than the max ${type === 'ADD' ? 'addable' : 'removable'}${closest ? `; the closest reachable is ${closest}` : ''}.`,
  useClosest: 'Use closest',
  targetPriceErrors: {
    sign: () => 'Enter the price without a sign',
    notFinite: () => 'Enter a finite price: NaN and Infinity are not accepted',
    zero: () => 'Enter a price greater than 0',
  },
  amountErrors: amountErrorMessages,
  positions: 'Positions',
  columns: {
    symbol: 'Symbol',
    side: 'Side',
    size: 'Size',
    entryPrice: 'Entry price',
    markPrice: 'Mark price',
    liquidationPrice: 'Liq. price',
    margin: 'Margin',
    marginMode: 'Margin mode',
    unrealizedPnl: 'Unrealized PnL',
    leverage: 'Leverage',
    marginRatio: 'Margin ratio',
    roe: 'ROE',
  },
  contractsUnit: 'Cont',
  separator: ' · ',
  dismiss: 'Dismiss',
  editMargin: (symbol, side) => `Edit margin for ${symbol} ${side}`,
  noPositions: 'No open positions.',
  unavailable: (what, field) => `Unavailable: the source’s ${field || 'position'} ${what}.`,
  snapshotProblems: {
    notAnObject: 'is not an object',
    notAList: 'is not a list',
    empty: 'is empty',
    tooMany: 'has too many entries',
    unreadable: 'cannot be read',
    missing: 'is missing',
    notName: 'is not a valid name',
    notOneOf: 'is not an allowed value',
    notDecimal: 'is not a plain decimal number',
    notFinite: 'is not a finite number',
    notInteger: 'is not a whole number',
    tooLarge: 'is too large',
    tooPrecise: 'has too many decimals',
    notPositive: 'is not above 0',
    negative: 'is below 0',
    outOfRange: 'is out of range',
    wrongSign: 'has the sign of the other side',
    notAscending: 'is not above the bracket’s floor',
    notContiguous: 'does not start where the previous bracket ends',
    unboundedCap: 'is unbounded below the top bracket',
    duplicate: 'appears twice',
    assetUnavailable: 'has no usable wallet',
    notListed: 'has no reference data at the exchange',
  },
  dialogFault: 'Something went wrong while showing this position. Nothing was sent.',
  tableFault: 'Something went wrong while showing the positions.',
  retry: 'Retry',
  account: {
    summary: 'Account summary',
    loading: 'Loading account…',
    loadError: 'The account could not be loaded.',
    crossWalletBalance: 'Cross wallet balance',
    crossUnrealizedPnl: 'Cross unrealized PnL',
    availableForOrder: 'Available for order',
    maxAddable: 'Max addable to isolated',
    maxWithdrawable: 'Max withdrawable',
    incomplete: 'A position in this asset could not be read, so its limits are not shown.',
    transfer: 'Transfer',
    transferTitle: 'Transfer out',
    transferRoute: (asset) => `${asset} from the futures wallet to the spot wallet`,
    limitMoved: (max) => `Max withdrawable moved while you were typing: it is now ${max}. Nothing was sent.`,
    failed: (message) => `Not transferred: ${message}`,
    unknownOutcome: (message) => `Result unknown: ${message}`,
    unknownOutcomeHint: 'Check the futures wallet before trying again; your amount is kept.',
    errors: {
      insufficientCrossBalance: 'The amount is more than can leave the futures wallet now.',
      insufficientIsolatedBalance: 'The amount is more than can leave the futures wallet now.',
      noPosition: 'The exchange did not accept this transfer.',
      invalidAmount: 'The exchange did not accept this amount.',
      notIsolated: 'The exchange did not accept this transfer.',
      liquidating: 'The account is being liquidated; nothing can be transferred now.',
      network: 'The request did not reach the exchange; nothing was transferred.',
      timeout: 'The exchange did not answer in time.',
      unknown: 'The transfer failed for an unexpected reason.',
    },
    transferred: (amount) => `Transferred ${amount} to the spot wallet.`,
    receiptWallet: (before, after) => `cross wallet ${before} → ${after}`,
    confirm: (amount) => `Transfer ${amount ?? 'out'}`,
    confirming: (amount) => `Transferring ${amount}…`,
    fault: 'Something went wrong while showing this transfer. Nothing was sent.',
    summaryFault: 'Something went wrong while showing the account summary.',
  },
};

/** Merges an app's partial messages over the defaults. */
export function resolveMessages(messages?: Partial<AdjustMarginMessages>): AdjustMarginMessages {
  if (!messages) return defaultMessages;
  return {
    ...defaultMessages,
    ...messages,
    columns: { ...defaultMessages.columns, ...messages.columns },
    amountErrors: { ...defaultMessages.amountErrors, ...messages.amountErrors },
    adjustErrors: { ...defaultMessages.adjustErrors, ...messages.adjustErrors },
    snapshotProblems: { ...defaultMessages.snapshotProblems, ...messages.snapshotProblems },
    account: {
      ...defaultMessages.account,
      ...messages.account,
      errors: { ...defaultMessages.account.errors, ...messages.account?.errors },
    },
  };
}
