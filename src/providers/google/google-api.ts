import type { WireShape } from '../../core/wire-misfit.ts';

// Partial wire shapes of `generateContent` answers (Gemini API GenerateContentResponse and Vertex
// GoogleCloudAiplatformV1GenerateContentResponse share these fields; core/read-wire.ts): only what
// we read, unknown members accepted, so additions on Google's side never break parsing.

/** The shape of a `generateContent` answer, as far as we read it. */
export const GOOGLE_RESPONSE_SHAPE: WireShape = {
  'responseId?': 'string',
  'modelVersion?': 'string',
  'candidates?': [
    {
      'content?': {
        'parts?': [
          {
            'text?': 'string',
            'thought?': 'boolean',
            'thoughtSignature?': 'string',
            'functionCall?': { 'id?': 'string', name: 'string', 'args?': 'object' },
          },
        ],
      },
      'finishReason?': 'string',
      'finishMessage?': 'string',
      'safetyRatings?': 'array',
    },
  ],
  'promptFeedback?': {
    'blockReason?': 'string',
    'blockReasonMessage?': 'string',
    'safetyRatings?': 'array',
  },
  'usageMetadata?': {
    'promptTokenCount?': 'number',
    'candidatesTokenCount?': 'number',
    'totalTokenCount?': 'number',
    'thoughtsTokenCount?': 'number',
    'cachedContentTokenCount?': 'number',
    'toolUsePromptTokenCount?': 'number',
  },
};

/** One part of a candidate's content. */
export interface GooglePart {
  text?: string | null;
  thought?: boolean | null;
  thoughtSignature?: string | null;
  functionCall?: {
    id?: string | null;
    name: string;
    args?: Record<string, unknown> | null;
  } | null;
}

/** The usage object we read. */
export type GoogleUsage =
  | {
      promptTokenCount?: number | null;
      candidatesTokenCount?: number | null;
      totalTokenCount?: number | null;
      thoughtsTokenCount?: number | null;
      cachedContentTokenCount?: number | null;
      toolUsePromptTokenCount?: number | null;
    }
  | null
  | undefined;

/** The parts of a `generateContent` answer we read. */
export interface GoogleResponse {
  responseId?: string | null;
  modelVersion?: string | null;
  candidates?:
    | {
        content?: { parts?: GooglePart[] | null } | null;
        finishReason?: string | null;
        finishMessage?: string | null;
        safetyRatings?: unknown[] | null;
      }[]
    | null;
  promptFeedback?: {
    blockReason?: string | null;
    blockReasonMessage?: string | null;
    safetyRatings?: unknown[] | null;
  } | null;
  usageMetadata?: GoogleUsage;
}
