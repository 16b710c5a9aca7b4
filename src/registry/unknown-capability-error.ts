import { LLMError } from '../core/errors/llm-error.ts';
import { CAPABILITIES } from './capabilities.ts';

/**
 * A registry query named a capability that does not exist. The message lists the ones that do, so a
 * typo fails loudly instead of matching no model (the Python original silently returned nothing).
 */
export class UnknownCapabilityError extends LLMError {
  override readonly name: string = 'UnknownCapabilityError';
  /** The name that was asked for. */
  readonly capability: string;
  /** The names that exist. */
  readonly known: readonly string[];

  /**
   * @param capability - The unknown name.
   * @param known - The names that exist.
   * @default known CAPABILITIES
   */
  constructor(capability: string, known: readonly string[] = CAPABILITIES) {
    super(`Unknown model capability "${capability}". Use one of: ${known.join(', ')}.`);
    this.capability = capability;
    this.known = known;
  }
}
