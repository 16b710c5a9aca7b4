const DELIMITER = /[\s,\]}]/;

function tryParse(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/**
 * Reads the JSON object or array that a growing answer holds so far: open strings, arrays and objects
 * are closed, and a member whose key or value has not fully arrived is left out. Text before the
 * first `{` or `[` (prose, a code fence) is skipped. Nothing is validated: the value is for showing
 * progress, and the finished answer is checked as a whole.
 * @param text - The answer's text so far.
 * @returns The value so far, or undefined before any of it can be read.
 */
export function parsePartialJson(text: string): { value: unknown } | undefined {
  const start = text.search(/[[{]/);
  if (start === -1) return undefined;
  const closers: string[] = [];
  const closing = () => closers.slice().reverse().join('');
  // The longest prefix known to close into valid JSON, and what closes it.
  let safe = -1;
  let safeClosers = '';
  const mark = (end: number) => {
    safe = end;
    safeClosers = closing();
  };
  let key = false; // the next string is an object's key
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) {
        // An unfinished string value is shown as far as it came (a half escape left out).
        const head = text.slice(start).replace(/\\(u[0-9a-fA-F]{0,3})?$/, '');
        if (!key)
          return (
            tryParse(`${head}"${closing()}`) ?? tryParse(text.slice(start, safe) + safeClosers)
          );
        break;
      }
      i = j;
      if (key) key = false;
      else mark(i + 1);
    } else if (ch === '{' || ch === '[') {
      closers.push(ch === '{' ? '}' : ']');
      key = ch === '{';
      mark(i + 1);
    } else if (ch === '}' || ch === ']') {
      closers.pop();
      if (closers.length === 0) return tryParse(text.slice(start, i + 1));
      mark(i + 1);
    } else if (ch === ',') key = closers.at(-1) === '}';
    else if (ch === ':') key = false;
    else if (!DELIMITER.test(ch)) {
      let j = i + 1;
      while (j < text.length && !DELIMITER.test(text[j]!)) j++;
      if (j === text.length) {
        // A number or literal at the very end may be cut (`1.`, `tru`): kept only if it parses.
        const parsed = tryParse(text.slice(start) + closing());
        if (parsed) return parsed;
        break;
      }
      i = j - 1;
      mark(j);
    }
  }
  return safe < 0 ? undefined : tryParse(text.slice(start, safe) + safeClosers);
}
