import { bytesToBase64 } from './base64.js';
import type { OsmCallOptions, OsmClient, OsmData, OsmOperation, OsmResult, OsmSchema } from './client-types.js';
import { fileNameFromContentDisposition } from './content-disposition.js';
import type { paths } from './generated/openapi.js';

/** Options every file helper takes. */
export interface FileCallOptions extends OsmCallOptions {
  /** Cancels the call. */
  signal?: AbortSignal;
}

/** File content as the upload helpers take it. */
export type FileContent = Blob | ArrayBuffer | Uint8Array;

/** How a download is handed over: all in memory, or as a stream to pipe elsewhere. */
export type DownloadAs = 'blob' | 'stream';

/** A downloaded file. */
export interface DownloadedFile<Body> {
  /** The content. */
  body: Body;
  /** The name from Content-Disposition (`filename*` preferred), without any directory part. */
  fileName: string | undefined;
  /** The Content-Type header. */
  contentType: string | undefined;
}

/** The content of a download: a Blob, or a stream with `as: 'stream'`. */
export type DownloadBody<As extends DownloadAs> = As extends 'stream' ? NonNullable<Response['body']> : Blob;

/** What a download helper resolves to. */
export type DownloadResult<As extends DownloadAs> = OsmResult<DownloadedFile<DownloadBody<As>>>;

/** Options of the download helpers. */
export interface DownloadOptions<As extends DownloadAs> extends FileCallOptions {
  /** `'blob'` (default) or `'stream'`. */
  as?: As;
}

type UploadAccessoryPath = '/v2/servicerequest/accessorys';
type UploadJsonPath = '/v2/servicerequest/accessorys/json-format-content';

/** The fields both uploads describe an attachment with, as the spec types them (Base64 upload, table 5-59). */
type AttachmentFields = OsmSchema<'UploadJsonAccessoriesRequestBody'>;

/** What {@link uploadAttachment} sends. */
export interface AttachmentUpload {
  /** The content. */
  file: FileContent;
  /** File name OSM records (`fileName`, and the file part's name). Default: the File's own name, else `attachment`. */
  fileName?: string;
  /** Where the attachment will be used (`accessoryFrom`): `incident` when creating a ticket, `message` for a message. */
  accessoryFrom: NonNullable<AttachmentFields['accessory_from']>;
  /** `uploadType`: `0` (default) or `1` for markdown mode. */
  uploadType?: AttachmentFields['upload_type'];
}

/**
 * Uploads an attachment as multipart/form-data (section 5.5.1, `POST /v2/servicerequest/accessorys`):
 * the file part, and the `form_data` part as the JSON text the spec describes
 * (`{"fileName":"a.png","accessoryFrom":"message","uploadType":0}`). `data.accessory_id` is the ID to
 * reference in a ticket or message.
 *
 * ```ts
 * const { data } = await uploadAttachment(client, { file, accessoryFrom: 'message' });
 * ```
 */
export function uploadAttachment(
  client: OsmClient,
  upload: AttachmentUpload,
  options: FileCallOptions = {},
): Promise<OsmResult<OsmData<OsmOperation<UploadAccessoryPath, 'POST'>>>> {
  const blob = upload.file instanceof Blob ? upload.file : new Blob([new Uint8Array(upload.file)]);
  const fileName = upload.fileName ?? (blob instanceof File ? blob.name : 'attachment');
  const formData = JSON.stringify({ fileName, accessoryFrom: upload.accessoryFrom, uploadType: upload.uploadType });
  return client.POST('/v2/servicerequest/accessorys', {
    ...options,
    body: { file: new File([blob], fileName, { type: blob.type }), form_data: formData },
  });
}

/** What {@link uploadAttachmentAsBase64} sends. */
export interface Base64AttachmentUpload {
  /** The content; sent Base64-encoded. */
  file: FileContent;
  /** File name (`accessory_name`). */
  fileName?: string;
  /** Where the attachment will be used (`accessory_from`), e.g. `message`. */
  accessoryFrom?: string;
  /** `upload_type`, `0` or `1`. */
  uploadType?: 0 | 1;
}

