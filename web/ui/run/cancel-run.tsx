"use client";
/** Cancels a queued or running run, after a second, explicit confirmation. */
import { useState } from "react";
import { useMutation } from "urql";
import type { RunDetailFieldsFragment } from "../../lib/gql/graphql.ts";
import { CancelRunMutation } from "./operations.ts";

export function CancelRun({ run, onChange }: { run: RunDetailFieldsFragment; onChange: (run: RunDetailFieldsFragment) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [state, cancel] = useMutation(CancelRunMutation);
  if (run.status !== "RUNNING" && run.status !== "QUEUED") return null;
  if (!confirming) {
    return (
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        Cancel run
      </button>
    );
  }
  return (
    <span className="row" role="group" aria-label="Confirm cancel">
      <span>Stop this run?</span>
      <button
        type="button"
        className="danger"
        disabled={state.fetching}
        autoFocus
        onClick={async () => {
          const result = await cancel({ id: run.id });
          if (result.data) onChange(result.data.cancelRun);
          setConfirming(false);
        }}
      >
        Yes, cancel it
      </button>
      <button type="button" onClick={() => setConfirming(false)}>
        Keep running
      </button>
      {state.error ? <span className="field-error">{state.error.graphQLErrors[0]?.message ?? state.error.message}</span> : null}
    </span>
  );
}
