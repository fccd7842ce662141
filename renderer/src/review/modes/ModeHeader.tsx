// Runs in the renderer. The heading every review mode starts with: what it is, and one line saying what is in it.
import type { ReactNode } from 'react';

export function ModeHeader({ id, title, children, actions }: { id: string; title: string; children?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mode__head">
      <div>
        <h2 id={id} className="mode__title" tabIndex={-1}>
          {title}
        </h2>
        {children ? <p className="mode__lead">{children}</p> : null}
      </div>
      {actions ? <div className="mode__actions">{actions}</div> : null}
    </div>
  );
}

/** The button under a list that shows only its first items ("Show more overdue steps (35 not shown)"). */
export function ShowMore({ shown, total, what, onMore }: { shown: number; total: number; what: string; onMore: () => void }) {
  if (shown >= total) return null;
  return (
    <button type="button" className="button button--quiet button--small show-more" onClick={onMore}>
      Show more {what} ({total - shown} not shown)
    </button>
  );
}
