import { filterJsonSchema, type RecordFilter } from '@bankforge/data-model';

export interface SortKey {
  field: string;
  direction?: 'asc' | 'desc';
}

/** The body of a records query (and, without paging, of an export): the data model's filter language over one entity. */
export interface RecordQuery {
  filter?: RecordFilter;
  sort?: SortKey[];
  fields?: string[];
  limit?: number;
  cursor?: string;
  count?: boolean;
  /** `exclude` (the default) hides soft-deleted records; `only` lists the recycle bin. */
  deleted?: 'exclude' | 'include' | 'only';
}

export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 50;

export const recordQuerySchema = {
  $id: 'RecordQuery',
  type: 'object',
  additionalProperties: false,
  properties: {
    filter: { $ref: '#/definitions/filter' },
    sort: {
      type: 'array',
      maxItems: 4,
      items: {
        type: 'object',
        required: ['field'],
        additionalProperties: false,
        properties: { field: { type: 'string', maxLength: 64 }, direction: { enum: ['asc', 'desc'] } },
      },
    },
    fields: { type: 'array', maxItems: 200, items: { type: 'string', maxLength: 64 } },
    limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE },
    cursor: { type: 'string', maxLength: 4096 },
    count: { type: 'boolean' },
    deleted: { enum: ['exclude', 'include', 'only'] },
  },
  definitions: {
    // Any short name: one that is no field of the entity is answered as unknownField, at its path.
    filter: filterJsonSchema({ type: 'string', maxLength: 64 }),
  },
} as const;
