// Google routes: the Gemini API `POST /v1beta/models/{model}:generateContent` and Vertex AI
// `POST /v1/projects/{p}/locations/{l}/publishers/google/models/{m}:generateContent` (same format),
// plus the emulated OAuth token endpoint `POST /token` (gemini-token.mjs). Shapes follow
// ../shared/specs/gemini-openapi.json (GenerateContentResponse) and the Vertex discovery document;
// error messages are the ones Google sends for the same mistakes.
//
// Reply overrides (POST /_control/<id> { reply }): text, thought, toolCalls [{ name, args }],
// finishReason, blockReason, safetyRatings, usage, model.
import { randomBytes } from 'node:crypto';
import { streamPieces } from './openai-common.mjs';
import { jsonFromSchema } from './json-from-schema.mjs';
import {
  GEMINI_RE,
  VERTEX_RE,
  countWords,
  dialect,
  invalidArgument,
  isGemini3,
  isObject,
  issueSignature,
} from './gemini-common.mjs';
import { tokenRoute } from './gemini-token.mjs';
import { checkFields } from './gemini-fields.mjs';
import {
  checkContents,
  checkEmptyParts,
  checkFunctionNames,
  checkGeneration,
  checkServiceTier,
  checkThinking,
  checkToolConfig,
  checkToolsWithJson,
} from './gemini-rules.mjs';

export { dialect };

const RATINGS = [
  { category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH', blocked: true },
  { category: 'HARM_CATEGORY_HARASSMENT', probability: 'NEGLIGIBLE' },
];
// Finish reasons for which Gemini withholds the answer (ESCALATION: "Request was filtered by an
// escalation rule.", gemini-openapi.json Candidate.finishReason).
const FILTERED = ['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'ESCALATION'];

const partsText = (parts) =>
  (parts ?? [])
    .map((p) => (typeof p?.text === 'string' && !p.thought ? p.text : ''))
    .filter(Boolean)
    .join(' ');

/** What the last user turn says: its text, or the function results it carries. */
function lastUserText(contents) {
  const last = [...contents].reverse().find((c) => (c.role ?? 'user') === 'user');
  const results = (last?.parts ?? []).filter((p) => isObject(p?.functionResponse));
  if (results.length)
    return results
      .map(
        (p) =>
          `Result of ${p.functionResponse.name}: ${JSON.stringify(p.functionResponse.response)}`,
      )
      .join('; ');
  return partsText(last?.parts);
}

export function generateContent(ctx, model, api) {
  const b = ctx.body;
  const reply = ctx.scenario.reply ?? {};
  if (!isObject(b)) return invalidArgument('Invalid JSON payload received. Expected an object.');
  const contentsError =
    checkFields(b, api) ?? checkContents(b.contents, model) ?? checkEmptyParts(b, api);
  if (contentsError) return contentsError;
  const gen = isObject(b.generationConfig) ? b.generationConfig : {};
  const ruleError =
    checkThinking(gen.thinkingConfig, model) ??
    checkGeneration(gen) ??
    checkToolConfig(b) ??
    checkToolsWithJson(b, gen, model) ??
    checkFunctionNames(b) ??
    checkServiceTier(b, model);
  if (ruleError) return ruleError;

  const system = partsText(b.systemInstruction?.parts);
  const promptTokenCount =
    countWords(system) + b.contents.reduce((n, c) => n + countWords(partsText(c.parts)), 0);
  const head = {
    responseId: randomBytes(12).toString('base64url'),
    modelVersion: reply.model ?? model,
  };
  if (reply.blockReason) {
    return {
      json: {
        promptFeedback: {
          blockReason: reply.blockReason,
          safetyRatings: reply.safetyRatings ?? RATINGS,
        },
        usageMetadata: { promptTokenCount, totalTokenCount: promptTokenCount },
        ...head,
      },
    };
  }

  const lastUser = lastUserText(b.contents);
  const json = gen.responseMimeType === 'application/json';
  const schema = gen.responseJsonSchema ?? gen.responseSchema;
  const text =
    reply.text ??
    (json
      ? JSON.stringify(schema ? jsonFromSchema(schema) : { echo: lastUser })
      : `Echo: ${lastUser}`);
  const declarations = (Array.isArray(b.tools) ? b.tools : []).flatMap(
    (t) => t?.functionDeclarations ?? [],
  );
  const mode = b.toolConfig?.functionCallingConfig?.mode ?? 'AUTO';
  let calls = null;
  if (declarations.length && mode !== 'NONE') {
    if (Array.isArray(reply.toolCalls)) calls = reply.toolCalls;
    else if (mode === 'ANY') {
      const allowed = b.toolConfig.functionCallingConfig.allowedFunctionNames;
      const d = declarations.find((x) => !allowed || allowed.includes(x.name)) ?? declarations[0];
      calls = [
        {
          name: d.name,
          args: jsonFromSchema(d.parametersJsonSchema ?? d.parameters ?? { type: 'object' }),
        },
      ];
    }
  }
  const tc = isObject(gen.thinkingConfig) ? gen.thinkingConfig : {};
  const thinkingOn = tc.includeThoughts === true && tc.thinkingBudget !== 0;
  const thought = thinkingOn ? (reply.thought ?? `Thinking about: ${lastUser}`) : undefined;
  const signed = thinkingOn || isGemini3(model);
  const filtered = FILTERED.includes(reply.finishReason);

  let candidatesTokenCount = 0;
  const candidates = Array.from({ length: gen.candidateCount ?? 1 }, (_, index) => {
    const parts = [];
    if (thought) parts.push({ text: thought, thought: true });
    const max = gen.maxOutputTokens;
    let out = index === 0 ? text : `${text} (candidate ${index})`;
    const truncated = typeof max === 'number' && countWords(out) > max;
    if (truncated) out = out.split(/\s+/).slice(0, max).join(' ');
    if (calls) {
      calls.forEach((c, i) => {
        const part = { functionCall: { name: c.name, args: c.args ?? {} } };
        if (signed && i === 0) part.thoughtSignature = issueSignature(model, c.name, index);
        parts.push(part);
        candidatesTokenCount += countWords(JSON.stringify(c.args ?? {}));
      });
    } else if (!(filtered && reply.text === undefined)) {
      parts.push({
        text: out,
        ...(signed ? { thoughtSignature: issueSignature(model, out) } : {}),
      });
      candidatesTokenCount += countWords(out);
    }
    const finishReason = reply.finishReason ?? (truncated ? 'MAX_TOKENS' : 'STOP');
    return {
      ...(parts.length ? { content: { role: 'model', parts } } : {}),
      finishReason,
      ...(filtered ? { safetyRatings: reply.safetyRatings ?? RATINGS } : {}),
      index,
    };
  });
  const thoughtsTokenCount = countWords(thought);
  const usageMetadata = {
    promptTokenCount,
    candidatesTokenCount,
    totalTokenCount: promptTokenCount + candidatesTokenCount + thoughtsTokenCount,
    ...(thoughtsTokenCount ? { thoughtsTokenCount } : {}),
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: promptTokenCount }],
    ...reply.usage,
  };
  return { json: { candidates, usageMetadata, ...head } };
}

