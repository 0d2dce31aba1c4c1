// Media types as every part of the mock reads them: a request's body (the engine), an answer made up by a
// test (the answer checker) and an upstream's answer (the proxy).

/**
 * The media type of a Content-Type value, lower case, without parameters (`charset`, `boundary`); undefined
 * when there is none. A repeated header, as Node gives it (an array), counts by its first value.
 */
export function mediaTypeOf(value: string | readonly string[] | undefined): string | undefined {
  const first = typeof value === 'string' ? value : value?.[0];
  return first?.split(';')[0]?.trim().toLowerCase() || undefined;
}

/** Whether a media type (as {@link mediaTypeOf} gives it) is JSON: `application/json` or a `+json` type such as `application/problem+json`. */
export const isJson = (mediaType: string | undefined): boolean =>
  mediaType !== undefined && /^application\/(?:[\w.+-]+\+)?json$/.test(mediaType);
