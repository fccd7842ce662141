// Runs in the renderer. Tabs as the WAI-ARIA pattern has them: a `tablist` of `tab`s (one Tab stop — the selected
// tab; Left/Right arrows move between tabs and wrap, Home/End jump to the ends, and moving selects: switching is
// instant because every mode's data is already loaded) and one `tabpanel` for the selected tab. What the panel holds
// is the caller's: the review keeps the modes shown before built in it, skipped and inert (ReviewApp's ModeSlots).
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import './tabs.css';

export interface Tab<K extends string> {
  key: K;
  /** The tab's visible name; a count inside becomes part of its accessible name ("Follow-ups 3 due"). */
  label: ReactNode;
}

interface Props<K extends string> {
  /** The tablist's accessible name. */
  label: string;
  tabs: readonly Tab<K>[];
  selected: K;
  onSelect: (key: K) => void;
  idPrefix: string;
  children: ReactNode;
}

const NEXT_KEYS: Record<string, (i: number, n: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

export function Tabs<K extends string>({ label, tabs, selected, onSelect, idPrefix, children }: Props<K>) {
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const tabId = (key: K) => `${idPrefix}-tab-${key}`;
  const panelId = `${idPrefix}-panel`;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const move = NEXT_KEYS[event.key];
    if (!move || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const next = tabs[move(Math.max(0, tabs.findIndex((t) => t.key === selected)), tabs.length)];
    if (!next) return;
    onSelect(next.key);
    refs.current.get(next.key)?.focus();
  };

  return (
    <>
      <div role="tablist" aria-label={label} className="tabs" onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const isSelected = tab.key === selected;
          return (
            <button
              key={tab.key}
              ref={(el) => {
                if (el) refs.current.set(tab.key, el);
                else refs.current.delete(tab.key);
              }}
              type="button"
              role="tab"
              id={tabId(tab.key)}
              className="tabs__tab"
              aria-selected={isSelected}
              // Only the selected tab points at the panel: the others' panels are not in the page.
              aria-controls={isSelected ? panelId : undefined}
              tabIndex={isSelected ? 0 : -1}
              onClick={() => onSelect(tab.key)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={panelId} className="tabs__panel" aria-labelledby={tabId(selected)} tabIndex={0}>
        {children}
      </div>
    </>
  );
}
