"use client";
/** Any page that fails to render (most often: the API is down) lands here, with a retry. */
import { useEffect } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => console.error(error), [error]);
  return (
    <div className="state error" role="alert">
      <h1>Something went wrong</h1>
      <p>{error.message || "The page could not be rendered."}</p>
      <p className="muted">If the API is not running, start the platform with npm start.</p>
      <button type="button" onClick={() => reset()}>
        Try again
      </button>
    </div>
  );
}
