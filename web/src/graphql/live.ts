// Small helpers over urql sources so screens can run a query and keep it live with a subscription.
import { CombinedError, type AnyVariables, type Client, type DocumentInput } from '@urql/core';

export type Unsubscribe = () => void;

/** Subscribes and calls `onData` for each event; returns the unsubscribe function. */
export function listen<Data, Variables extends AnyVariables>(
  client: Client,
  document: DocumentInput<Data, Variables>,
  variables: Variables,
  onData: (data: Data) => void,
  onError?: (error: CombinedError) => void,
): Unsubscribe {
  const { unsubscribe } = client.subscription(document, variables).subscribe((result) => {
    if (result.data) onData(result.data);
    else if (result.error) onError?.(result.error);
  });
  return unsubscribe;
}

export type Loaded<Data> = { data: Data; error: null } | { data: null; error: CombinedError };

/** One network round trip, as a promise of data or error (never rejects). */
export async function load<Data, Variables extends AnyVariables>(
  client: Client,
  document: DocumentInput<Data, Variables>,
  variables: Variables,
): Promise<Loaded<Data>> {
  const result = await client
    .query(document, variables, { requestPolicy: 'network-only' })
    .toPromise();
  if (result.data) return { data: result.data, error: null };
  return { data: null, error: result.error ?? unexpectedEmpty() };
}

export async function run<Data, Variables extends AnyVariables>(
  client: Client,
  document: DocumentInput<Data, Variables>,
  variables: Variables,
): Promise<Loaded<Data>> {
  const result = await client.mutation(document, variables).toPromise();
  if (result.data && !result.error) return { data: result.data, error: null };
  return { data: null, error: result.error ?? unexpectedEmpty() };
}

function unexpectedEmpty(): CombinedError {
  // A response with neither data nor error only happens when the transport dropped it.
  return new CombinedError({ networkError: new Error('No response') });
}
