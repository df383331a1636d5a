/**
 * What to press in the sample flows against the built-in demo CRM (its data is in the README),
 * shown before the first call so a first-time user, or a stakeholder at a demo, can go straight in.
 */
import type { ReactElement } from 'react';

const SAMPLES: readonly { flow: string; keys: string; note: string }[] = [
  { flow: 'Balance read-back', keys: '12345 # 1111', note: 'customer number, hash, PIN' },
  { flow: 'Personalised menu', keys: '1', note: 'caller +3612345678 is a gold customer' },
  { flow: 'Utility meter reading', keys: '100200 … 4902 # … 1', note: 'meter, reading, confirm' },
];

/** The table of sample keys. */
export function TryTheSamples(): ReactElement {
  return (
    <section className="samples" aria-labelledby="samples-title">
      <h3 id="samples-title" className="samples__title">
        Try the sample flows with the built-in demo CRM
      </h3>
      <table className="samples__table">
        <tbody>
          {SAMPLES.map((sample) => (
            <tr key={sample.flow}>
              <th scope="row">
                {sample.flow}
                <span className="samples__note">{sample.note}</span>
              </th>
              <td>
                <kbd>{sample.keys}</kbd>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
