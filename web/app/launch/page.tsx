/**
 * /launch: start a run (or the paper's whole study). The form's defaults come from the
 * shared training config, read here on the server so zod never ships to the browser.
 */
import type { Metadata } from "next";
import { resolveTrainingConfig } from "../../../trainer/src/config/training-config.ts";
import { load, serverQuery } from "../../lib/server-api.ts";
import { LaunchForm } from "../../ui/launch/launch-form.tsx";
import { LaunchOptionsQuery } from "../../ui/launch/operations.ts";

export const metadata: Metadata = { title: "Launch" };

export default async function LaunchPage() {
  const defaults = resolveTrainingConfig({});
  const options = await load(serverQuery(LaunchOptionsQuery, {}));
  return (
    <>
      <h1>Launch a run</h1>
      <p className="muted" style={{ marginTop: -6 }}>
        Runs are queued; a worker (<code>npm run worker</code>) claims and trains them. Every field has a default.
      </p>
      {!options.ok ? (
        <div className="state error" role="alert" style={{ marginBottom: 12 }}>
          The API did not answer ({options.message}); launching will fail until it is back.
        </div>
      ) : null}
      <LaunchForm defaults={defaults} experiments={options.ok ? options.data.experiments.map((e) => e.name) : []} />
    </>
  );
}
