import { parsePartialJson } from '../core/parse-partial-json.ts';
import type { ObjectStreamEvent, StreamEvent } from '../core/types.ts';
import type { StreamSource } from './model-stream.ts';
import type { StreamResult } from './stream-log.ts';

/**
 * The events of `streamObject()` over a stream's: each text delta that changes the JSON read so far
 * gives a `partial` event with the value so far; `finish` passes through with the validated `data`.
 * @param source - The streamed call of the `object` request.
 */
export function objectSource<T>(
  source: StreamSource<StreamEvent, StreamResult>,
): StreamSource<ObjectStreamEvent<T>, never> {
  return {
    response: source.response as Promise<never>,
    events() {
      const inner = source.events();
      let text = '';
      let last: string | undefined;
      return {
        async next(): Promise<IteratorResult<ObjectStreamEvent<T>>> {
          for (;;) {
            const step = await inner.next();
            if (step.done) return step;
            const event = step.value;
            if (event.type === 'finish') return step as IteratorResult<ObjectStreamEvent<T>>;
            if (event.type !== 'text') continue;
            text += event.delta;
            const partial = parsePartialJson(text);
            const shown = partial && JSON.stringify(partial.value);
            if (partial && shown !== last) {
              last = shown;
              return { value: { type: 'partial', value: partial.value as never }, done: false };
            }
          }
        },
        return: () => inner.return!() as Promise<IteratorResult<ObjectStreamEvent<T>>>,
      };
    },
  };
}
