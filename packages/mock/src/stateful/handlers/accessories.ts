// Attachments: upload (5.5.1 form-data, 5.5.2 Base64 in JSON), download byte for byte (5.5.4), show an
// image (5.5.5), delete (5.5.3). An unknown attachment is OSM.01010045 "The accessory is invalid.".
import { bodyOf, type SandboxAnswer, type SandboxRequest } from '../exchange.js';
import { ACKNOWLEDGED, type Handler, type HandlerContext } from '../handler.js';
import type { AccessoryRecord } from '../state.js';

/** The image types 5.5.5 can show (those of the spec's `downloadImages` response). */
const IMAGE_TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  bmp: 'image/bmp',
};
const DEFAULT_TYPE = 'application/octet-stream';

function typeFromName(fileName: string): string {
  return IMAGE_TYPES[fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase()] ?? DEFAULT_TYPE;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/** `attachment; filename="..."` with an ASCII fallback and the exact UTF-8 name (RFC 6266). */
function disposition(kind: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function store(context: HandlerContext, file_name: string, media_type: string, bytes: Uint8Array): SandboxAnswer {
  const accessory: AccessoryRecord = { accessory_id: context.store.newAccessoryId(), file_name, media_type, content_base64: toBase64(bytes) };
  context.store.accessories.push(accessory);
  return { json: { accessory_id: accessory.accessory_id } };
}

/** The `fileName` key of 5.5.1's `form_data` JSON text, if it has one. */
function formDataFileName(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    const name = (JSON.parse(text) as { fileName?: unknown }).fileName;
    return typeof name === 'string' && name !== '' ? name : undefined;
  } catch {
    return undefined;
  }
}

/** 5.5.1: the `file` part, named by `form_data`'s `fileName` or else by the part's own file name. */
export const uploadAccessory: Handler = async (request, context) => {
  const { file, form_data } = bodyOf<{ file?: unknown; form_data?: unknown }>(request);
  if (!(file instanceof Blob)) return context.fail('accessoryInvalid');
  const fileName = formDataFileName(form_data) ?? (file instanceof File && file.name ? file.name : 'attachment');
  const mediaType = file.type && file.type !== DEFAULT_TYPE ? file.type : typeFromName(fileName);
  return store(context, fileName, mediaType, new Uint8Array(await file.arrayBuffer()));
};

/** 5.5.2 */
export const uploadJsonAccessories: Handler = (request, context) => {
  const body = bodyOf<{ accessory_name?: string; accessory_data: string }>(request);
  const fileName = body.accessory_name ?? 'attachment';
  return store(context, fileName, typeFromName(fileName), fromBase64(body.accessory_data));
};

function pathAccessory(request: SandboxRequest, context: HandlerContext): AccessoryRecord | undefined {
  return context.store.findAccessory(request.path.accessory_id);
}

/** 5.5.4: the uploaded bytes, as the spec's only file type for this operation. */
export const downloadAccessories: Handler = (request, context) => {
  const accessory = pathAccessory(request, context);
  if (!accessory) return context.fail('accessoryInvalid');
  return { file: { bytes: fromBase64(accessory.content_base64), mediaType: DEFAULT_TYPE, disposition: disposition('attachment', accessory.file_name) } };
};

/** 5.5.5: an uploaded image, in its own type; any other attachment is not an image to show. */
export const downloadImages: Handler = (request, context) => {
  const accessory = pathAccessory(request, context);
  if (!accessory || !Object.values(IMAGE_TYPES).includes(accessory.media_type)) return context.fail('accessoryInvalid');
  return { file: { bytes: fromBase64(accessory.content_base64), mediaType: accessory.media_type, disposition: disposition('inline', accessory.file_name) } };
};

/** 5.5.3: messages that listed the attachment keep listing it; downloading it fails from then on. */
export const deleteAccessories: Handler = (request, context) => {
  const accessory = pathAccessory(request, context);
  if (!accessory) return context.fail('accessoryInvalid');
  context.store.accessories.splice(context.store.accessories.indexOf(accessory), 1);
  return ACKNOWLEDGED;
};
