/**
 * The flow's top-level `datasets` (the rows `queryData` looks up): each dataset as a table, and
 * the line that adds one by name. Every change is one `onSet`, so one undo step.
 */
import type { ReactElement } from 'react';
import { DatasetTable } from './dataset-table.tsx';
import { plainNameProblem } from './flow-data-values.ts';
import { AddNameLine } from './add-name-line.tsx';
import './flow-data.css';

/** Props of {@link DatasetsEditor}. */
export interface DatasetsEditorProps {
  /** The flow's `datasets` object ({} when absent). */
  datasets: Record<string, unknown>;
  /** Sets (undefined: removes) a value at `path` from the flow's root. */
  onSet(path: (string | number)[], value: unknown): void;
}

/** The name field and button that add an empty dataset. */
function AddDataset({ datasets, onSet }: DatasetsEditorProps): ReactElement {
  return (
    <AddNameLine
      label="New dataset name"
      placeholder="customers"
      action="Add dataset"
      problemOf={(name) => plainNameProblem(name, Object.keys(datasets), 'dataset')}
      onAdd={(name) => onSet(['datasets', name], [])}
    />
  );
}

/** The flow's datasets, each a table, then the line that adds one. */
export function DatasetsEditor({ datasets, onSet }: DatasetsEditorProps): ReactElement {
  const names = Object.keys(datasets);
  return (
    <section className="flow-data" aria-label="Datasets">
      <h4 className="flow-data__caption">Datasets</h4>
      {names.length === 0 && (
        <p className="muted flow-data__empty">
          No datasets yet. A queryData node finds a row of one by its fields.
        </p>
      )}
      {names.map((name, index) => (
        // Keyed by place: a rename re-renders the dataset rather than replacing it, so focus stays.
        <DatasetTable key={index} name={name} datasets={datasets} onSet={onSet} />
      ))}
      <AddDataset datasets={datasets} onSet={onSet} />
    </section>
  );
}
