// Prism answers a `type: string, format: binary` response with the literal text "string". The engine
// puts a real (tiny) file of the answered media type in its place, so downloads can be saved,
// decoded and shown.
import { mediaTypeOf } from './media-type.js';

/** A file served for a binary response. */
export interface SampleFile {
  bytes: Uint8Array;
  /** The `Content-Disposition` header: `inline` for images (shown on a page), `attachment` otherwise. */
  disposition: string;
}

// One-pixel images, each decoded by Chromium when they were made.
const IMAGES: Record<string, { extension: string; base64: string }> = {
  'image/png': {
    extension: 'png',
    base64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4AWLSz7//HwAAAP//3ME94gAAAAZJREFUAwAE1QJ/QM4FzQAAAABJRU5ErkJggg==',
  },
  'image/jpeg': {
    extension: 'jpg',
    base64:
      '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/' +
      '2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAABAAEDASIAAhEBAxEB/8QA' +
      'FQABAQAAAAAAAAAAAAAAAAAAAAT/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABQb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oA' +
      'DAMBAAIRAxEAPwCMBQDH/9k=',
  },
  'image/gif': { extension: 'gif', base64: 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7' },
  'image/bmp': { extension: 'bmp', base64: 'Qk06AAAAAAAAADYAAAAoAAAAAQAAAAEAAAABABgAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAA328vAA==' },
};

const OTHER_FILE = new TextEncoder().encode('OSM mock: this file stands in for the file the real API returns.\n');

const fromBase64 = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

/** The file to serve for a binary response of `mediaType` (parameters such as `charset` ignored). */
export function sampleFile(mediaType: string): SampleFile {
  const image = IMAGES[mediaTypeOf(mediaType) ?? ''];
  if (image) {
    return { bytes: fromBase64(image.base64), disposition: `inline; filename="osm-mock.${image.extension}"` };
  }
  return { bytes: OTHER_FILE, disposition: 'attachment; filename="osm-mock.bin"' };
}
