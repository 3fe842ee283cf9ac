/** Shown while the run is fetched. */
export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading run">
      <div className="skeleton" style={{ height: 28, width: 320, marginBottom: 12 }} />
      <div className="grid-2">
        <div className="skeleton" style={{ height: 180 }} />
        <div className="skeleton" style={{ height: 180 }} />
      </div>
    </div>
  );
}
