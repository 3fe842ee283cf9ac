"use client";
/**
 * Subscribes to a GraphQL subscription for as long as a component is mounted and hands
 * each event to a callback. The callback may change between renders without resubscribing.
 */
import { useEffect, useRef } from "react";
import { useClient, type AnyVariables, type TypedDocumentNode } from "urql";

export function useLive<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  onData: (data: Data) => void,
  enabled = true,
): void {
  const client = useClient();
  const handler = useRef(onData);
  handler.current = onData;
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (!enabled) return;
    const { unsubscribe } = client.subscription(document, JSON.parse(key) as Variables).subscribe((result) => {
      if (result.data) handler.current(result.data);
    });
    return unsubscribe;
  }, [client, document, key, enabled]);
}
