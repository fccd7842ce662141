// Runs in the renderer. A next step's kind and whether the prospect agreed to it on the call — the same two badges
// wherever a step is listed.
import type { NextStep } from '../../../shared/domain';
import { KIND_LABELS } from '../ui/labels';

export function StepBadges({ step }: { step: Pick<NextStep, 'kind' | 'agreed'> }) {
  return (
    <>
      <span className="badge">{KIND_LABELS[step.kind]}</span>
      {step.agreed ? (
        <span className="badge badge--success">
          <span aria-hidden="true">✓</span> Agreed on the call
        </span>
      ) : (
        <span className="badge badge--warning">Not agreed yet</span>
      )}
    </>
  );
}
