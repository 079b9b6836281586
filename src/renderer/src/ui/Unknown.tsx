/** Metadata the texts do not give is shown as unknown, never guessed. */
export function OrUnknown({ value }: { value: string | null | undefined }) {
  return value && value.trim() ? <>{value}</> : <span className="unknown">unknown</span>;
}