/**
 * Uploads an attachment as Base64 in a JSON body (section 5.5.2,
 * `POST /v2/servicerequest/accessorys/json-format-content`), the form Huawei's SDKs use.
 */
export async function uploadAttachmentAsBase64(
  client: OsmClient,
  upload: Base64AttachmentUpload,
  options: FileCallOptions = {},
): Promise<OsmResult<OsmData<OsmOperation<UploadJsonPath, 'POST'>>>> {
  return client.POST('/v2/servicerequest/accessorys/json-format-content', {
    ...options,
    body: {
      accessory_name: upload.fileName ?? (upload.file instanceof File ? upload.file.name : undefined),
      accessory_from: upload.accessoryFrom,
      upload_type: upload.uploadType,
      accessory_data: await toBase64(upload.file),
    },
  });
}

/**
 * Downloads an attachment (section 5.5.4), or several as one file when given several IDs.
 *
 * ```ts
 * const { data, error } = await downloadAttachment(client, 'accessory-1234', { as: 'stream' });
 * if (data) await pipeline(Readable.fromWeb(data.body), createWriteStream(data.fileName ?? 'download'));
 * ```
 */
export function downloadAttachment<As extends DownloadAs = 'blob'>(
  client: OsmClient,
  accessoryIds: string | readonly string[],
  options: AccessoryDownloadOptions<As> = {},
): Promise<DownloadResult<As>> {
  const accessoryId = typeof accessoryIds === 'string' ? accessoryIds : accessoryIds.join(',');
  return asDownloadedFile(client.GET('/v2/servicerequest/accessorys/{accessory_id}', accessoryInit(accessoryId, options)));
}

/** Downloads an image attachment for display (section 5.5.5). */
export function downloadImage<As extends DownloadAs = 'blob'>(
  client: OsmClient,
  accessoryId: string,
  options: AccessoryDownloadOptions<As> = {},
): Promise<DownloadResult<As>> {
  return asDownloadedFile(client.GET('/v2/servicerequest/accessorys/{accessory_id}/image', accessoryInit(accessoryId, options)));
}

/** Options of the attachment downloads. */
export interface AccessoryDownloadOptions<As extends DownloadAs> extends DownloadOptions<As> {
  /** Group ID, for an attachment of a ticket of the caller's ticket group. */
  groupId?: string;
}

function accessoryInit<As extends DownloadAs>(accessoryId: string, { as, groupId, ...call }: AccessoryDownloadOptions<As>) {
  const parseAs: DownloadAs = as ?? 'blob';
  return { ...call, params: { path: { accessory_id: accessoryId }, query: { group_id: groupId } }, parseAs };
}

/** The query of the ticket export: the ticket list's filters plus the export's language and time zone. */
export type ExportCasesQuery = NonNullable<paths['/v2/servicerequest/cases/export']['get']['parameters']['query']>;

/** Exports service tickets to a file (section 5.3.7, `GET /v2/servicerequest/cases/export`). */
export function exportCases<As extends DownloadAs = 'blob'>(
  client: OsmClient,
  query: ExportCasesQuery,
  options: DownloadOptions<As> = {},
): Promise<DownloadResult<As>> {
  const { as, ...call } = options;
  return asDownloadedFile(client.GET('/v2/servicerequest/cases/export', { ...call, params: { query }, parseAs: as ?? 'blob' }));
}

async function asDownloadedFile<As extends DownloadAs>(call: Promise<OsmResult<unknown>>): Promise<DownloadResult<As>> {
  const { data, error, response } = await call;
  if (error) return { error, response };
  const body = data as DownloadBody<As>;
  const fileName = fileNameFromContentDisposition(response.headers.get('content-disposition'));
  return { data: { body, fileName, contentType: response.headers.get('content-type') ?? undefined }, response };
}

async function toBase64(file: FileContent): Promise<string> {
  return bytesToBase64(file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(file));
}
