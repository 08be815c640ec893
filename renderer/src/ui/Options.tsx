/** The <option>s of a vocabulary list, labelled in Indonesian, with an optional empty first choice. */
export function Options<T extends string>({ values, labels, empty }: { values: readonly T[]; labels: Record<T, string> | ((v: T) => string); empty?: string }) {
  const label = typeof labels === 'function' ? labels : (v: T) => labels[v];
  return (
    <>
      {empty !== undefined ? <option value="">{empty}</option> : null}
      {values.map((v) => (
        <option key={v} value={v}>
          {label(v)}
        </option>
      ))}
    </>
  );
}
