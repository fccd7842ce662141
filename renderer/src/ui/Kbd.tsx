// Runs in the renderer. A visible keyboard shortcut. Hidden from assistive tech: the control carries it as
// `aria-keyshortcuts` instead, so a button's name stays exactly its words.
import { formatAccelerator } from './labels';

export function Kbd({ accelerator }: { accelerator: string | undefined }) {
  const text = formatAccelerator(accelerator);
  return text ? (
    <kbd className="kbd" aria-hidden="true">
      {text}
    </kbd>
  ) : null;
}
