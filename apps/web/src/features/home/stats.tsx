/** A row of counts; every number shown here comes straight from the API. */
export function Stats({ items, label }: { items: { label: string; value: number }[]; label: string }) {
  return (
    <dl className="stats" aria-label={label}>
      {items.map((item) => (
        <div key={item.label} className="stat">
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
