import type { Loaded } from '../app/useLoad';
import type { ReactNode } from 'react';

export function Status<T>({ state, children }: { state: Loaded<T>; children: (data: T) => ReactNode }) {
  if (state.status === 'loading')
    return (
      <p className="status" role="status">
        Loading…
      </p>
    );
  if (state.status === 'error')
    return (
      <p className="status error" role="alert">
        {state.message}
      </p>
    );
  return <>{children(state.data)}</>;
}
