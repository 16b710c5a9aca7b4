import { LLMError } from './llm-error.ts';

/** What a {@link ContentFilterError} knows about the block. */
export interface ContentFilterErrorInit {
  provider: string;
  /** The URL that was called (it never carries a key). */
  url: string;
  /** Whether the prompt was refused before generation, or the generated answer was withheld. */
  blockedBy: 'prompt' | 'response';
  /** The provider's reason, such as Gemini's `SAFETY`, `PROHIBITED_CONTENT` or `RECITATION`. */
  reason: string;
  /** The provider's per-category ratings, as sent (Gemini `safetyRatings`). */
  safetyRatings?: unknown[];
  /** The provider's explanation, when it gave one (Gemini `blockReasonMessage`, `finishMessage`). */
  detail?: string;
}

/**
 * The provider's safety system blocked the prompt, or withheld the whole answer, so there is no
 * output to return. Not retried (the same request is blocked again) and never cached. Rephrase the
 * prompt or adjust the provider's safety settings (Gemini `safetySettings`, passed as a call option).
 */
export class ContentFilterError extends LLMError {
  override readonly name: string = 'ContentFilterError';
  readonly provider: string;
  readonly url: string;
  readonly blockedBy: 'prompt' | 'response';
  readonly reason: string;
  readonly safetyRatings: unknown[];

  constructor(init: ContentFilterErrorInit) {
    const what = init.blockedBy === 'prompt' ? 'the prompt was blocked' : 'the answer was withheld';
    super(
      `${init.provider}: ${what} by the provider's content filter (${init.reason})` +
        `${init.detail ? `: ${init.detail}` : ''}. Rephrase the prompt or adjust the safety settings ` +
        `(POST ${init.url}).`,
    );
    this.provider = init.provider;
    this.url = init.url;
    this.blockedBy = init.blockedBy;
    this.reason = init.reason;
    this.safetyRatings = init.safetyRatings ?? [];
  }
}
