// The operations Orderly's own clients send: the web app's (typed by codegen into web/src/gql) and
// the REST routes'. Only these are metric labels; any other name is counted as `other`, so what an
// anonymous client names its operations cannot grow the label set.
import { Kind, parse, type DocumentNode } from 'graphql';
import * as webDocuments from '../../web/src/gql/graphql.js';
import { REST_ROUTES } from '../rest/routes.js';

function namesIn(document: DocumentNode): string[] {
  return document.definitions.flatMap((d) =>
    d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : [],
  );
}

function isDocument(value: unknown): value is DocumentNode {
  return (
    typeof value === 'object' && value !== null && (value as DocumentNode).kind === Kind.DOCUMENT
  );
}

export function clientOperationNames(): Set<string> {
  const names = new Set<string>();
  for (const value of Object.values(webDocuments)) {
    if (isDocument(value)) for (const name of namesIn(value)) names.add(name);
  }
  for (const route of REST_ROUTES)
    for (const name of namesIn(parse(route.operation))) names.add(name);
  return names;
}
