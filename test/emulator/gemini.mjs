// Google routes: the Gemini API `POST /v1beta/models/{model}:generateContent` and Vertex AI
// `POST /v1/projects/{p}/locations/{l}/publishers/google/models/{m}:generateContent` (same format),
// plus the emulated OAuth token endpoint `POST /token` (gemini-token.mjs). Shapes follow
// ../shared/specs/gemini-openapi.json (GenerateContentResponse) and the Vertex discovery document;
// error messages are the ones Google sends for the same mistakes.
//
// Reply overrides (POST /_control/<id> { reply }): text, thought, toolCalls [{ name, args }],
// finishReason, blockReason, safetyRatings, usage, model.
import { randomBytes } from 'node:crypto';
import { jsonFromSchema } from './json-from-schema.mjs';
import {
  GEMINI_RE,
  VERTEX_RE,
  countWords,
  dialect,
  invalidArgument,
  isAcceptedSignature,
  isGemini3,
  isObject,
  issueSignature,
} from './gemini-common.mjs';
import { tokenRoute } from './gemini-token.mjs';

export { dialect };

const RATINGS = [
  { category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH', blocked: true },
  { category: 'HARM_CATEGORY_HARASSMENT', probability: 'NEGLIGIBLE' },
];
const FILTERED = ['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII'];

/** Checks `contents` like the real API; returns an error result or null. */
function checkContents(contents, model) {
  if (contents === undefined || (Array.isArray(contents) && contents.length === 0))
    return invalidArgument('* GenerateContentRequest.contents: contents is not specified\n');
  if (!Array.isArray(contents))
    return invalidArgument(
      `Invalid value at 'contents' (type.googleapis.com/google.ai.generativelanguage.v1beta.Content), ${JSON.stringify(contents)}`,
    );
  let previousCalls = [];
  for (const [i, c] of contents.entries()) {
    if (!isObject(c)) return invalidArgument(`Invalid value at 'contents[${i}]'`);
    if (c.role !== undefined && c.role !== 'user' && c.role !== 'model')
      return invalidArgument('Please use a valid role: user, model.');
    if (!Array.isArray(c.parts) || c.parts.length === 0)
      return invalidArgument(
        `* GenerateContentRequest.contents[${i}].parts: contents.parts must not be empty.\n`,
      );
    // Any signature Gemini did not issue (another provider's, a tampered one) is refused.
    if (
      c.parts.some(
        (p) => p?.thoughtSignature !== undefined && !isAcceptedSignature(p.thoughtSignature),
      )
    )
      return invalidArgument('Corrupted thought signature.');
    const calls = c.parts.filter((p) => isObject(p?.functionCall));
    const responses = c.parts.filter((p) => isObject(p?.functionResponse));
    if (calls.length && isGemini3(model) && !isAcceptedSignature(calls[0].thoughtSignature))
      return invalidArgument(
        `Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly, and missing thought_signature may lead to degraded model performance. Additional data, function call \`default_api:${calls[0].functionCall.name}\` , position ${i + 1}. Please refer to https://ai.google.dev/gemini-api/docs/thought-signatures for more details.`,
      );
    if (responses.length) {
      if (!previousCalls.length)
        return invalidArgument(
          'Please ensure that function response turn comes immediately after a function call turn.',
        );
      if (responses.length !== previousCalls.length)
        return invalidArgument(
          'Please ensure that the number of function response parts is equal to the number of function call parts of the function call turn.',
        );
      const names = previousCalls.map((p) => p.functionCall.name);
      const wrong = responses.find((p) => !names.includes(p.functionResponse.name));
      if (wrong)
        return invalidArgument(
          `Function response name ${wrong.functionResponse.name} does not match any function call.`,
        );
    }
    previousCalls = calls;
  }
  return null;
}

function checkThinking(tc, model) {
  if (!isObject(tc)) return null;
  if (tc.thinkingLevel !== undefined && tc.thinkingBudget !== undefined)
    return invalidArgument('You can only set only one of thinking budget and thinking level.');
  if (tc.thinkingLevel !== undefined && !isGemini3(model))
    return invalidArgument('Thinking level is not supported for this model.');
  if (tc.thinkingBudget === 0 && /^gemini-[\d.]+-pro/.test(model))
    return invalidArgument('Budget 0 is invalid. This model only works in thinking mode.');
  return null;
}

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

function generateContent(ctx, model) {
  const b = ctx.body;
  const reply = ctx.scenario.reply ?? {};
  if (!isObject(b)) return invalidArgument('Invalid JSON payload received. Expected an object.');
  const contentsError = checkContents(b.contents, model);
  if (contentsError) return contentsError;
  const gen = isObject(b.generationConfig) ? b.generationConfig : {};
  const thinkingError = checkThinking(gen.thinkingConfig, model);
  if (thinkingError) return thinkingError;

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

export const routes = [
  {
    method: 'POST',
    match: (p) => GEMINI_RE.test(p),
    dialect,
    handle: (ctx) => generateContent(ctx, decodeURIComponent(GEMINI_RE.exec(ctx.path)[1])),
  },
  {
    method: 'POST',
    match: (p) => VERTEX_RE.test(p),
    dialect,
    handle: (ctx) => {
      const res = generateContent(ctx, decodeURIComponent(VERTEX_RE.exec(ctx.path)[3]));
      // Vertex adds createTime and names the role in each candidate's content.
      if (res.json?.responseId) res.json.createTime = new Date().toISOString();
      return res;
    },
  },
  tokenRoute,
];
