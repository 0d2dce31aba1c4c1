// Attachments: upload (5.5.1 form-data, 5.5.2 Base64 in JSON), download byte for byte (5.5.4), show an
// image (5.5.5), delete (5.5.3). An unknown attachment is OSM.01010045 "The accessory is invalid."; a file
// over OSM's size limit, or over the day's upload total, is OSM.01010005 (limits.ts).
import type { FormFile } from '../../engine/form.js';
import { fromBase64 } from '../base64.js';
import { bodyOf, type SandboxAnswer, type SandboxRequest } from '../exchange.js';
import { ACKNOWLEDGED, type Handler, type HandlerContext } from '../handler.js';
import { ATTACHMENT_MAX_BYTES, DAILY_UPLOAD_BYTES } from '../limits.js';
import type { HeldAccessory } from '../store.js';

/** The image types 5.5.5 can show (those of the spec's `downloadImages` response). */
const IMAGE_TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  bmp: 'image/bmp',
};
const DEFAULT_TYPE = 'application/octet-stream';
/** Types that say nothing about the file: a part without its own Content-Type is `text/plain` (RFC 7578). */
const GENERIC_TYPES = new Set([DEFAULT_TYPE, 'text/plain']);

function typeFromName(fileName: string): string {
  return IMAGE_TYPES[fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase()] ?? DEFAULT_TYPE;
}

/** `attachment; filename="..."` with an ASCII fallback and the exact UTF-8 name (RFC 6266). */
function disposition(kind: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Keeps the file, within OSM's limits: one file's size and the day's total. */
function store(context: HandlerContext, fileName: string, mediaType: string, bytes: Uint8Array): SandboxAnswer {
  if (bytes.byteLength > ATTACHMENT_MAX_BYTES || context.store.uploadedToday() + bytes.byteLength > DAILY_UPLOAD_BYTES)
    return context.fail('uploadLimit');
  return { json: { accessory_id: context.store.addAccessory(fileName, mediaType, bytes).accessory_id } };
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
export const uploadAccessory: Handler = (request, context) => {
  const { file, form_data } = bodyOf<{ file?: string | FormFile; form_data?: unknown }>(request);
  if (file === undefined || typeof file === 'string') return context.fail('accessoryInvalid');
  const fileName = formDataFileName(form_data) ?? (file.filename || 'attachment');
  const mediaType = GENERIC_TYPES.has(file.type) ? typeFromName(fileName) : file.type;
  return store(context, fileName, mediaType, file.bytes);
};

/** 5.5.2 */
export const uploadJsonAccessories: Handler = (request, context) => {
  const body = bodyOf<{ accessory_name?: string; accessory_data: string }>(request);
  const fileName = body.accessory_name ?? 'attachment';
  return store(context, fileName, typeFromName(fileName), fromBase64(body.accessory_data));
};

function pathAccessory(request: SandboxRequest, context: HandlerContext): HeldAccessory | undefined {
  return context.store.findAccessory(request.path.accessory_id);
}

/** 5.5.4: the uploaded bytes, as the spec's only file type for this operation. */
export const downloadAccessories: Handler = (request, context) => {
  const accessory = pathAccessory(request, context);
  if (!accessory) return context.fail('accessoryInvalid');
  return { file: { bytes: accessory.bytes, mediaType: DEFAULT_TYPE, disposition: disposition('attachment', accessory.file_name) } };
};

/** 5.5.5: an uploaded image, in its own type; any other attachment is not an image to show. */
export const downloadImages: Handler = (request, context) => {
  const accessory = pathAccessory(request, context);
  if (!accessory || !Object.values(IMAGE_TYPES).includes(accessory.media_type)) return context.fail('accessoryInvalid');
  return { file: { bytes: accessory.bytes, mediaType: accessory.media_type, disposition: disposition('inline', accessory.file_name) } };
};

/** 5.5.3: messages that listed the attachment keep listing it; downloading it fails from then on. */
export const deleteAccessories: Handler = (request, context) => {
  const accessory = pathAccessory(request, context);
  if (!accessory) return context.fail('accessoryInvalid');
  context.store.removeAccessory(accessory);
  return ACKNOWLEDGED;
};
