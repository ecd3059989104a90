'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMarginSource } from './MarginSourceProvider';
import { marginKeys } from './queries';
import type { AdjustMarginRequest, PositionSide } from '../engine/types';

/** Submits a request: the data source's `adjustMargin`, or an app's own `onConfirm`. */
export type SubmitAdjustMargin = (request: AdjustMarginRequest) => Promise<unknown>;

/**
 * The adjustment as a React Query mutation. Mutations of one position share a scope, so two are
 * never in flight at once (a second waits for the first). On success the account is refetched so
 * the new wallet shows at once; on failure nothing changes and `error` holds the typed failure.
 */
export function useAdjustMargin(symbol: string, positionSide: PositionSide, submit?: SubmitAdjustMargin) {
  const { source, sourceKey } = useMarginSource();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...marginKeys.all(sourceKey), 'adjust', symbol, positionSide],
    scope: { id: `adjustMargin:${sourceKey}:${symbol}:${positionSide}` },
    mutationFn: (request: AdjustMarginRequest) => (submit ? submit(request) : source.adjustMargin(request)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: marginKeys.account(sourceKey) }),
  });
}
