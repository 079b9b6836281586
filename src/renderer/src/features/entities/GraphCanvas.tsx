import { useEffect, useRef } from 'react';
import type { EntityGraph } from '../../../../shared/domain';
import { startGraphEngine } from './graphEngine';

/**
 * The graph on a canvas, laid out and drawn by a worker so the page answers clicks and scrolls
 * while a large graph settles (graphEngine.ts). Wheel zooms, drag pans; a click on a node or an
 * edge is reported.
 */
export function GraphCanvas({
  data,
  onNode,
  onEdge,
}: {
  data: EntityGraph;
  onNode: (id: string) => void;
  onEdge: (a: string, b: string) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const handlers = useRef({ onNode, onEdge });
  useEffect(() => {
    handlers.current = { onNode, onEdge };
  });
  useEffect(
    () =>
      startGraphEngine(host.current!, data, {
        onNode: (id) => handlers.current.onNode(id),
        onEdge: (a, b) => handlers.current.onEdge(a, b),
      }),
    [data],
  );
  return <div ref={host} className="graph-host" />;
}
