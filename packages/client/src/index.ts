/**
 * @osm-openapi/client: a typed client for Huawei Cloud's OSM Service Ticket API, on openapi-fetch,
 * with types generated from the @osm-openapi/spec OpenAPI description.
 */

export { type AkSkCredentials, akSkAuth } from './auth/aksk.js';
export type { OsmAuthOption } from './auth/auth-option.js';
export { type IamPasswordOptions, type IamScope, iamPasswordAuth } from './auth/iam-password.js';
export type { AuthContext, CredentialHeaders, OsmAuth, OutgoingRequest } from './auth/osm-auth.js';
export {
  type RefreshableTokenSource,
  type TokenContext,
  type TokenProvider,
  type TokenSource,
  tokenAuth,
} from './auth/token.js';
export { createOsmClient, type OsmClientOptions } from './client.js';
export type {
  InitParam,
  OsmCallOptions,
  OsmClient,
  OsmData,
  OsmErrorBody,
  OsmHttpMethod,
  OsmInit,
  OsmMethod,
  OsmOperation,
  OsmPathsWith,
  OsmResponse,
  OsmResult,
  OsmSchema,
} from './client-types.js';
export { fileNameFromContentDisposition } from './content-disposition.js';
export {
  OsmAuthError,
  type OsmCatalogueCode,
  type OsmClientErrorCode,
  OsmError,
  type OsmErrorCode,
  type OsmErrorInit,
  OsmNetworkError,
  OsmRequestError,
  OsmTimeoutError,
} from './errors.js';
export {
  type AccessoryDownloadOptions,
  type AttachmentUpload,
  type Base64AttachmentUpload,
  type DownloadAs,
  type DownloadBody,
  type DownloadedFile,
  type DownloadOptions,
  type DownloadResult,
  downloadAttachment,
  downloadImage,
  type ExportCasesQuery,
  exportCases,
  type FileCallOptions,
  type FileContent,
  uploadAttachment,
  uploadAttachmentAsBase64,
} from './files.js';
export { errorCatalogue } from './generated/error-catalogue.js';
export type { components, operations, paths } from './generated/openapi.js';
export type { OsmFetch } from './osm-fetch.js';
export { type OsmPage, type OsmPagedPath, type OsmPageItem, paginate } from './pagination.js';
export type { RetryOptions } from './retry.js';
export type { CrossOriginRedirect } from './transport.js';
