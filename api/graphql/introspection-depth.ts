// The depth limit skips introspection (GraphiQL's own query nests `ofType` about ten levels), so
// introspection has a bound of its own: deep enough for every tool's query, not for 30 levels.
import {
  GraphQLError,
  Kind,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';

/** GraphiQL's and graphql-codegen's introspection queries nest 13–14 levels under `__schema`. */
export const MAX_INTROSPECTION_DEPTH = 16;

export const IntrospectionDepthRule: ValidationRule = (context) => {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }

  /** The deepest field under a selection set, with fragments spread (each once per path). */
  const depthOf = (selectionSet: SelectionSetNode | undefined, seen: Set<string>): number => {
    let deepest = 0;
    for (const selection of selectionSet?.selections ?? []) {
      let depth: number;
      if (selection.kind === Kind.FIELD) {
        depth = selection.selectionSet ? 1 + depthOf(selection.selectionSet, seen) : 1;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        depth = depthOf(selection.selectionSet, seen);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) continue;
        depth = depthOf(fragment.selectionSet, new Set(seen).add(name));
      }
      deepest = Math.max(deepest, depth);
      if (deepest > MAX_INTROSPECTION_DEPTH) return deepest;
    }
    return deepest;
  };

  return {
    Field(node) {
      if (node.name.value !== '__schema' && node.name.value !== '__type') return;
      const depth = 1 + depthOf(node.selectionSet, new Set());
      if (depth > MAX_INTROSPECTION_DEPTH) {
        context.reportError(
          new GraphQLError(
            `Introspection nested deeper than ${MAX_INTROSPECTION_DEPTH} levels is refused`,
            { nodes: [node] },
          ),
        );
      }
    },
  };
};
