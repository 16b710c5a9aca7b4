// Tree-shaking of the BUILT package as an app bundler sees it (esbuild, browser conditions, minified):
// a one-chat-call OpenAI consumer must carry no node: import, no pako and no other provider's code.
// Every probe has a POSITIVE CONTROL that must match, so a probe that can never fire (a typo, a
// marker minification renames) fails loudly instead of passing silently.
// Needs dist/ (`npm test` builds first).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bundleConsumer,
  requireDist,
  ROOT,
  type ConsumerBundle,
} from './support/bundle-consumer.ts';

const exportsMap = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')).exports as Record<
  string,
  unknown
>;
const has = (subpath: string) => subpath in exportsMap;

const OPENAI_CHAT = `import { OpenAIModel } from 'alea-llm-client/openai';
new OpenAIModel({ model: 'gpt-4o-mini' }).chat('hi');`;

// Markers are string literals (which minifiers keep) or numeric constants:
// - pako: crc32 polynomial 0xEDB88320, printed 3988292384 by esbuild. pako 3 has no
//   "sideEffects": false, so importing it at all leaves its module-level crc table (~13 kB minified
//   with esbuild, runtimes.md P4); zlib message strings only appear when (de)compression is used.
//   The browser default store (IndexedDB) loads pako with import() on first use, so pako may sit in
//   a lazy chunk: the pako probes look at the ENTRY chunk only (see also 'default cache' below).
// - providers: endpoints and header names that only their adapters contain.
const PROBES = {
  'node: import': {
    re: /["']node:[a-z]/,
    control: `import { readKeyFile } from '${ROOT}/dist/keys/read-key-file.node.js'; console.log(readKeyFile);`,
  },
  pako: {
    re: /3988292384|0xedb88320|need dictionary|incorrect header check/i,
    control: `import { gzip } from 'pako'; console.log(gzip('x'));`,
  },
  xai: {
    re: /api\.x\.ai/,
    control: `import { GrokModel } from 'alea-llm-client/xai'; console.log(new GrokModel({}));`,
    subpath: './xai',
  },
  vllm: {
    re: /localhost:8000/,
    control: `import { VLLMModel } from 'alea-llm-client/vllm'; console.log(new VLLMModel({}));`,
    subpath: './vllm',
  },
  anthropic: {
    re: /anthropic-version|api\.anthropic\.com/,
    control: `import * as m from 'alea-llm-client/anthropic'; console.log(m);`,
    subpath: './anthropic',
  },
  google: {
    re: /generativelanguage|aiplatform\.googleapis/,
    control: `import * as m from 'alea-llm-client/google'; console.log(m);`,
    subpath: './google',
  },
  // The token template's strings and the sections' error text: only alea-llm-client/prompts has them.
  prompts: {
    re: /begin_of_text|formatSectionContent:/,
    control: `import * as m from 'alea-llm-client/prompts'; console.log(m);`,
    subpath: './prompts',
  },
} as const;

describe('tree-shaking (esbuild, browser, minified)', () => {
  let openaiOnly: ConsumerBundle;
  beforeAll(async () => {
    requireDist();
    openaiOnly = await bundleConsumer(OPENAI_CHAT);
  });

  it('the OpenAI consumer really contains the OpenAI model (sanity)', () => {
    expect(openaiOnly.all).toMatch(/api\.openai\.com/);
  });

  for (const [name, p] of Object.entries(PROBES)) {
    const subpath = 'subpath' in p ? p.subpath : undefined;
    it(`the OpenAI consumer has no ${name} code`, () => {
      const text = name === 'pako' ? openaiOnly.entry : openaiOnly.all;
      const m = p.re.exec(text);
      expect(
        m && text.slice(Math.max(0, m.index - 80), m.index + 80),
        `${name} marker found`,
      ).toBeNull();
    });
    it(`positive control: the ${name} probe fires`, async () => {
      expect(subpath === undefined || has(subpath), `package.json exports ${subpath}`).toBe(true);
      const b = await bundleConsumer(p.control);
      expect(b.all).toMatch(p.re);
    });
  }
});

// An Anthropic chat consumer: no OpenAI code (the OpenAI consumer above is this probe's control), and
// none of the other probes' code either.
const ANTHROPIC_CHAT = `import { AnthropicModel } from 'alea-llm-client/anthropic';
new AnthropicModel().chat('hi');`;

describe('tree-shaking: one Anthropic chat call', () => {
  let anthropicOnly: ConsumerBundle;
  beforeAll(async () => {
    requireDist();
    anthropicOnly = await bundleConsumer(ANTHROPIC_CHAT);
  });

  it('contains the Anthropic model (sanity)', () => {
    expect(anthropicOnly.all).toMatch(PROBES.anthropic.re);
  });

  const foreign = {
    openai: /api\.openai\.com|max_completion_tokens|chat\/completions/,
    ...Object.fromEntries(
      Object.entries(PROBES)
        .filter(([name]) => name !== 'anthropic')
        .map(([name, p]) => [name, p.re]),
    ),
  };
  for (const [name, re] of Object.entries(foreign)) {
    it(`has no ${name} code`, () => {
      const text = name === 'pako' ? anthropicOnly.entry : anthropicOnly.all;
      const m = re.exec(text);
      expect(m && text.slice(Math.max(0, m.index - 80), m.index + 80)).toBeNull();
    });
  }

  it('positive control: the openai probe fires on the OpenAI consumer', async () => {
    const b = await bundleConsumer(OPENAI_CHAT);
    expect(b.all).toMatch(foreign.openai);
  });
});

// A Google chat consumer: no OpenAI or Anthropic code (nor any other probe's), the same way.
const GOOGLE_CHAT = `import { GoogleModel } from 'alea-llm-client/google';
new GoogleModel().chat('hi');`;

describe('tree-shaking: one Google chat call', () => {
  let googleOnly: ConsumerBundle;
  beforeAll(async () => {
    requireDist();
    googleOnly = await bundleConsumer(GOOGLE_CHAT);
  });

  it('contains the Google model (sanity)', () => {
    expect(googleOnly.all).toMatch(PROBES.google.re);
  });

  const foreign = {
    openai: /api\.openai\.com|max_completion_tokens|chat\/completions/,
    ...Object.fromEntries(
      Object.entries(PROBES)
        .filter(([name]) => name !== 'google')
        .map(([name, p]) => [name, p.re]),
    ),
  };
  for (const [name, re] of Object.entries(foreign)) {
    it(`has no ${name} code`, () => {
      const text = name === 'pako' ? googleOnly.entry : googleOnly.all;
      const m = re.exec(text);
      expect(m && text.slice(Math.max(0, m.index - 80), m.index + 80)).toBeNull();
    });
  }
});

// The browser default store: IndexedDB, shipped with the call code (not the entry chunk), pako as
// lazy chunks; no node: anywhere.
describe('tree-shaking: the default cache of a browser OpenAI consumer', () => {
  let b: ConsumerBundle;
  beforeAll(async () => {
    requireDist();
    b = await bundleConsumer(OPENAI_CHAT);
  });
  it('uses the IndexedDB store (outside the entry chunk), never the fs store', () => {
    expect(b.entry).not.toMatch(/alea-llm-cache/);
    expect(b.chunks.some((c) => c !== b.entry && /alea-llm-cache/.test(c))).toBe(true);
    expect(b.all).not.toMatch(/\.alea|json\.gz|ALEA_CACHE_DIR/);
  });
  it('keeps pako out of the entry chunk but ships it as a lazy chunk', () => {
    expect(b.entry).not.toMatch(PROBES.pako.re);
    expect(b.chunks.length).toBeGreaterThan(1);
    expect(b.chunks.some((c) => c !== b.entry && PROBES.pako.re.test(c))).toBe(true);
  });
});

// The prompt helpers: no provider, pako or node: code; a sectioned-prompt consumer does not carry
// the token template, and a token-template consumer does not carry the JSON Schema conversion
// (each probe fires on the other consumer: the controls).
describe('tree-shaking: the prompt helpers', () => {
  const TEMPLATE = /begin_of_text/;
  const SCHEMA_CONVERSION = /json-schema\.org/;
  let sections: ConsumerBundle;
  let template: ConsumerBundle;
  beforeAll(async () => {
    requireDist();
    sections =
      await bundleConsumer(`import { formatPrompt, formatInstructions } from 'alea-llm-client/prompts';
console.log(formatPrompt({ a: formatInstructions(['x']) }));`);
    template =
      await bundleConsumer(`import { formatPromptLlama3, normalizeJsonResponse } from 'alea-llm-client/prompts';
console.log(formatPromptLlama3('x'), normalizeJsonResponse('{}'));`);
  });
  it('formatPrompt carries no provider, pako, node: or token-template code', () => {
    expect(sections.all).toMatch(SCHEMA_CONVERSION);
    for (const [name, p] of Object.entries(PROBES)) {
      const re = name === 'prompts' ? TEMPLATE : p.re;
      expect(re.exec(sections.all)?.[0], `${name} in a formatPrompt bundle`).toBeUndefined();
    }
  });
  it('formatPromptLlama3 and normalizeJsonResponse carry no JSON Schema conversion', () => {
    expect(template.all).toMatch(TEMPLATE);
    expect(SCHEMA_CONVERSION.exec(template.all)?.[0]).toBeUndefined();
  });
});
