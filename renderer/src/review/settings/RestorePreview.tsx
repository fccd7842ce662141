// Runs in the renderer. Settings › Backups: what a restore would change, shown before the rep confirms — for
// meetings, next steps and deals: how many come back, go away or change, with a few named and dated; and which
// settings change. The confirm button stays disabled while the core says a restore cannot happen now (and why).
import type { ChangeCounts, RestoreSummary } from '../../../../shared/rules/restore-changes';
import type { RestorePreview as Preview } from '../../../../shared/views';
import { formatWhen } from '../../ui/format';

const CHANGE_WORDS = { added: 'Comes back', removed: 'Goes away', changed: 'Changes' } as const;

function KindLine({ title, counts, now }: { title: string; counts: ChangeCounts; now: number }) {
  const parts = [
    counts.added ? `${counts.added} come back` : '',
    counts.removed ? `${counts.removed} go away` : '',
    counts.changed ? `${counts.changed} change` : '',
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <li>
      <strong>{title}:</strong> {parts.join(', ')}.
      <ul className="restore__examples">
        {counts.examples.map((e, i) => (
          <li key={i}>
            {CHANGE_WORDS[e.change]}: {e.label} <span className="muted">({formatWhen(e.when, now)})</span>
          </li>
        ))}
      </ul>
    </li>
  );
}

function Changes({ summary, now }: { summary: RestoreSummary; now: number }) {
  if (summary.nothing) return <p>It holds exactly what you have now: restoring it would change nothing.</p>;
  return (
    <ul className="restore__changes">
      <KindLine title="Meetings" counts={summary.meetings} now={now} />
      <KindLine title="Next steps" counts={summary.nextSteps} now={now} />
      <KindLine title="Deals" counts={summary.threads} now={now} />
      {summary.settings.length ? (
        <li>
          <strong>Settings that change:</strong> {summary.settings.join(', ')}.
        </li>
      ) : null}
    </ul>
  );
}

interface Props {
  /** "the backup from Mon 23 Nov, 09:00", "second-step-data-2026-11-20.json". */
  source: string;
  preview: Preview;
  now: number;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

export function RestorePreview({ source, preview, now, pending, error, onConfirm, onCancel }: Props) {
  return (
    <div className="restore" role="region" aria-labelledby="restore-heading">
      <h4 id="restore-heading" className="settings__subtitle">
        Restoring {source} would change:
      </h4>
      <Changes summary={preview.summary} now={now} />
      {preview.blockedBy ? (
        <p className="inline-error" role="alert">
          {preview.blockedBy}
        </p>
      ) : (
        <p className="muted">Your data as it is now is backed up first, so you can go back to it from this list.</p>
      )}
      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="settings__actions">
        <button type="button" className="button" disabled={pending || preview.blockedBy !== null} onClick={onConfirm}>
          {pending ? 'Restoring…' : 'Restore it'}
        </button>
        <button type="button" className="button button--secondary" disabled={pending} onClick={onCancel}>
          Cancel
        </button>
      </p>
    </div>
  );
}
