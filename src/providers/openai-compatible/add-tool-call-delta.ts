/** A streamed tool call as the whole answer holds it: a function call or a custom tool's call. */
export type ToolCallSlot =
  | { id: string; type: 'function'; function: { name: string; arguments: string } }
  | { id: string; type: 'custom'; custom: { name: string; input: string } };

/**
 * One `delta.tool_calls` entry. Continuation deltas may send `id`, `type` and `function` as null
 * (gpt-5.5's custom tool calls, Oaklight/llm-rosetta#489), read as absent.
 */
export interface ToolCallDelta {
  index?: number | null;
  id?: string | null;
  type?: string | null;
  function?: { name?: string | null; arguments?: unknown } | null;
  custom?: { name?: string | null; input?: string | null } | null;
}

/** A choice's streamed calls, in the order they opened, and the open call of each wire `index`. */
export interface ToolCallSlots {
  list: ToolCallSlot[];
  at: Map<number, number>;
}

/**
 * Adds one tool-call delta to a choice's calls. A delta continues the call open at its `index`,
 * unless it names another id: llama.cpp (b7622, ggml-org/llama.cpp#18591) and vLLM
 * (InternLM/lmdeploy#3412) send several calls at one index, each with its own id. A delta without an
 * index opens a call. A custom tool's call (`type: 'custom'`, `custom: { name, input }`) keeps its
 * input as text; object arguments (llama-server's `--tool-args-object`) are kept as their JSON.
 * @returns The call, its position, whether it opened now, and the piece of arguments or input added.
 */
export function addToolCallDelta(slots: ToolCallSlots, t: ToolCallDelta) {
  const index = t.index ?? undefined;
  let position = index === undefined ? undefined : slots.at.get(index);
  let slot = position === undefined ? undefined : slots.list[position];
  if (slot?.id && t.id && t.id !== slot.id) slot = undefined;
  const fresh = !slot;
  if (!slot) {
    position = slots.list.length;
    slot =
      t.type === 'custom' || t.custom
        ? { id: '', type: 'custom', custom: { name: '', input: '' } }
        : { id: '', type: 'function', function: { name: '', arguments: '' } };
    slots.list.push(slot);
    if (index !== undefined) slots.at.set(index, position);
  }
  if (t.id) slot.id = t.id;
  let piece: string;
  if (slot.type === 'custom') {
    if (t.custom?.name) slot.custom.name = t.custom.name;
    piece = t.custom?.input ?? '';
    slot.custom.input += piece;
  } else {
    if (t.function?.name) slot.function.name = t.function.name;
    const args = t.function?.arguments;
    piece = args == null ? '' : typeof args === 'string' ? args : JSON.stringify(args);
    slot.function.arguments += piece;
  }
  return { slot, position: position!, fresh, piece };
}
