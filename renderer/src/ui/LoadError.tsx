// Runs in the renderer. A view that could not load: what went wrong, in the core's words, and a way to try again.
export function LoadError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className="banner banner--warning" role="alert">
      <p className="banner__title">{message}</p>
      <button type="button" className="button button--secondary" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
