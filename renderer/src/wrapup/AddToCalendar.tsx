// Runs in the renderer. After a step is logged: save it as an .ics invite to send to the prospect from any calendar,
// and copy a short recap email that puts the agreed step in writing.
import { useState } from 'react';
import { api } from '../api';
import { download } from '../ui/download';
import { useAction } from '../ui/useAction';

export function AddToCalendar({ stepId, email }: { stepId: string; email?: { subject: string; body: string } | undefined }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(`${email!.subject}\n\n${email!.body}`);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  const save = useAction(async () => {
    const { filename, ics } = await api.exportInvite({ nextStepId: stepId });
    download(filename, ics, 'text/calendar');
  });
  return (
    <p className="wrapup__invite">
      <button type="button" className="button button--secondary button--small" disabled={save.pending} onClick={() => void save.run()}>
        Add to calendar (.ics)
      </button>{' '}
      {email ? (
        <button type="button" className="button button--secondary button--small" onClick={() => void copy()}>
          Copy follow-up email
        </button>
      ) : null}
      {copied ? (
        <span role="status" className={copied === 'yes' ? 'muted' : 'inline-error'}>
          {' '}
          {copied === 'yes' ? 'Copied — paste it into a new email.' : 'Could not copy. Select the text in your mail app instead.'}
        </span>
      ) : null}
      {save.error ? (
        <span className="inline-error" role="alert">
          {' '}
          {save.error.message}
        </span>
      ) : null}
    </p>
  );
}
