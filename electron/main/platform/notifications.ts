// Runs in the main process. When a planned call's time comes, a notification offers to start it — with the purpose
// right there, or a warning that none is set. "Join & start" opens the call's https join link and starts the
// meeting; a click on the notification just starts it (macOS shows both as buttons; elsewhere the click starts and
// joins when there is a link).
import { Notification, shell } from 'electron';
import type { Events } from '../../../shared/bridge';
import type { Core, CoreLog } from '../core';
import { externalLink } from './security';

export function offerDueCalls({ core, log, platform }: { core: Pick<Core, 'onEvent' | 'handlers'>; log: CoreLog; platform: NodeJS.Platform }): void {
  if (!Notification.isSupported()) return;
  core.onEvent((event, payload) => {
    if (event !== 'due') return;
    const due = payload as Events['due'];
    const link = due.joinUrl ? externalLink(due.joinUrl) : null;
    const buttons = platform === 'darwin' && link;
    const notification = new Notification({
      title: `Starting now: ${due.title} · ${due.account}`,
      body: due.purpose ? `Purpose: ${due.purpose}` : 'No purpose set — decide the point of this call before you join.',
      ...(buttons ? { actions: [{ type: 'button' as const, text: 'Join & start' }], closeButtonText: 'Later' } : {}),
    });
    const start = (join: boolean) => {
      if (join && link) void shell.openExternal(link);
      core.handlers.startMeeting({ id: due.meetingId }).catch((error: unknown) => log.warn('Could not start the call', error));
    };
    notification.on('action', () => start(true));
    notification.on('click', () => start(!buttons)); // without buttons, the click is the only way to join
    notification.show();
  });
}

/** At the end of the workday (the core decides when, and skips a day already reviewed): the review window opens by
 * itself, and a notification says why; a click brings the review forward. */
export function remindEndOfDay({ core, showReview }: { core: Pick<Core, 'endOfDay'>; showReview: () => void }): void {
  if (!Notification.isSupported()) return;
  core.endOfDay.onDue(() => {
    const notification = new Notification({
      title: 'Time to review your day',
      body: 'Check today’s next steps, what is due, and prepare tomorrow’s calls.',
    });
    notification.on('click', showReview);
    notification.show();
  });
}
