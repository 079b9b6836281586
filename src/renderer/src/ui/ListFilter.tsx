import { useEffect, useState, type ReactNode } from 'react';

interface Props {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  shown: number;
  total: number;
  children?: ReactNode;
}

/** The toolbar every list shares: a filter box, the list's own choices, and how many rows show. */
export function ListFilter({ label, placeholder, value, onChange, shown, total, children }: Props) {
  // Typing stays in the box at once; the kept choice follows.
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <div className="list-toolbar" role="search">
      <input
        type="search"
        aria-label={label}
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onChange(e.target.value);
        }}
      />
      {children}
      <span className="count" aria-live="polite">
        {shown} of {total}
      </span>
    </div>
  );
}
