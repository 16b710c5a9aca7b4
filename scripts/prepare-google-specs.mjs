#!/usr/bin/env node
// node scripts/prepare-google-specs.mjs [outDir]
// Prepares the Gemini (OpenAPI 3.0 conversion) and Vertex AI (discovery document) specs so that Prism
// can validate generateContent requests, exactly as ../shared/docs/test-peers.md §2.4 describes, and
// writes them to .tmp/specs/ (gitignored). The inputs are never modified. Idempotent and cheap (~1 s):
// a prepared file is rewritten only when its input is newer.
//
// Why each step (Prism would otherwise validate nothing, or reject every valid request):
//  - Ajv cannot compile the self-recursive `Schema` type, and Prism silently SKIPS validation of any
//    operation whose schema fails to compile (test-peers.md §2.2 pitfall 1): loosen its recursive fields.
//  - Gemini path parameters carry `pattern: ^models/[^/]+$`, which no bare model id matches.
//  - Prism matches paths literally: the Gemini paths get their `/v1beta` prefix; the Vertex `{+model}`
//    reserved expansions (which contain `/`) become explicit project/location/model segments.
//  - Swagger 2.0 without `consumes` makes Prism answer 415 to JSON bodies.
//  - The discovery document's `alt` enum (json, media, proto) omits `sse`, which Vertex serves for
//    streamGenerateContent (https://cloud.google.com/vertex-ai/generative-ai/docs/learn/streaming,
//    "REST API with server-sent events": `…:streamGenerateContent?alt=sse`, as Google's SDKs send it).
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SPECS = resolve(ROOT, '../shared/specs');
export const GEMINI_SOURCE = resolve(SPECS, 'gemini-openapi.json');
export const VERTEX_SOURCE = resolve(SPECS, 'vertex-aiplatform-v1-discovery.json');

const looseObject = (description) => ({ type: 'object', description });
const looseArray = (description) => ({ type: 'array', items: { type: 'object' }, description });

/** Replaces the recursive fields of a schema-describing type by plain objects/arrays. */
function loosenRecursiveSchema(schema) {
  const props = schema?.properties;
  if (!props) throw new Error('schema type to loosen has no properties: the spec changed');
  if (props.items) props.items = looseObject('loosened for Ajv: was recursive');
  if (props.properties)
    props.properties = { type: 'object', additionalProperties: { type: 'object' } };
  if (props.anyOf) props.anyOf = looseArray('loosened for Ajv: was recursive');
}

/** @param {any} spec the Gemini OpenAPI 3.0.3 conversion @returns {any} */
export function prepareGemini(spec) {
  loosenRecursiveSchema(spec.components.schemas.Schema);
  const paths = {};
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const op of Object.values(item)) {
      for (const p of op?.parameters ?? []) if (p.in === 'path') delete p.schema?.pattern;
    }
    paths[`/v1beta${path}`] = item;
  }
  spec.paths = paths;
  spec.servers = [{ url: 'https://generativelanguage.googleapis.com' }];
  return spec;
}

const VERBS = ['generateContent', 'streamGenerateContent', 'countTokens'];

/** @param {any} discovery the aiplatform v1 discovery document @returns {any} Swagger 2.0 */
export function prepareVertex(discovery) {
  const require = createRequire(import.meta.url);
  const converter = require('google-discovery-to-swagger');
  const swagger = converter.convert(discovery);
  const paths = {};
  for (const verb of VERBS) {
    const key = Object.keys(swagger.paths).find(
      (p) => /^\/v1\/\{\+(model|endpoint)\}:/.test(p) && p.endsWith(`:${verb}`),
    );
    if (!key) throw new Error(`no /v1/{+model}:${verb} path in the converted Vertex spec`);
    const item = structuredClone(swagger.paths[key]);
    const param = /\{\+(\w+)\}/.exec(key)[1];
    for (const op of Object.values(item)) {
      if (!Array.isArray(op?.parameters)) continue;
      op.parameters = op.parameters.filter((p) => !(p.in === 'path' && p.name === param));
      for (const name of ['project', 'location', 'model'])
        op.parameters.push({ name, in: 'path', required: true, type: 'string' });
    }
    if (verb === 'streamGenerateContent') {
      const alt = swagger.parameters?.alt;
      if (!alt?.enum) throw new Error('no shared `alt` parameter in the converted Vertex spec');
      const withSse = { ...alt, enum: [...new Set([...alt.enum, 'sse'])] };
      item.parameters = item.parameters?.map((p) => (p.$ref === '#/parameters/alt' ? withSse : p));
    }
    paths[`/v1/projects/{project}/locations/{location}/publishers/google/models/{model}:${verb}`] =
      item;
  }
  swagger.paths = paths;
  swagger.consumes = ['application/json'];
  swagger.produces = ['application/json'];
  loosenRecursiveSchema(swagger.definitions.GoogleCloudAiplatformV1Schema);
  return swagger;
}

const SELF = fileURLToPath(import.meta.url);
/** Whether `b` is missing or older than `a` or than this script (a changed step reprepares). */
const newer = (a, b) =>
  !existsSync(b) || Math.max(statSync(a).mtimeMs, statSync(SELF).mtimeMs) > statSync(b).mtimeMs;

/**
 * Writes the prepared specs (when missing or stale) and returns their paths.
 * @param {string} [outDir] @returns {{ gemini: string, vertex: string }}
 */
export function prepareGoogleSpecs(outDir = resolve(ROOT, '.tmp/specs')) {
  mkdirSync(outDir, { recursive: true });
  const gemini = resolve(outDir, 'gemini-openapi.prism.json');
  const vertex = resolve(outDir, 'vertex-aiplatform-v1.prism.json');
  if (newer(GEMINI_SOURCE, gemini)) {
    const spec = prepareGemini(JSON.parse(readFileSync(GEMINI_SOURCE, 'utf8')));
    writeFileSync(gemini, JSON.stringify(spec));
  }
  if (newer(VERTEX_SOURCE, vertex)) {
    const spec = prepareVertex(JSON.parse(readFileSync(VERTEX_SOURCE, 'utf8')));
    writeFileSync(vertex, JSON.stringify(spec));
  }
  return { gemini, vertex };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = prepareGoogleSpecs(process.argv[2] ? resolve(process.argv[2]) : undefined);
  console.log(`prepared ${out.gemini}\nprepared ${out.vertex}`);
}
