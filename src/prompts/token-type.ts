/** The special tokens of a chat template, as the original's `TokenType`. */
export const TokenType = {
  BEGIN_OF_TEXT: 'BEGIN_OF_TEXT',
  END_OF_TEXT: 'END_OF_TEXT',
  START_HEADER: 'START_HEADER',
  END_HEADER: 'END_HEADER',
  JSON_MARKER: 'JSON_MARKER',
} as const;

/** One of {@link TokenType}'s members. */
export type TokenType = (typeof TokenType)[keyof typeof TokenType];

/** Each template family's token strings, as the original's `TOKEN_MAPPING` (only `llama3` there). */
export const TOKEN_MAPPING = {
  llama3: {
    BEGIN_OF_TEXT: '<|begin_of_text|>',
    END_OF_TEXT: '<|eot_id|>',
    START_HEADER: '<|start_header_id|>',
    END_HEADER: '<|end_header_id|>',
    JSON_MARKER: '```json',
  },
} as const satisfies Record<string, Readonly<Record<TokenType, string>>>;

/** A template family of {@link TOKEN_MAPPING}. */
export type TokenFamily = keyof typeof TOKEN_MAPPING;
