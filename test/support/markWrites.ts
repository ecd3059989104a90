/**
 * Counts changes to the mark-price cells of a positions table, per symbol: each call returns the
 * writes since the previous call (a MutationObserver's records, those not yet delivered included). A row whose
 * mark cell was written twice counts 2; two rows of one symbol (a hedge pair) count one each.
 */
export function markWrites(table: HTMLElement): () => Map<string, number> {
  let delivered: MutationRecord[] = [];
  const observer = new MutationObserver((records) => delivered.push(...records));
  observer.observe(table, { subtree: true, characterData: true, childList: true });
  return () => {
    const records = [...delivered, ...observer.takeRecords()];
    delivered = [];
    const counts = new Map<string, number>();
    for (const record of records) {
      const target = record.target;
      const element = target.nodeType === Node.TEXT_NODE ? target.parentElement : (target as Element);
      const cell = element?.closest('td');
      const row = cell?.closest('tr');
      // The mark price is the fifth cell (symbol, side, size, entry price, mark price).
      if (!cell || !row || row.children[4] !== cell) continue;
      const symbol = row.querySelector('[role="rowheader"]')?.textContent ?? '';
      counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    }
    return counts;
  };
}
