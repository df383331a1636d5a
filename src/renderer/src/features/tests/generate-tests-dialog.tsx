/**
 * "Generate tests" on the flow view: the flow explored offline with the environment picked on the
 * phone (its mocks answer the webhooks), then the cases generated, their coverage (figures and
 * the painted flow), the exits no case reached and why, the test file's YAML, and Save to tests/.
 */
import { useId } from 'react';
import type { ReactElement } from 'react';
import { plural } from '../../lib/plural.ts';
import { ModalDialog } from '../../ui/modal-dialog.tsx';
import { CoverageFigures } from './coverage-summary.tsx';
import { CoveredFlow } from './covered-flow.tsx';
import { GeneratedCases, UnreachedExits } from './generated-cases.tsx';
import { useExplore } from './use-explore.ts';
import './tests.css';
import './generate-tests.css';

/** Props of {@link GenerateTestsDialog}. */
export interface GenerateTestsDialogProps {
  flowPath: string;
  flowName: string;
  environmentId: string;
  environmentName: string;
  onClose(): void;
}

/** Explores the flow when opened and shows what it generated. */
export function GenerateTestsDialog(props: GenerateTestsDialogProps): ReactElement {
  const explore = useExplore(props.flowPath, props.environmentId);
  const yamlId = useId();
  const { report } = explore;
  const busy = report === null && explore.error === null;
  const footer = (
    <>
      <div className="generate__saved" role="status" aria-live="polite">
        {explore.savedPath && (
          <span data-testid="generate-saved">
            Saved to <code>{explore.savedPath}</code>: the Tests screen lists it.
          </span>
        )}
        {explore.saveError && <span className="tests__error">{explore.saveError}</span>}
      </div>
      <button type="button" className="button" onClick={props.onClose}>
        Close
      </button>
      <button
        type="button"
        className="button button--primary"
        disabled={!report || explore.saving || explore.savedPath !== null}
        onClick={explore.save}
      >
        {explore.saving ? 'Saving…' : 'Save to tests/'}
      </button>
    </>
  );
  return (
    <ModalDialog
      title={`Generate tests: ${props.flowName}`}
      onClose={props.onClose}
      footer={footer}
      testId="generate-tests"
    >
      <p className="generate__about">
        The flow explored with <strong>{props.environmentName}</strong>: every key, silence, too few
        and too many digits, and each reply its mocks can give (webhooks it does not mock are sent
        to their URL); the cases kept reach every exit they can.
      </p>
      {busy && (
        <p className="generate__busy" role="status" aria-busy="true">
          <span className="generate__spinner" aria-hidden="true" /> Exploring the flow…
        </p>
      )}
      {explore.error && (
        <p className="tests__error" role="alert">
          Exploring failed: {explore.error}
        </p>
      )}
      {report && (
        <>
          <p className="generate__result" data-testid="generate-result">
            {plural(report.cases.length, 'case')} from {plural(report.callsPlaced, 'call')} in{' '}
            {(report.durationMs / 1000).toFixed(1)} s
          </p>
          <div className="generate__grid">
            <div className="generate__column">
              <h3 className="generate__heading">Cases</h3>
              <GeneratedCases cases={report.cases} />
              <h3 className="generate__heading">Exits not reached</h3>
              <UnreachedExits unreached={report.unreached} />
              <div className="field">
                <label className="field__label" htmlFor={yamlId}>
                  Test file (YAML) · saved as <code>{report.suggestedPath}</code> or a free name
                  beside it
                </label>
                <textarea
                  id={yamlId}
                  className="generate__yaml"
                  value={report.yaml}
                  readOnly
                  rows={10}
                  spellCheck={false}
                />
              </div>
            </div>
            <div className="generate__column generate__coverage">
              <h3 className="generate__heading">Coverage</h3>
              <CoverageFigures report={report.coverage} />
              <div className="generate__flow">
                <CoveredFlow flowPath={props.flowPath} coverage={report.coverage} />
              </div>
            </div>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
