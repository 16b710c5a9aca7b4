import * as v from 'valibot';

// Partial wire schemas of `generateContent` answers (Gemini API GenerateContentResponse and Vertex
// GoogleCloudAiplatformV1GenerateContentResponse share these fields): only what we read, unknown
// members accepted, so additions on Google's side never break parsing. Built on first use.

const partSchema = () =>
  v.object({
    text: v.nullish(v.string()),
    thought: v.nullish(v.boolean()),
    thoughtSignature: v.nullish(v.string()),
    functionCall: v.nullish(
      v.object({
        id: v.nullish(v.string()),
        name: v.string(),
        args: v.nullish(v.record(v.string(), v.unknown())),
      }),
    ),
  });

const ratingsSchema = () => v.nullish(v.array(v.unknown()));

const responseSchema = () =>
  v.object({
    responseId: v.nullish(v.string()),
    modelVersion: v.nullish(v.string()),
    candidates: v.nullish(
      v.array(
        v.object({
          content: v.nullish(v.object({ parts: v.nullish(v.array(partSchema())) })),
          finishReason: v.nullish(v.string()),
          finishMessage: v.nullish(v.string()),
          safetyRatings: ratingsSchema(),
        }),
      ),
    ),
    promptFeedback: v.nullish(
      v.object({
        blockReason: v.nullish(v.string()),
        blockReasonMessage: v.nullish(v.string()),
        safetyRatings: ratingsSchema(),
      }),
    ),
    usageMetadata: v.nullish(
      v.object({
        promptTokenCount: v.nullish(v.number()),
        candidatesTokenCount: v.nullish(v.number()),
        totalTokenCount: v.nullish(v.number()),
        thoughtsTokenCount: v.nullish(v.number()),
        cachedContentTokenCount: v.nullish(v.number()),
        toolUsePromptTokenCount: v.nullish(v.number()),
      }),
    ),
  });

/** The parts of a `generateContent` answer we read. */
export type GoogleResponse = v.InferOutput<ReturnType<typeof responseSchema>>;
/** One part of a candidate's content. */
export type GooglePart = v.InferOutput<ReturnType<typeof partSchema>>;
/** The usage object we read. */
export type GoogleUsage = GoogleResponse['usageMetadata'];

let schema: ReturnType<typeof responseSchema> | undefined;

/** Validates a `generateContent` body. */
export function parseGoogleBody(body: unknown) {
  return v.safeParse((schema ??= responseSchema()), body);
}
