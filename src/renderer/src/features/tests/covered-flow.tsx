/**
 * A flow file drawn painted by coverage: opened through the contract (and again when it changes
 * on disk), then the flow view in coverage mode with its legend.
 */
import { Suspense } from 'react';
import type { ReactElement } from 'react';
import type { CoverageReport } from '../../../../shared/coverage/coverage-report.ts';
import { FlowView } from '../../lazy-screens.ts';
import { useFlowDocument } from '../../state/use-flow-document.ts';
import { FlowFileStatus } from '../../ui/flow-file-status.tsx';
import { ScreenLoading } from '../../ui/screen-loading.tsx';

const NO_PATH: string[] = [];

/** Props of {@link CoveredFlow}. */
export interface CoveredFlowProps {
  flowPath: string;
  coverage: CoverageReport;
}

/** The flow at `flowPath`, painted by `coverage`. */
export function CoveredFlow({ flowPath, coverage }: CoveredFlowProps): ReactElement {
  const { document, error } = useFlowDocument(flowPath);
  if (error || !document) return <FlowFileStatus error={error} />;
  return (
    <div className="covered-flow" data-testid="covered-flow">
      <Suspense fallback={<ScreenLoading label="the flow view" />}>
        <FlowView
          flow={document.flow}
          problems={document.problems}
          currentNode={null}
          path={NO_PATH}
          readError={document.readError}
          title={`${document.flow?.name ?? coverage.flow.name} coverage`}
          coverage={coverage}
        />
      </Suspense>
    </div>
  );
}
