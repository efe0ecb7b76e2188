/**
 * A list of persisted operations, read once at start: either a JSON object of id → document
 * (GraphQL Code Generator's persisted documents) or an Apollo persisted query manifest
 * (`{ format: "apollo-persisted-query-manifest", version: 1, operations: [{ id, body }] }`).
 */
import { readFileSync } from 'node:fs';
import { GraphQLError, parse } from 'graphql';
import { z } from 'zod';

const idMap = z.record(z.string().min(1), z.string().min(1));
const apolloManifest = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(
    z.object({ id: z.string().min(1), body: z.string().min(1) }).loose(),
    // Room for other fields (name, type, clientName) the generator writes.
  ),
});

export class ManifestError extends Error {}

/** Documents by id; every document has been parsed once, so a typo fails the start, not a call. */
export function parseManifest(
  json: unknown,
  origin = 'the persisted operations',
): Map<string, string> {
  const operations = new Map<string, string>();
  if (typeof json === 'object' && json !== null && 'format' in json) {
    const manifest = apolloManifest.safeParse(json);
    if (!manifest.success) throw new ManifestError(`${origin}: ${describe(manifest.error)}`);
    for (const { id, body } of manifest.data.operations) add(operations, id, body, origin);
    return operations;
  }
  const map = idMap.safeParse(json);
  if (!map.success) {
    throw new ManifestError(
      `${origin}: expected a JSON object of id → document, or an Apollo manifest (${describe(map.error)})`,
    );
  }
  for (const [id, document] of Object.entries(map.data)) add(operations, id, document, origin);
  return operations;
}

export function loadManifest(path: string): Map<string, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ManifestError(`cannot read NEXUS_PERSISTED_OPERATIONS (${path}): ${String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(`NEXUS_PERSISTED_OPERATIONS (${path}) is not JSON: ${String(error)}`);
  }
  return parseManifest(json, `NEXUS_PERSISTED_OPERATIONS (${path})`);
}

function add(operations: Map<string, string>, id: string, document: string, origin: string): void {
  const known = operations.get(id);
  if (known !== undefined && known !== document) {
    throw new ManifestError(`${origin}: id ${id} names two different documents`);
  }
  try {
    parse(document);
  } catch (error) {
    const message = error instanceof GraphQLError ? error.message : String(error);
    throw new ManifestError(`${origin}: the document of ${id} does not parse: ${message}`);
  }
  operations.set(id, document);
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'the file'}: ${issue.message}`)
    .join('; ');
}
