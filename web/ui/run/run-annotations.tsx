"use client";
/**
 * Notes and tags of a run, editable in place. Edits go to the API at once (tags) or on
 * Save (notes); what others change arrives through the run's subscription and replaces
 * the shown value unless the user is in the middle of editing it.
 */
import { useEffect, useState } from "react";
import { useMutation } from "urql";
import type { RunDetailFieldsFragment } from "../../lib/gql/graphql.ts";
import { parseTags } from "../../lib/launch-form.ts";
import { SetRunNotesMutation, SetRunTagsMutation } from "./operations.ts";

export function RunAnnotations({ run, onChange }: { run: RunDetailFieldsFragment; onChange: (run: RunDetailFieldsFragment) => void }) {
  const [notes, setNotes] = useState(run.notes ?? "");
  const [dirty, setDirty] = useState(false);
  const [newTag, setNewTag] = useState("");
  const [notesState, saveNotes] = useMutation(SetRunNotesMutation);
  const [tagsState, saveTags] = useMutation(SetRunTagsMutation);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!dirty) setNotes(run.notes ?? "");
  }, [run.notes, dirty]);

  const submitNotes = async () => {
    const result = await saveNotes({ id: run.id, notes });
    if (result.data) {
      setDirty(false);
      setSaved(true);
      onChange(result.data.setRunNotes);
    }
  };
  const setTags = async (tags: string[]) => {
    const result = await saveTags({ id: run.id, tags });
    if (result.data) onChange(result.data.setRunTags);
    return !result.error;
  };

  return (
    <section className="panel" aria-label="Notes and tags">
      <h2 style={{ marginTop: 0 }}>Tags</h2>
      <div className="row" data-testid="run-tags">
        {run.tags.length === 0 ? <span className="muted">No tags.</span> : null}
        {run.tags.map((tag) => (
          <span key={tag} className="tag">
            {tag}{" "}
            <button
              type="button"
              className="sort-button"
              aria-label={`Remove tag ${tag}`}
              onClick={() => void setTags(run.tags.filter((t) => t !== tag))}
              disabled={tagsState.fetching}
            >
              ✕
            </button>
          </span>
        ))}
      </div>
      <form
        className="row"
        style={{ marginTop: 6 }}
        onSubmit={(e) => {
          e.preventDefault();
          const added = parseTags(newTag);
          if (added.length) void setTags([...new Set([...run.tags, ...added])]).then((ok) => ok && setNewTag(""));
        }}
      >
        <label className="row">
          <span className="muted">Add tag</span>
          <input type="text" value={newTag} onChange={(e) => setNewTag(e.target.value)} placeholder="e.g. baseline" />
        </label>
        <button type="submit" disabled={tagsState.fetching || newTag.trim() === ""}>
          Add
        </button>
      </form>
      {tagsState.error ? (
        <p className="field-error" role="alert">
          {tagsState.error.graphQLErrors[0]?.message ?? tagsState.error.message}
        </p>
      ) : null}

      <h2>Notes</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submitNotes();
        }}
      >
        <label htmlFor="run-notes" className="muted">
          Notes
        </label>
        <textarea
          id="run-notes"
          value={notes}
          rows={4}
          style={{ width: "100%", display: "block", marginTop: 2 }}
          onChange={(e) => {
            setNotes(e.target.value);
            setDirty(true);
            setSaved(false);
          }}
        />
        <div className="row" style={{ marginTop: 6 }}>
          <button type="submit" disabled={!dirty || notesState.fetching}>
            {notesState.fetching ? "Saving…" : "Save notes"}
          </button>
          {saved && !dirty ? (
            <span className="muted" role="status">
              Saved
            </span>
          ) : null}
          {notesState.error ? (
            <span className="field-error" role="alert">
              {notesState.error.graphQLErrors[0]?.message ?? notesState.error.message}
            </span>
          ) : null}
        </div>
      </form>
    </section>
  );
}
