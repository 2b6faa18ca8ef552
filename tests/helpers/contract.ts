// The REST contract over real traffic: every response the suites receive from a documented route
// must match its schema in /openapi.json (status documented, body valid).
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { openApiDocument } from '../../api/rest/openapi.js';

const DOC_ID = 'orderly-openapi.json';
let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction | null>();
export const contractStats = { validated: 0 };

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };

function validatorFor(
  method: string,
  path: string,
  status: number,
): ValidateFunction | null | 'undocumented' {
  const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, Operation>> };
  const operation = doc.paths[path]?.[method.toLowerCase()];
  if (!operation) return null; // not a documented route (GraphQL, health, a wrong method)
  const key = `${method} ${path} ${status}`;
  if (!compiled.has(key)) {
    const response = operation.responses?.[String(status)];
    if (!response) return 'undocumented';
    const schema = response.content?.['application/json']?.schema;
    if (!ajv) {
      ajv = new Ajv2020({ strict: false, allErrors: true });
      (addFormats as unknown as (a: Ajv2020) => void)(ajv);
      ajv.addSchema({ $id: DOC_ID, ...(doc as object) });
    }
    compiled.set(
      key,
      schema
        ? ajv.compile(
            JSON.parse(
              JSON.stringify(schema).replaceAll('"#/components/', `"${DOC_ID}#/components/`),
            ),
          )
        : null,
    );
  }
  return compiled.get(key) ?? null;
}

/** Throws when a documented route answered with an undocumented status or a body off its schema. */
export function checkContract(
  method: string,
  pathWithQuery: string,
  status: number,
  body: unknown,
): void {
  const path = pathWithQuery.split('?')[0]!;
  const validate = validatorFor(method, path, status);
  if (validate === null) return;
  if (validate === 'undocumented') {
    throw new Error(
      `contract: ${method} ${path} answered ${status}, which /openapi.json does not document`,
    );
  }
  contractStats.validated++;
  if (!validate(body)) {
    throw new Error(
      `contract: ${method} ${path} ${status} body does not match /openapi.json: ${JSON.stringify(validate.errors?.slice(0, 3))} body=${JSON.stringify(body).slice(0, 300)}`,
    );
  }
}
