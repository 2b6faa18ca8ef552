// Subscriptions executed once per event and audience. Each subscriber keeps its own source stream
// (its authorization at subscribe time, and e.g. an order's current state first), but the events of
// a topic are the same objects for every subscriber (see pubsub.ts), so subscribers that share an
// operation (document, operation name, variables) and an audience (who they are) share one
// execution and one serialized payload per event; only the message envelope is their own. That
// execution is the server's enveloped execute (errors masked and coded, operation metrics), the
// same as a query's.
import {
  createSourceEventStream,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLError,
} from 'graphql';
import type { YogaServerInstance } from 'graphql-yoga';
import type { Viewer } from '../domain/types.js';
import type { Context } from './context.js';
import { addErrorCodes, type ServerContext } from './yoga.js';

/** Distinct subscriber keys kept as one shared string each. */
const KEYS_KEPT = 10_000;

/** What a subscription's results may depend on besides the operation: the viewer. */
export function audienceOf(viewer: Viewer | null): string {
  return viewer ? `${viewer.role}:${viewer.id}` : 'anonymous';
}

export interface FanoutDeps {
  /** Masks what a refused subscribe throws or answers (its source stream's errors). */
  maskError(error: unknown): Error;
  /** Executes one event for one audience, with errors already masked and coded. */
  execute(args: ExecutionArgs): ExecutionResult | Promise<ExecutionResult>;
}

/**
 * Executes an operation through the server's envelop, as a query over HTTP is: masked errors,
 * graphql-jit, the execution hooks (operation metrics), and the error codes yoga adds to results.
 */
export function envelopedExecute(yoga: YogaServerInstance<ServerContext, Context>) {
  return async (args: ExecutionArgs): Promise<ExecutionResult> => {
    const context = args.contextValue as Context;
    const enveloped = yoga.getEnveloped({ makeContext: async () => context });
    return addErrorCodes(await enveloped.execute(args));
  };
}

export interface Subscriber {
  /** The subscriber's key: operation and audience. */
  key: string;
  /** A context for the subscriber's viewer (for subscribing, and for executing shared events). */
  contextFor(): unknown;
  /** Sends one `next` message with an already serialized payload. */
  sendPayload(payloadJson: string): void;
}

/** An operation without its context: that is built when needed, and not kept per subscriber. */
export type OperationArgs = Omit<ExecutionArgs, 'contextValue' | 'rootValue'>;

export function createFanout(deps: FanoutDeps) {
  const documentIds = new WeakMap<DocumentNode, number>();
  let lastDocumentId = 0;
  const keys = new Map<string, string>();
  // Per event object, per subscriber key: the payload JSON, or its pending execution.
  const payloads = new WeakMap<object, Map<string, string | Promise<string>>>();

  const mask = (result: ExecutionResult): ExecutionResult =>
    result.errors
      ? { ...result, errors: result.errors.map((e) => deps.maskError(e) as GraphQLError) }
      : result;

  /** graphql-ws's payload layout: the result's fields, then its errors. */
  const serialize = (result: ExecutionResult) => {
    const { errors, ...rest } = result;
    return JSON.stringify(errors ? { ...rest, errors } : rest);
  };

  function payloadFor(event: unknown, subscriber: Subscriber, args: OperationArgs) {
    const run = () => {
      const contextValue = subscriber.contextFor();
      const result = deps.execute({ ...args, rootValue: event, contextValue });
      return result instanceof Promise ? result.then(serialize) : serialize(result);
    };
    if (typeof event !== 'object' || event === null) return run();
    let byKey = payloads.get(event);
    if (!byKey) payloads.set(event, (byKey = new Map()));
    let payload = byKey.get(subscriber.key);
    if (payload === undefined) {
      payload = run();
      byKey.set(subscriber.key, payload);
    }
    return payload;
  }

  return {
    /** The key subscribers with the same operation and audience share. */
    keyOf(args: OperationArgs, audience: string): string {
      let id = documentIds.get(args.document);
      if (id === undefined) documentIds.set(args.document, (id = ++lastDocumentId));
      const variables = args.variableValues ? JSON.stringify(args.variableValues) : '';
      const key = [audience, id, args.operationName ?? '', variables].join('\u0000');
      // One string per key, however many subscribers share it.
      let kept = keys.get(key);
      if (kept === undefined) {
        if (keys.size >= KEYS_KEPT) keys.delete(keys.keys().next().value!);
        keys.set(key, (kept = key));
      }
      return kept;
    },

    /**
     * Subscribes one subscriber: its own source stream (authorization and all), then each event's
     * shared payload sent to it. Returns a stream for graphql-ws that yields nothing and ends with the
     * source, or the refusal as a result.
     */
    async subscribe(
      args: OperationArgs,
      subscriber: Subscriber,
    ): Promise<AsyncIterableIterator<never> | ExecutionResult> {
      let source: AsyncIterable<unknown> | ExecutionResult;
      try {
        source = await createSourceEventStream({ ...args, contextValue: subscriber.contextFor() });
      } catch (error) {
        throw deps.maskError(error);
      }
      if (!(Symbol.asyncIterator in source)) return mask(source);
      return new FanoutStream(source[Symbol.asyncIterator](), payloadFor, subscriber, args);
    },
  };
}

type PayloadFor = (
  event: unknown,
  subscriber: Subscriber,
  args: OperationArgs,
) => string | Promise<string>;

const DONE: IteratorReturnResult<undefined> = Object.freeze({ value: undefined, done: true });

/**
 * The stream graphql-ws iterates for one subscriber. Its first `next()` sends events straight to the
 * socket and settles only when the source ends or fails, or the subscriber leaves (which ends the
 * source: pubsub streams end at once when asked).
 */
class FanoutStream implements AsyncIterableIterator<never> {
  private stopped = false;

  constructor(
    private readonly source: AsyncIterator<unknown>,
    private readonly payloadFor: PayloadFor,
    private readonly subscriber: Subscriber,
    private readonly args: OperationArgs,
  ) {}

  [Symbol.asyncIterator]() {
    return this;
  }

  async next(): Promise<IteratorResult<never>> {
    try {
      for (;;) {
        const step = await this.source.next();
        if (this.stopped || step.done) return DONE;
        const pending = this.payloadFor(step.value, this.subscriber, this.args);
        const payload = typeof pending === 'string' ? pending : await pending;
        if (this.stopped) return DONE;
        this.subscriber.sendPayload(payload);
      }
    } catch (error) {
      if (this.stopped) return DONE;
      throw error;
    }
  }

  return(): Promise<IteratorResult<never>> {
    if (!this.stopped) {
      this.stopped = true;
      void this.source.return?.()?.catch(() => undefined);
    }
    return Promise.resolve(DONE);
  }
}
