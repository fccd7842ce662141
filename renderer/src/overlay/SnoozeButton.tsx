// Runs in the renderer. "Later" for whatever prompt the overlay shows: it waits quietly for the snooze time, then
// comes back. The same action as the snooze hotkey.
import type { Meeting } from '../../../shared/domain';
import { api } from '../api';
import { Kbd } from '../ui/Kbd';
import { useAction } from '../ui/useAction';

export function useSnooze(meeting: Meeting) {
  return useAction(() => api.answerPrompt({ meetingId: meeting.id, answer: 'snooze' }));
}

export function SnoozeButton({ snooze, accelerator }: { snooze: ReturnType<typeof useSnooze>; accelerator: string | undefined }) {
  return (
    <button
      type="button"
      className="button button--quiet button--small"
      disabled={snooze.pending}
      aria-keyshortcuts={accelerator}
      onClick={() => void snooze.run()}
    >
      Later <Kbd accelerator={accelerator} />
    </button>
  );
}
