// Runs in Node (main and preview). The app-wide view every window starts from (the core's clock, the data notice,
// whether a call is live, how many wrap-ups wait) and the window requests a page may make.
import type { Handlers } from '../../../../shared/contract';
import { unheldCalls } from '../../../../shared/rules/unheld-calls';
import { pendingWrapUps } from '../../../../shared/rules/wrap-up-gate';
import type { AppState } from '../../../../shared/views';
import type { ServiceContext } from './context';
import { pausedUntil } from './prompts-pause';
import { liveMeeting } from '../../../../shared/rules/open-meetings';

export function appStateService(ctx: ServiceContext) {
  const state = (): AppState => {
    const doc = ctx.store.data;
    return {
      now: ctx.clock.now(),
      revision: ctx.revision(),
      notice: ctx.store.notice,
      readOnly: ctx.store.readOnly,
      liveMeetingId: liveMeeting(doc)?.id ?? null,
      pendingWrapUps: pendingWrapUps(doc).length,
      unheldCalls: unheldCalls(doc, ctx.clock.now()).length,
      hotkeyFailures: ctx.hotkeyFailures,
      promptsPausedUntil: pausedUntil(ctx),
    };
  };
  return {
    getState: async () => state(),
    async acknowledgeNotice() {
      await ctx.store.acknowledgeNotice();
      ctx.emit('changed', { revision: ctx.revision() });
      return state();
    },
    async showWindow({ window }) {
      ctx.emit('window', { window, action: 'show' });
      return null;
    },
    async releaseFocus() {
      ctx.emit('window', { window: 'overlay', action: 'release-focus' });
      return null;
    },
  } satisfies Pick<Handlers, 'getState' | 'acknowledgeNotice' | 'showWindow' | 'releaseFocus'>;
}
