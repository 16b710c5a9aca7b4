// Which members Google's generateContent bodies may have. Google parses them as protobuf JSON, so a
// member the API does not define is a 400, not ignored: a portable option or part shape that leaked
// into the body fails here as it would against Google.
import { invalidArgument, isObject } from './gemini-common.mjs';

// The members each API's GenerateContentRequest, Part and GenerationConfig have (the Gemini API's
// OpenAPI document and Vertex AI's discovery document). Google parses bodies as protobuf JSON and
// refuses any other member: "Invalid JSON payload received. Unknown name "n": Cannot find field."
const REQUEST = {
  gemini: [
    'cachedContent',
    'contents',
    'generationConfig',
    'model',
    'safetySettings',
    'serviceTier',
    'store',
    'systemInstruction',
    'toolConfig',
    'tools',
  ],
  vertex: [
    'cachedContent',
    'contents',
    'generationConfig',
    'labels',
    'modelArmorConfig',
    'safetySettings',
    'systemInstruction',
    'toolConfig',
    'tools',
  ],
};
const PART = new Set([
  'codeExecutionResult',
  'executableCode',
  'fileData',
  'functionCall',
  'functionResponse',
  'inlineData',
  'mediaResolution',
  'partMetadata',
  'text',
  'thought',
  'thoughtSignature',
  'toolCall',
  'toolResponse',
  'videoMetadata',
  'mediaProcessing',
]);
const GENERATION = new Set([
  'audioTranscriptionConfig',
  'candidateCount',
  'enableAffectiveDialog',
  'frequencyPenalty',
  'enableEnhancedCivicAnswers',
  'imageConfig',
  'logprobs',
  'maxOutputTokens',
  'mediaResolution',
  'presencePenalty',
  'responseFormat',
  'responseJsonSchema',
  'responseLogprobs',
  'responseMimeType',
  'responseModalities',
  'responseSchema',
  'seed',
  'speechConfig',
  'stopSequences',
  'temperature',
  'thinkingConfig',
  'topK',
  'topP',
  'translationConfig',
  'routingConfig',
]);

const unknownName = (name, at) =>
  invalidArgument(
    `Invalid JSON payload received. Unknown name "${name}"${at ? ` at '${at}'` : ''}: Cannot find field.`,
  );

/** Members the API does not have, in the body, its generationConfig and its parts; or null. */
export function checkFields(b, api) {
  const known = new Set(REQUEST[api]);
  const extra = Object.keys(b).find((k) => !known.has(k));
  if (extra) return unknownName(extra);
  const gen = isObject(b.generationConfig) ? b.generationConfig : {};
  const badGen = Object.keys(gen).find((k) => !GENERATION.has(k));
  if (badGen) return unknownName(badGen, 'generation_config');
  for (const [i, c] of (Array.isArray(b.contents) ? b.contents : []).entries()) {
    for (const [j, part] of (Array.isArray(c?.parts) ? c.parts : []).entries()) {
      const bad = Object.keys(isObject(part) ? part : {}).find((k) => !PART.has(k));
      if (bad) return unknownName(bad, `contents[${i}].parts[${j}]`);
      if (isObject(part.inlineData) && (!part.inlineData.mimeType || !part.inlineData.data))
        return invalidArgument(
          `* GenerateContentRequest.contents[${i}].parts[${j}].inline_data: mime_type and data are required.\n`,
        );
      if (isObject(part.fileData) && !part.fileData.fileUri)
        return invalidArgument(
          `* GenerateContentRequest.contents[${i}].parts[${j}].file_data.file_uri: file_uri is required.\n`,
        );
    }
  }
  return null;
}
