import { useRef, useState } from 'react';

interface Props {
  /** The width of the pane this splitter resizes, in CSS pixels. */
  value: number;
  min: number;
  max: number;
  /** Turns the pointer's x position into the pane's width (the pane may sit left or right of it). */
  widthAt: (clientX: number) => number;
  /** Follows the drag or the key, to resize at once. */
  onResize: (width: number) => void;
  /** The width to keep, once the drag or key press is over. */
  onCommit: (width: number) => void;
  label: string;
  controls: string;
}

const STEP = 24;

/**
 * A vertical splitter: drag it, or focus it and use ← → (Home and End for the limits). A pane
 * to its right grows as it moves left. Its size is kept by the caller (in the notebook's settings).
 */
export function Splitter({ value, min, max, widthAt, onResize, onCommit, label, controls }: Props) {
  const [dragging, setDragging] = useState(false);
  const latest = useRef(value);
  const clamp = (n: number) => Math.round(Math.max(min, Math.min(max, n)));
  const resize = (n: number) => {
    latest.current = clamp(n);
    onResize(latest.current);
  };

  return (
    <div
      className={`splitter ${dragging ? 'dragging' : ''}`}
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        e.preventDefault();
        e.currentTarget.setPointerCapture(e.pointerId);
        setDragging(true);
      }}
      onPointerMove={(e) => dragging && resize(widthAt(e.clientX))}
      onPointerUp={(e) => {
        if (!dragging) return;
        e.currentTarget.releasePointerCapture(e.pointerId);
        setDragging(false);
        onCommit(latest.current);
      }}
      onKeyDown={(e) => {
        const next =
          e.key === 'ArrowLeft'
            ? value + STEP
            : e.key === 'ArrowRight'
              ? value - STEP
              : e.key === 'Home'
                ? max
                : e.key === 'End'
                  ? min
                  : null;
        if (next === null) return;
        e.preventDefault();
        resize(next);
      }}
      onKeyUp={(e) => {
        if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) onCommit(latest.current);
      }}
    />
  );
}
