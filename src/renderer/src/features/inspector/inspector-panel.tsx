/**
 * The webhook inspector (surface 3): every exchange of the call in a list, the selected one in
 * full below it. With nothing selected, the newest exchange shows, as in an API client.
 */
import type { ReactElement } from 'react';
import type { CallView } from '../../state/call-view.ts';
import { ExchangeDetail } from './exchange-detail.tsx';
import { ExchangeList } from './exchange-list.tsx';
import './inspector.css';

/** Props of {@link InspectorPanel}. */
export interface InspectorPanelProps {
  view: CallView;
  /** The exchange picked by the user (event seq), or null to follow the newest. */
  selected: number | null;
  onSelect(seq: number): void;
}

/** Lists the call's webhook exchanges above the picked one in full (the newest until one is). */
export function InspectorPanel({ view, selected, onSelect }: InspectorPanelProps): ReactElement {
  const entries = view.exchanges;
  if (entries.length === 0) {
    return (
      <div className="empty">
        <p className="empty__title">No webhooks yet</p>
        <p>
          Each request the flow sends shows here as it happens: the request as sent, the response as
          received, the variables it set, and every rule it broke.
        </p>
      </div>
    );
  }
  const current = entries.find((e) => e.seq === selected) ?? entries[entries.length - 1];
  return (
    <div className="inspector">
      <ExchangeList entries={entries} selected={current?.seq ?? null} onSelect={onSelect} />
      {current && <ExchangeDetail key={current.seq} exchange={current.exchange} />}
    </div>
  );
}
