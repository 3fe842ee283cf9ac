import Link from "next/link";

/** An id that names no run. */
export default function RunNotFound() {
  return (
    <div className="state" role="alert" data-testid="run-not-found">
      <h1>Run not found</h1>
      <p>No run has this id: it may have been mistyped, or belong to another database.</p>
      <p>
        <Link href="/runs">Browse all runs</Link>
      </p>
    </div>
  );
}
