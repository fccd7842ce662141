// Runs in the renderer. The data notice (a restored backup, a read-only file, a failed save): said plainly, once,
// until the rep acknowledges it.
import type { Notice as NoticeData } from '../../../shared/views';
import type { AppState } from '../../../shared/views';
import { api } from '../api';
import { formatWhen } from './format';
import { useAction } from './useAction';

export function Notice({ notice, now, onAcknowledged }: { notice: NoticeData; now: number; onAcknowledged?: (state: AppState) => void }) {
  const ack = useAction(() => api.acknowledgeNotice());
  return (
    <div className="banner banner--warning" role="alert">
      <div className="banner__body">
        <p className="banner__title">{notice.message}</p>
        {notice.backupTime ? <p>The copy you are working from was saved {formatWhen(notice.backupTime, now)}.</p> : null}
        {notice.quarantinedFile ? (
          <p>
            The unreadable file was kept, untouched, at <code className="path">{notice.quarantinedFile}</code>
          </p>
        ) : null}
        {ack.error ? <p className="banner__error">{ack.error.message}</p> : null}
      </div>
      <button
        type="button"
        className="button button--secondary"
        disabled={ack.pending}
        onClick={async () => {
          const state = await ack.run();
          if (state) onAcknowledged?.(state);
        }}
      >
        OK, got it
      </button>
    </div>
  );
}
