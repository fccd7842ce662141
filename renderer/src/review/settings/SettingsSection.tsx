// Runs in the renderer. The frame every settings section shares: a titled, labelled region with an optional lead line,
// so the page reads (and is announced) the same way from hotkeys down to backups.
import type { ReactNode } from 'react';

export function SettingsSection({ id, title, lead, wide = false, children }: { id: string; title: string; lead?: ReactNode; wide?: boolean; children: ReactNode }) {
  return (
    <section className={`settings__section${wide ? ' settings__section--wide' : ''}`} aria-labelledby={id}>
      <h3 id={id} className="section-title">
        {title}
      </h3>
      {lead ? <p className="section-lead">{lead}</p> : null}
      {children}
    </section>
  );
}
