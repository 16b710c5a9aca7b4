// A module Worker for test/workers-coalescing.node.test.ts, bundled from src/ and run in workerd
// (Miniflare): it keeps one model (or uses the default store) across requests, as a new user would,
// so identical calls from different requests meet in the same in-flight map.
import { GoogleModel } from '../../src/providers/google/index.ts';
import { serviceAccountKeyResolver } from '../../src/keys/service-account-resolver.ts';
import { OpenAIModel } from '../../src/providers/openai/index.ts';
import type { KeyResolver } from '../../src/core/key-resolver.ts';

const models = new Map<string, OpenAIModel>();
const resolvers = new Map<string, KeyResolver>();

/** One model per endpoint for the whole isolate, or a fresh one (default store) with `fresh`. */
function modelFor(q: URLSearchParams): OpenAIModel | GoogleModel {
  const endpoint = q.get('ep')!;
  if (q.get('vertex')) {
    let keyResolver = resolvers.get(endpoint);
    if (!keyResolver) {
      const key = { client_email: 'sa@p.iam.gserviceaccount.com', private_key: q.get('pem')! };
      keyResolver = serviceAccountKeyResolver(key, { tokenUrl: `${q.get('tok')}/token` });
      resolvers.set(endpoint, keyResolver);
    }
    return new GoogleModel({
      endpoint,
      vertex: true,
      projectId: 'proj-1',
      keyResolver,
      cache: false,
    });
  }
  if (q.get('fresh')) return new OpenAIModel({ endpoint, apiKey: 'sk-test' });
  let model = models.get(endpoint);
  if (!model) models.set(endpoint, (model = new OpenAIModel({ endpoint, apiKey: 'sk-test' })));
  return model;
}

const outcome = (p: Promise<{ text: string; cached: boolean }>) =>
  p.then(
    (r) => ({ text: r.text, cached: r.cached }),
    (e: Error) => ({ error: `${e.name}: ${e.message}` }),
  );

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const q = url.searchParams;
    const model = modelFor(q);
    const prompt = q.get('prompt')!;
    const timeout = Number(q.get('timeout') ?? 10_000);
    if (url.pathname === '/early') {
      // Answers before the upstream reply arrives, without waitUntil: workerd then cancels its I/O.
      const call = model.chat(prompt, { timeout });
      call.catch(() => {});
      const early = new Promise((resolve) => setTimeout(() => resolve('early'), 100));
      return Response.json(await Promise.race([outcome(call), early]));
    }
    if (url.pathname === '/twice') {
      return Response.json(
        await Promise.all([1, 2].map(() => outcome(model.chat(prompt, { timeout })))),
      );
    }
    return Response.json(await outcome(model.chat(prompt, { timeout })));
  },
};
