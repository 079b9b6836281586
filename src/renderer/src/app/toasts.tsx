import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

export interface Toast {
  message: string;
  /** One action, such as Undo; the toast closes when it runs. */
  action?: { label: string; run: () => void };
}

interface Shown extends Toast {
  id: number;
}

const ToastContext = createContext<(toast: Toast) => void>(() => undefined);

/** Shows a short message at the bottom of the window; one with an action stays a little longer. */
export const useToast = () => useContext(ToastContext);

const PLAIN_MS = 5_000;
const WITH_ACTION_MS = 10_000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Shown[]>([]);
  const next = useRef(0);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  const dismiss = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setToasts((list) => list.filter((t) => t.id !== id));
  }, []);
  const schedule = useCallback(
    (toast: Shown) =>
      timers.current.set(
        toast.id,
        setTimeout(() => dismiss(toast.id), toast.action ? WITH_ACTION_MS : PLAIN_MS),
      ),
    [dismiss],
  );
  const show = useCallback(
    (toast: Toast) => {
      const shown = { ...toast, id: ++next.current };
      setToasts((list) => [...list.slice(-2), shown]);
      schedule(shown);
    },
    [schedule],
  );
  // A toast being read or reached with the keyboard stays until it is left.
  const hold = (id: number) => clearTimeout(timers.current.get(id));
  const release = (toast: Shown) => schedule(toast);

  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <section className="toasts" aria-label="Notifications">
        <div role="status" aria-live="polite">
          {toasts.map((t) => (
            <div
              key={t.id}
              className="toast"
              onMouseEnter={() => hold(t.id)}
              onMouseLeave={() => release(t)}
              onFocus={() => hold(t.id)}
              onBlur={() => release(t)}
            >
              <span>{t.message}</span>
              {t.action && (
                <button
                  type="button"
                  className="toast-action"
                  onClick={() => {
                    dismiss(t.id);
                    t.action!.run();
                  }}
                >
                  {t.action.label}
                </button>
              )}
              <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
                ×
              </button>
            </div>
          ))}
        </div>
      </section>
    </ToastContext.Provider>
  );
}
