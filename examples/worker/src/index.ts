// A Cloudflare Worker: POST /ask {"question": "…"} answers {"answer", "cached"}; results are cached
// in the KV namespace bound as CACHE, so the same question is answered from KV without a request.
import { OpenAIModel } from 'alea-llm-client/openai';
import { kvStore, type KVNamespaceLike } from 'alea-llm-client/cache/kv';

interface Env {
  CACHE: KVNamespaceLike;
  OPENAI_API_KEY: string; // `wrangler secret put OPENAI_API_KEY`
  OPENAI_BASE_URL?: string; // optional: another OpenAI-compatible server (the emulator in CI)
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (request.method !== 'POST' || url.pathname !== '/ask')
      return Response.json({ error: 'POST /ask {"question": "…"}' }, { status: 404 });
    const body = (await request.json().catch(() => null)) as { question?: unknown } | null;
    if (typeof body?.question !== 'string' || !body.question.trim())
      return Response.json({ error: 'the body needs a "question" string' }, { status: 400 });
    const model = new OpenAIModel({
      model: 'gpt-4o-mini',
      env, // the key comes from the Worker's bindings, not from process.env
      cache: kvStore(env.CACHE),
      ...(env.OPENAI_BASE_URL && { endpoint: env.OPENAI_BASE_URL, apiKey: env.OPENAI_API_KEY }),
    });
    try {
      const r = await model.chat(body.question, { maxTokens: 200 });
      return Response.json({ answer: r.text, cached: r.cached === true, cost: r.cost ?? null });
    } catch (e) {
      return Response.json({ error: (e as Error).message }, { status: 502 });
    }
  },
};
