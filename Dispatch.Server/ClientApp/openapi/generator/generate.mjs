// Generates the app's TypeScript types from the server's OpenAPI snapshot: node generate.mjs <v1.json> <out.ts>.
// Run by `npm run types` (and so by every build); the output is not edited by hand and not kept in git.
//
// Two facts of the server's JSON that its document states loosely, made exact before generating:
// - Every property of an answer is written, null or not (System.Text.Json without an ignore condition), so every
//   property of a schema that is only ever sent by the server is required. Schemas a request body uses keep their own
//   `required` list: there a property may be left out.
// - Numbers are written as numbers. The document says integer-or-string because the server also reads "5" for 5.
// - An enum's own schema lists null when its first use was nullable (GridEventTier, from IncidentSummary.tier); every
//   nullable use says so itself (oneOf null), so the enum is its names only.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: node generate.mjs <openapi.json> <output.ts>');

const document = JSON.parse(await readFile(input, 'utf8'));
const schemas = document.components?.schemas ?? {};

/** Names of the component schemas reachable from a value (a $ref anywhere inside it, transitively). */
function referenced(value, found = new Set()) {
  if (Array.isArray(value)) for (const item of value) referenced(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string' && inner.startsWith('#/components/schemas/')) {
        const name = inner.slice('#/components/schemas/'.length);
        if (!found.has(name)) {
          found.add(name);
          referenced(schemas[name], found);
        }
      } else referenced(inner, found);
    }
  }
  return found;
}

const sentByClients = new Set();
for (const item of Object.values(document.paths ?? {})) {
  for (const operation of Object.values(item)) {
    if (operation && typeof operation === 'object' && operation.requestBody) referenced(operation.requestBody, sentByClients);
  }
}

/** Numbers as numbers, wherever a schema says number-or-string. */
function numbersAsWritten(value) {
  if (Array.isArray(value)) value.forEach(numbersAsWritten);
  else if (value && typeof value === 'object') {
    if (Array.isArray(value.type) && value.type.includes('string') && (value.type.includes('integer') || value.type.includes('number'))) {
      value.type = value.type.filter((t) => t !== 'string');
      if (value.type.length === 1) value.type = value.type[0];
      delete value.pattern;
    }
    Object.values(value).forEach(numbersAsWritten);
  }
}
numbersAsWritten(document);

for (const [name, schema] of Object.entries(schemas)) {
  if (!sentByClients.has(name) && schema.properties) schema.required = Object.keys(schema.properties);
  if (Array.isArray(schema.enum)) schema.enum = schema.enum.filter((value) => value !== null);
}

const banner = `// Generated from openapi/v1.json (the server's /openapi/v1.json) by openapi/generator/generate.mjs: do not edit.
// Refresh the snapshot from the server as the README says; every build regenerates this file.\n\n`;
await mkdir(dirname(output), { recursive: true });
await writeFile(output, banner + astToString(await openapiTS(document, { alphabetize: false })));