const frame = (chunk) => `data: ${JSON.stringify(chunk)}\r\n\r\n`;

/**
 * A `generateContent` answer as `streamGenerateContent` sends it: one chunk per piece of text (thought
 * pieces first), each function call whole, a text part's thought signature in a chunk of its own with
 * an empty text part (as Gemini 3 streams it), and a last chunk with the finish reasons and the full
 * usage; every chunk carries the response id and model. `alt=sse` frames the chunks as server-sent
 * events with CRLF line ends, as Google's servers do; without it the answer is one JSON array.
 */
function streamed(result, ctx) {
  if (result.status !== undefined && result.status !== 200) return result;
  const { candidates, usageMetadata, ...head } = result.json;
  let chunks = [result.json];
  if (candidates) {
    const prompt = usageMetadata.promptTokenCount;
    const usage = { promptTokenCount: prompt, totalTokenCount: prompt };
    const chunk = (index, parts) => ({
      candidates: [{ content: { role: 'model', parts }, index }],
      usageMetadata: usage,
      ...head,
    });
    chunks = candidates.flatMap(({ content, index }) =>
      (content?.parts ?? []).flatMap((part) => {
        if (typeof part.text !== 'string') return [chunk(index, [part])];
        const { thoughtSignature, ...rest } = part;
        const pieces = streamPieces(part.text).map((text) => chunk(index, [{ ...rest, text }]));
        return thoughtSignature
          ? [...pieces, chunk(index, [{ text: '', thoughtSignature }])]
          : pieces;
      }),
    );
    const ends = candidates.map(({ content: _, ...end }) => end);
    chunks.push({ candidates: ends, usageMetadata, ...head });
  }
  if (ctx.query.get('alt') === 'sse') return { sse: chunks.map(frame) };
  return { json: chunks };
}

/** Answers `:generateContent`, or `:streamGenerateContent` with the same answer in chunks. */
function answer(ctx, re, at, api) {
  const match = re.exec(ctx.path);
  const result = generateContent(ctx, decodeURIComponent(match[at]), api);
  // Vertex adds createTime.
  if (api === 'vertex' && result.json?.responseId)
    result.json.createTime = new Date().toISOString();
  return match[at + 1] === 'streamGenerateContent' ? streamed(result, ctx) : result;
}

export const routes = [
  {
    method: 'POST',
    match: (p) => GEMINI_RE.test(p),
    dialect,
    handle: (ctx) => answer(ctx, GEMINI_RE, 1, 'gemini'),
  },
  {
    method: 'POST',
    match: (p) => VERTEX_RE.test(p),
    dialect,
    handle: (ctx) => answer(ctx, VERTEX_RE, 3, 'vertex'),
  },
  tokenRoute,
];
