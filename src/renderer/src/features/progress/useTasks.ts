import { useEffect, useState } from 'react';
import type { TaskProgress } from '../../../../shared/domain';
import { api } from '../../api';

/** A finished task stays listed briefly so the user sees it completed rather than vanish. */
const LINGER_MS = 2500;

export function useTasks(): TaskProgress[] {
  const [tasks, setTasks] = useState<Map<string, TaskProgress>>(new Map());
  useEffect(() => {
    const timers = new Map<string, number>();
    const off = api().on('progress', (progress) => {
      setTasks((current) => new Map(current).set(progress.task, progress));
      window.clearTimeout(timers.get(progress.task));
      if (progress.finished) {
        timers.set(
          progress.task,
          window.setTimeout(() => {
            setTasks((current) => {
              const next = new Map(current);
              next.delete(progress.task);
              return next;
            });
          }, LINGER_MS),
        );
      }
    });
    return () => {
      off();
      for (const timer of timers.values()) window.clearTimeout(timer);
    };
  }, []);
  return [...tasks.values()];
}
