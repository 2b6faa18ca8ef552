// Whole answers to anonymous queries of public data (businesses, a business, a menu), kept as the
// bytes sent, so that while nothing changed such a request costs neither SQL nor an execution.
// They are found by the request body's text, before it is parsed: the body alone decides the
// query, its variables and its operation, and only a body that was parsed, validated and executed
// without errors is ever kept.
// Each answer remembers the generations of the businesses it read (public-reads.ts counts a change
// of any business, from any process, before this process's subscribers hear of it); a change to one
// of them, events that may have been lost, or a minute's age retires it. Only documents whose every
// field is known to be public and change only with those events are kept: not `ordering` (it ends
// by itself at a time), not `kitchen` (it moves with every order), nothing a viewer could change.
import {
  Kind,
  type DocumentNode,
  type FieldNode,
  type OperationDefinitionNode,
  type OperationTypeNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { Freshness, FreshnessStamp } from '../services/public-reads.js';

/** Answers kept at most, and their size together; the least recently used go first. */
export const PUBLIC_ANSWERS_KEPT = 1_000;
export const PUBLIC_ANSWERS_MAX_TOTAL = 16 * 1024 * 1024;
/** A larger answer is not kept (a list of every business with every menu, say). */
export const PUBLIC_ANSWER_MAX_BYTES = 256 * 1024;
const MAX_AGE_MS = 60_000;

/** The root fields kept, and the argument naming the one business each reads (none: all of them). */
const ROOTS: Record<string, string | null> = {
  menu: 'businessId',
  business: 'id',
  businesses: null,
};
/** The fields below them that are public and change only with menu and business events. */
const PUBLIC_FIELDS = new Set([
  '__typename',
  'id',
  'name',
  'imageUrl',
  'price',
  'inStore',
  'role',
  'menu',
  'business',
]);

type BusinessArg = { literal: string } | { variable: string };
/** Which businesses an operation reads: those its arguments name, or every one (null). */
type Reads = BusinessArg[] | null;

/** The operation an answer is to, for the metrics a kept answer reports as an execution would. */
export interface KeptOperation {
  type: OperationTypeNode;
  name: string | undefined;
}

export interface PublicAnswer {
  payload: string;
  operation: KeptOperation;
  stamp: FreshnessStamp;
  keptAt: number;
}

export class PublicAnswers {
  private readonly plans = new WeakMap<OperationDefinitionNode, Reads | false>();
  private readonly kept = new Map<string, PublicAnswer>();
  /** Characters of the kept answers and their keys. */
  private total = 0;

  constructor(
    private readonly freshness: Freshness,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * What an anonymous request's operation reads, if its answer may be kept: the businesses its
   * arguments name (null: every one); null for any other operation (then nothing here applies).
   */
  readsOf(
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | undefined,
  ): { businesses: string[] | null } | null {
    let plan = this.plans.get(operation);
    if (plan === undefined) {
      const planned = planOf(document, operation);
      plan = planned === undefined ? false : planned;
      this.plans.set(operation, plan);
    }
    if (plan === false || !this.freshness.serving()) return null;
    if (!plan) return { businesses: null };
    const businesses: string[] = [];
    for (const arg of plan) {
      const value = 'literal' in arg ? arg.literal : variables?.[arg.variable];
      if (typeof value !== 'string') return null;
      businesses.push(value.toLowerCase());
    }
    return { businesses };
  }

  /** The answer kept for this request body, if every business it read is unchanged since. */
  get(key: string): PublicAnswer | null {
    const answer = this.kept.get(key);
    if (!answer) return null;
    if (this.now() - answer.keptAt >= MAX_AGE_MS || !this.freshness.isCurrent(answer.stamp)) {
      this.drop(key, answer);
      return null;
    }
    this.kept.delete(key);
    this.kept.set(key, answer);
    return answer;
  }

  /** A stamp to take before executing: an answer is kept only if nothing changed since. */
  stamp(businesses: string[] | null): FreshnessStamp {
    return this.freshness.stamp(businesses);
  }

  /** Keeps the answer to a request body, unless what it read changed since `stamp`. */
  keep(key: string, payload: string, stamp: FreshnessStamp, operation: KeptOperation): void {
    if (payload.length > PUBLIC_ANSWER_MAX_BYTES || !this.freshness.isCurrent(stamp)) return;
    const before = this.kept.get(key);
    if (before) this.drop(key, before);
    this.kept.set(key, { payload, operation, stamp, keptAt: this.now() });
    this.total += key.length + payload.length;
    while (this.kept.size > PUBLIC_ANSWERS_KEPT || this.total > PUBLIC_ANSWERS_MAX_TOTAL) {
      const [oldestKey, oldest] = this.kept.entries().next().value!;
      this.drop(oldestKey, oldest);
    }
  }

  private drop(key: string, answer: PublicAnswer): void {
    this.kept.delete(key);
    this.total -= key.length + answer.payload.length;
  }

  get size(): number {
    return this.kept.size;
  }
}

/** What a query reads if it may be kept; undefined if it may not. */
function planOf(document: DocumentNode, operation: OperationDefinitionNode): Reads | undefined {
  if (operation.operation !== 'query') return undefined;
  const fragments = new Map(
    document.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [],
    ),
  );
  const roots = fieldsOf(operation.selectionSet, fragments);
  if (!roots) return undefined;
  let reads: BusinessArg[] | null = [];
  for (const root of roots) {
    if (root.name.value === '__typename') continue;
    if (!(root.name.value in ROOTS) || root.directives?.length) return undefined;
    if (!publicBelow(root.selectionSet, fragments, 0)) return undefined;
    const argName = ROOTS[root.name.value];
    if (argName === null) {
      reads = null;
      continue;
    }
    const arg = root.arguments?.find((a) => a.name.value === argName);
    const named = arg && businessArg(arg.value);
    if (!named) return undefined;
    reads?.push(named);
  }
  return reads;
}

function businessArg(value: ValueNode): BusinessArg | undefined {
  if (value.kind === Kind.STRING) return { literal: value.value };
  if (value.kind === Kind.VARIABLE) return { variable: value.name.value };
  return undefined;
}

/** The fields of a selection set through fragments; undefined if any carries a directive. */
function fieldsOf(
  set: SelectionSetNode,
  fragments: Map<string, SelectionSetNode>,
): FieldNode[] | undefined {
  const out: FieldNode[] = [];
  for (const selection of set.selections) {
    if (selection.directives?.length) return undefined;
    if (selection.kind === Kind.FIELD) {
      out.push(selection);
      continue;
    }
    const inner =
      selection.kind === Kind.INLINE_FRAGMENT
        ? selection.selectionSet
        : fragments.get(selection.name.value);
    const fields = inner && fieldsOf(inner, fragments);
    if (!fields) return undefined;
    out.push(...fields);
  }
  return out;
}

function publicBelow(
  set: SelectionSetNode | undefined,
  fragments: Map<string, SelectionSetNode>,
  depth: number,
): boolean {
  if (!set) return true;
  if (depth > 8) return false;
  const fields = fieldsOf(set, fragments);
  return (
    fields !== undefined &&
    fields.every(
      (f) =>
        PUBLIC_FIELDS.has(f.name.value) &&
        !f.arguments?.length &&
        publicBelow(f.selectionSet, fragments, depth + 1),
    )
  );
}
