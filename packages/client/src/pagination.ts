import type { InitParam, OsmClient, OsmData, OsmInit, OsmOperation } from './client-types.js';
import { pagedOperations } from './generated/operations.js';

/** The list operations that page (GET paths), as the spec describes them. */
export type OsmPagedPath = keyof typeof pagedOperations;

/** One page of a list operation. */
export type OsmPage<P extends OsmPagedPath> = OsmData<OsmOperation<P, 'GET'>>;

/** One item of a list operation. */
export type OsmPageItem<P extends OsmPagedPath> =
  NonNullable<OsmPage<P>[(typeof pagedOperations)[P]['items'] & keyof OsmPage<P>]> extends readonly (infer Item)[] ? Item : never;

/** How a list operation pages (generated from the spec). */
interface Paging {
  paging: 'offset' | 'page';
  /** First offset or page number. */
  first: number;
  /** The spec's maximum page size, if it states one. */
  maxPageSize?: number;
  /** Property of the result holding the items. */
  items: string;
  /** Property of the result holding the total count, if there is one. */
  total?: string;
}

const PARAMETERS = {
  offset: { start: 'offset', size: 'limit' },
  page: { start: 'pageNo', size: 'pageSize' },
} as const;

type UntypedGet = (path: string, init: object) => ReturnType<OsmClient['GET']>;

/**
 * Iterates over every item of a list operation, page by page: offset/limit (v2) or pageNo/pageSize
 * (v1.0). Pages are as large as the operation allows (the spec's `maximum`) unless `limit`/`pageSize` is
 * given, and start where `offset`/`pageNo` says. It stops after a short page, or once `total_count`
 * (or the operation's total) items are reached. An error answer is thrown as the {@link OsmError}.
 *
 * ```ts
 * for await (const ticket of paginate(client, '/v2/servicerequest/cases', { params: { query: { status: 0 } } })) {
 *   console.log(ticket.incident_id);
 * }
 * ```
 */
export async function* paginate<P extends OsmPagedPath>(
  client: OsmClient,
  path: P,
  ...[init]: InitParam<OsmInit<P, 'GET'>>
): AsyncGenerator<OsmPageItem<P>, void, undefined> {
  const paging: Paging = pagedOperations[path];
  const { start, size } = PARAMETERS[paging.paging];
  const options = (init ?? {}) as { params?: { query?: Record<string, unknown> } };
  const query = { ...options.params?.query };
  const pageSize = (query[size] as number | undefined) ?? paging.maxPageSize;
  if (pageSize === undefined) throw new TypeError(`${path}: the spec states no page-size maximum; pass params.query.${size}`);
  if (pageSize < 1 || (paging.maxPageSize !== undefined && pageSize > paging.maxPageSize)) {
    throw new RangeError(`${path}: ${size} must be between 1 and ${paging.maxPageSize ?? 'the maximum'}, got ${pageSize}`);
  }

  const get = client.GET as unknown as UntypedGet;
  let position = (query[start] as number | undefined) ?? paging.first;
  for (;;) {
    const { data, error } = await get(path, {
      ...options,
      params: { ...options.params, query: { ...query, [start]: position, [size]: pageSize } },
    });
    if (error) throw error;
    const page = data as Record<string, unknown>;
    const items = (page[paging.items] ?? []) as OsmPageItem<P>[];
    yield* items;
    const total = paging.total === undefined ? undefined : page[paging.total];
    const reached = paging.paging === 'offset' ? position + items.length : (position - paging.first + 1) * pageSize;
    if (items.length < pageSize || (typeof total === 'number' && reached >= total)) return;
    position += paging.paging === 'offset' ? items.length : 1;
  }
}
