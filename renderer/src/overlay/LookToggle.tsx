// Runs in the renderer. Switches the overlay between one line and the full panel; remembered in the settings.
import { api } from '../api';
import { useAction } from '../ui/useAction';

export function LookToggle({ compact }: { compact: boolean }) {
  const toggle = useAction(() => api.updateSettings({ overlay: { compact: !compact } }));
  return (
    <button
      type="button"
      className="button button--quiet button--small overlay__look"
      aria-pressed={compact}
      disabled={toggle.pending}
      onClick={() => void toggle.run()}
      title={compact ? 'Show the full overlay' : 'Shrink the overlay to one line'}
    >
      {compact ? 'Expand' : 'Compact'}
    </button>
  );
}
