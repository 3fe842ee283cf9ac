/** Shown while the first page of runs is fetched. */
export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading runs">
      <h1>Runs</h1>
      <div className="skeleton" style={{ height: 34, marginBottom: 12 }} />
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="skeleton" style={{ height: 26, marginBottom: 6 }} />
      ))}
    </div>
  );
}
