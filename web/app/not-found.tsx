import Link from "next/link";

/** Any URL the dashboard does not have. */
export default function NotFound() {
  return (
    <div className="state" role="alert">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link href="/runs">Go to the runs</Link>.
      </p>
    </div>
  );
}
