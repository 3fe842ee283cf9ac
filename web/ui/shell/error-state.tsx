/** A failed load, said plainly, with what to do about it. */
import Link from "next/link";

export function ErrorState({ title, message, apiDown }: { title: string; message: string; apiDown?: boolean }) {
  return (
    <div className="state error" role="alert">
      <h2 style={{ marginTop: 0 }}>{title}</h2>
      <p>{message}</p>
      {apiDown ? (
        <p className="muted">
          Is the API running? <code>npm start</code> starts it together with the dashboard.
        </p>
      ) : null}
      <p>
        <Link href="/runs">Back to all runs</Link>
      </p>
    </div>
  );
}
