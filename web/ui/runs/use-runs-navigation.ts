"use client";
/** Moves the runs table to another view by changing the URL (the server renders the new page). */
import { useRouter } from "next/navigation";
import { useCallback, useTransition } from "react";
import { runsViewToParams, type RunsView } from "../../lib/runs-view.ts";

export function useRunsNavigation(): { go: (view: RunsView, options?: { replace?: boolean }) => void; pending: boolean } {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const go = useCallback(
    (view: RunsView, options: { replace?: boolean } = {}) => {
      const query = runsViewToParams(view).toString();
      const href = query ? `/runs?${query}` : "/runs";
      startTransition(() => (options.replace ? router.replace(href, { scroll: false }) : router.push(href, { scroll: false })));
    },
    [router],
  );
  return { go, pending };
}
