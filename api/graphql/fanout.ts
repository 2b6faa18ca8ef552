// Subscriptions executed once per event and audience. Each subscriber keeps its own source stream
// (its authorization at subscribe time, and e.g. an order's current state first), but the events of
// a topic are the same objects for every subscriber (see pubsub.ts), so subscribers that share an
// operation (document, operation name, variables) and an audience (who they are) share one
// execution and one serialized payload per event; only the message envelope is their own.
import {
  createSourceEventStream,
  execute,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLError,
} from 'graphql';
import type { Viewer } from '../services/types.js';

/** What a subscription's results may depend on besides the operation: the viewer. */
export function audienceOf(viewer: Viewer | null): string {
  return viewer ? `${viewer.role}:${viewer.id}` : 'anonymous';
}

export interface FanoutDeps {
  maskError(error: unknown): Error;
}

export interface Subscriber {
  /** The subscriber's key: operation and audience. */
  key: string;
  /** Sends one `next` message with an already serialized payload. */
  sendPayload(payloadJson: string): void;
}

export function createFanout(deps: FanoutDeps) {
  const documentIds = new WeakMap<DocumentNode, number>();
  let lastDocumentId = 0;
  // Per event object, per subscriber key: the payload JSON, or its pending execution.
  const payloads = new WeakMap<object, Map<string, string | Promise<string>>>();

  const mask = (result: ExecutionResult): ExecutionResult =>
    result.errors
      ? { ...result, errors: result.errors.map((e) => deps.maskError(e) as GraphQLError) }
      : result;

  /** graphql-ws's payload layout: the result's fields, then its errors. */
  const serialize = (result: ExecutionResult) => {
    const { errors, ...rest } = mask(result);
    return JSON.stringify(errors ? { ...rest, errors } : rest);
  };

  function payloadFor(event: unknown, key: string, args: ExecutionArgs): string | Promise<string> {
    const run = () => {
      const result = execute({ ...args, rootValue: event });
      return result instanceof Promise ? result.then(serialize) : serialize(result);
    };
    if (typeof event !== 'object' || event === null) return run();
    let byKey = payloads.get(event);
    if (!byKey) payloads.set(event, (byKey = new Map()));
    let payload = byKey.get(key);
    if (payload === undefined) {
      payload = run();
      byKey.set(key, payload);
    }
    return payload;
  }

  return {
    /** The key subscribers with the same operation and audience share. */
    keyOf(args: ExecutionArgs, audience: string): string {
      let id = documentIds.get(args.document);
      if (id === undefined) documentIds.set(args.document, (id = ++lastDocumentId));
      const variables = args.variableValues ? JSON.stringify(args.variableValues) : '';
      return `${audience}\u0000${id}\u0000${args.operationName ?? ''}\u0000${variables}`;
    },

    /**
     * Subscribes one subscriber: its own source stream (authorization and all), then each event's
     * shared payload sent to it. Returns a stream for graphql-ws that yields nothing and ends with the
     * source, or the refusal as a result.
     */
    async subscribe(
      args: ExecutionArgs,
      subscriber: Subscriber,
    ): Promise<AsyncIterableIterator<never> | ExecutionResult> {
      let source: AsyncIterable<unknown> | ExecutionResult;
      try {
        source = await createSourceEventStream(args);
      } catch (error) {
        throw deps.maskError(error);
      }
      if (!(Symbol.asyncIterator in source)) return mask(source);
      return new FanoutStream(
        source[Symbol.asyncIterator](),
        (event) => payloadFor(event, subscriber.key, args),
        subscriber,
      );
    },
  };
}

/**
 * The stream graphql-ws iterates for one subscriber. Its first `next()` pumps events straight to the
 * socket and settles only when the source ends, fails, or the subscriber leaves.
 */
class FanoutStream implements AsyncIterableIterator<never> {
  private stopped = false;
  private settle: ((result: IteratorResult<never>) => void) | undefined;

  constructor(
    private readonly source: AsyncIterator<unknown>,
    private readonly payloadFor: (event: unknown) => string | Promise<string>,
    private readonly subscriber: Subscriber,
  ) {}

  [Symbol.asyncIterator]() {
    return this;
  }

  next(): Promise<IteratorResult<never>> {
    return new Promise((resolve, reject) => {
      this.settle = resolve;
      this.pump().then(
        (finished) => finished && resolve({ value: undefined, done: true }),
        (error: unknown) => !this.stopped && reject(error),
      );
    });
  }

  return(): Promise<IteratorResult<never>> {
    if (!this.stopped) {
      this.stopped = true;
      // An async generator source ends only at its next event; nobody should wait for that.
      void this.source.return?.()?.catch(() => undefined);
      this.settle?.({ value: undefined, done: true });
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  /** Sends events until the source ends (true) or the subscriber leaves (false). */
  private async pump(): Promise<boolean> {
    for (;;) {
      const step = await this.source.next();
      if (this.stopped) return false;
      if (step.done) return true;
      const pending = this.payloadFor(step.value);
      const payload = typeof pending === 'string' ? pending : await pending;
      if (this.stopped) return false;
      this.subscriber.sendPayload(payload);
    }
  }
}
