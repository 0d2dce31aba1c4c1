// What no answer of the mock may show, through any door and in any mode (issue 24): a stack trace, a
// file path of the machine, or the name of a library inside the mock. (The spec's own examples carry
// paths as data - a session log's `/tmp/sshd_config` - so local paths are looked for in errors only.)
const LEAKS: readonly [string, RegExp][] = [
  ['a stack trace', /\n\s*at \S|"stack"\s*:/],
  ['a file path of the mock', /node_modules|file:\/\/|\.(?:m?js|cjs|ts):\d+/],
  ['a library name', /\b(?:prism|stoplight|msw|undici|busboy|streamsearch|path-to-regexp|ajv|json-schema-faker|fp-ts)\b/i],
  ['a JavaScript error name', /\b(?:URIError|TypeError|RangeError|ReferenceError|SyntaxError)\b/],
];

const LOCAL_PATH: [string, RegExp] = ['a local path', /(?:^|[\s("'])\/(?:home|root|tmp|usr|work|opt|var)\//];

/** What of the above `text` shows (an answer's body or header values; `error`: of an error answer), or undefined. */
export function leakIn(text: string, error: boolean): string | undefined {
  const found = [...LEAKS, ...(error ? [LOCAL_PATH] : [])].find(([, pattern]) => pattern.test(text));
  return found && `${found[0]} in ${JSON.stringify(text.slice(0, 300))}`;
}
