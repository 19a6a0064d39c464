import { useId } from 'react';
import type { Pair } from '../../utils/protocol/shapes';

/** Switches between Cin7 Core ↔ Xero pairs; hidden when there is only one. */
export function PairSwitcher({
  pairs,
  selectedPairId,
  onSelect,
}: {
  pairs: readonly Pair[];
  selectedPairId: string | undefined;
  onSelect(pairId: string): void;
}) {
  const id = useId();
  if (pairs.length < 2) return null;
  return (
    <div className="mg-field mg-pair-switcher">
      <label htmlFor={id}>Cin7 Core ↔ Xero pair</label>
      <select id={id} value={selectedPairId ?? ''} onChange={(event) => onSelect(event.target.value)}>
        {selectedPairId === undefined && <option value="">Choose a pair</option>}
        {pairs.map((pair) => (
          <option key={pair.id} value={pair.id}>
            {pair.name}
          </option>
        ))}
      </select>
    </div>
  );
}
