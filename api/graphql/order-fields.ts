// Which parts of an order a query reads (OrderFields), from its selection: a list fetches those and
// no others. A field this file does not know fetches every part, so a new field is never left empty.
import {
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { ALL_ORDER_FIELDS, type OrderFields } from '../store/orders.store.js';

type Part = keyof OrderFields;
type Fragments = Record<string, FragmentDefinitionNode>;

/** Order fields that read only the order's own columns (or load their own data by id). */
const OWN = new Set([
  '__typename',
  'id',
  'state',
  'quantity',
  'unitPrice',
  'createdAt',
  'updatedAt',
  'acceptedAt',
  'startedAt',
  'completedAt',
  'note',
  'nextActions',
  'history',
]);

/** Business and User fields answered from the id alone (the rest need the join). */
const BY_ID = new Set(['__typename', 'id', 'role', 'menu', 'ordering']);

/** The fields selected under a selection set, through fragments and inline fragments. */
function fieldsOf(set: SelectionSetNode | undefined, fragments: Fragments): FieldNode[] {
  const out: FieldNode[] = [];
  const visit = (s: SelectionSetNode | undefined) => {
    for (const selection of s?.selections ?? []) {
      if (selection.kind === Kind.FIELD) out.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(fragments[selection.name.value]?.selectionSet);
    }
  };
  visit(set);
  return out;
}

const onlyById = (field: FieldNode, fragments: Fragments) =>
  fieldsOf(field.selectionSet, fragments).every((f) => BY_ID.has(f.name.value));

/** The parts that these Order selections read, or null for one this file does not know. */
function partsOf(orders: readonly FieldNode[], fragments: Fragments): Set<Part> | null {
  const parts = new Set<Part>();
  for (const field of orders.flatMap((o) => fieldsOf(o.selectionSet, fragments))) {
    const name = field.name.value;
    if (OWN.has(name)) continue;
    switch (name) {
      case 'total':
        parts.add('total');
        break;
      case 'queuePosition':
      case 'estimatedReadyAt':
        parts.add('queue');
        break;
      case 'customer':
        if (!onlyById(field, fragments)) parts.add('customer');
        break;
      case 'business':
        if (!onlyById(field, fragments)) parts.add('business');
        break;
      case 'menuItem':
        parts.add('item');
        if (needsBusiness([field], fragments)) parts.add('business');
        break;
      case 'lines':
        parts.add('lines');
        if (needsBusiness(subfields([field], 'menuItem', fragments), fragments))
          parts.add('business');
        break;
      default:
        return null;
    }
  }
  return parts;
}

const subfields = (fields: readonly FieldNode[], name: string, fragments: Fragments) =>
  fields.flatMap((f) => fieldsOf(f.selectionSet, fragments)).filter((f) => f.name.value === name);

/** Whether menu items selected here ask their business for more than its id. */
function needsBusiness(items: readonly FieldNode[], fragments: Fragments): boolean {
  return subfields(items, 'business', fragments).some((b) => !onlyById(b, fragments));
}

const remembered = new WeakMap<FieldNode, OrderFields>();

/**
 * The parts the field being resolved reads of its orders: `path` leads from it to the Order
 * selections (none for `orders`; `['edges', 'node']` for a connection).
 */
export function orderFieldsOf(info: GraphQLResolveInfo, path: readonly string[] = []): OrderFields {
  const key = info.fieldNodes[0];
  const known = key && remembered.get(key);
  if (known) return known;
  let selections: FieldNode[] = [...info.fieldNodes];
  for (const step of path) selections = subfields(selections, step, info.fragments);
  const parts = partsOf(selections, info.fragments);
  const fields: OrderFields = parts
    ? {
        customer: parts.has('customer'),
        item: parts.has('item'),
        business: parts.has('business'),
        lines: parts.has('lines'),
        total: parts.has('total'),
        queue: parts.has('queue'),
      }
    : ALL_ORDER_FIELDS;
  // One document's field node is one selection; only a single node is remembered by.
  if (key && info.fieldNodes.length === 1) remembered.set(key, fields);
  return fields;
}
