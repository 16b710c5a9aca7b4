// A research page: ask a question, see the answer and whether it came from the IndexedDB cache,
// clear the cache. The answer is shown whole; with streaming, `model.stream()` would fill
// `text.textContent` as parts arrive (only `ask` changes).
import { OpenAIModel } from 'alea-llm-client/openai';
import { clearCache, defaultStore } from 'alea-llm-client/cache';

const $ = (id) => document.getElementById(id);
const store = defaultStore(); // IndexedDB in browsers, so answers survive reloads

// The key stays in this tab (sessionStorage) and goes only to the endpoint shown.
for (const id of ['endpoint', 'key']) {
  $(id).value = sessionStorage.getItem(id) ?? $(id).value;
  $(id).addEventListener('change', () => sessionStorage.setItem(id, $(id).value));
}

function addAnswer(question) {
  const li = document.createElement('li');
  const q = Object.assign(document.createElement('div'), { className: 'q', textContent: question });
  const text = document.createElement('div');
  const badge = Object.assign(document.createElement('span'), { className: 'badge' });
  q.append(badge);
  li.append(q, text);
  $('answers').prepend(li);
  return { li, text, badge };
}

async function ask(question) {
  const model = new OpenAIModel({
    model: 'gpt-4o-mini',
    endpoint: $('endpoint').value,
    apiKey: $('key').value,
    cache: store,
  });
  const view = addAnswer(question);
  try {
    const r = await model.chat(question, { maxTokens: 300 });
    view.text.textContent = r.text;
    view.badge.textContent = r.cached ? 'from IndexedDB' : 'sent';
    view.badge.classList.add(r.cached ? 'cached' : 'sent');
    view.li.dataset.cached = String(r.cached === true);
  } catch (e) {
    view.text.textContent = `${e.name}: ${e.message}`;
    view.text.className = 'error';
  }
}

$('ask').addEventListener('submit', async (event) => {
  event.preventDefault();
  const question = $('question').value.trim();
  if (!question) return;
  $('status').textContent = 'Asking…';
  await ask(question);
  $('status').textContent = '';
});

$('clear').addEventListener('click', async () => {
  await clearCache(store);
  $('status').textContent = 'Cache cleared.';
});
