// Runs in the renderer. No call in progress: the overlay offers to start one that was never planned — but only with
// a point. Who the call is with and its purpose come first; then it starts, timer and prompts included.
import { useState } from 'react';
import { api } from '../api';
import { errorFor } from '../ui/fields';
import { useAction } from '../ui/useAction';

export function QuickCall() {
  const [account, setAccount] = useState('');
  const [purpose, setPurpose] = useState('');
  const start = useAction(() => api.startAdHocCall({ account, purpose }));
  const accountError = errorFor(start.error?.fields, 'account');
  const purposeError = errorFor(start.error?.fields, 'purpose');
  return (
    <form
      className="quick-call"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void start.run();
      }}
    >
      <h1 className="overlay__idle">No call in progress</h1>
      <p className="muted">Starting one that was not planned? Give it a point first.</p>
      <label className="quick-call__label" htmlFor="qc-account">
        Who is the call with?
      </label>
      <input id="qc-account" className="input input--compact" value={account} autoComplete="off" aria-invalid={accountError ? true : undefined} aria-describedby={accountError ? 'qc-account-error' : undefined} onChange={(e) => setAccount(e.target.value)} />
      {accountError ? (
        <p className="field__error" id="qc-account-error">
          {accountError}
        </p>
      ) : null}
      <label className="quick-call__label" htmlFor="qc-purpose">
        Its purpose
      </label>
      <input id="qc-purpose" className="input input--compact" value={purpose} placeholder="e.g. Agree whether a trial makes sense" autoComplete="off" aria-invalid={purposeError ? true : undefined} aria-describedby={purposeError ? 'qc-purpose-error' : undefined} onChange={(e) => setPurpose(e.target.value)} />
      {purposeError ? (
        <p className="field__error" id="qc-purpose-error">
          {purposeError}
        </p>
      ) : null}
      <button type="submit" className="button button--small" disabled={start.pending}>
        Start call
      </button>
    </form>
  );
}
