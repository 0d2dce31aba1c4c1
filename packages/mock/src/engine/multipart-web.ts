// Reads multipart/form-data bodies in browsers, with the browser's own parser (the browser build takes
// this file instead of multipart.ts, whose busboy needs Node's streams). It gives the same parts.
import { DEFAULT_PART_TYPE, type FormPart, type MultipartReader } from './form.js';

export const readMultipart: MultipartReader = async (body, contentType) => {
  let form: FormData;
  try {
    form = await new Response(body as Uint8Array<ArrayBuffer>, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return undefined;
  }
  const parts: FormPart[] = [];
  for (const [name, value] of form) {
    if (typeof value === 'string') parts.push({ name, value });
    else
      parts.push({
        name,
        value: { filename: value.name, type: value.type || DEFAULT_PART_TYPE, bytes: new Uint8Array(await value.arrayBuffer()) },
      });
  }
  return parts;
};
