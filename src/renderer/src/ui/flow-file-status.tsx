/**
 * What a panel that draws a flow file shows before it can: the file could not be opened (why),
 * or it is still being opened. Shared by the flow panel and the Tests screen's painted flow.
 */
import type { ReactElement } from 'react';

/** Why the flow file cannot be drawn (`error`), or that it is still being opened. */
export function FlowFileStatus({ error }: { error: string | null | undefined }): ReactElement {
  if (!error) return <p className="empty">Opening the flow…</p>;
  return (
    <div className="empty" role="alert">
      <p className="empty__title">The flow file cannot be opened</p>
      <p>{error}</p>
    </div>
  );
}
