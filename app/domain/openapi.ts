/** The OpenAPI 3.1 description of /api/v1, built from the one vocabulary so the enums never drift. */
import { ACCOMMODATIONS, DAY_PARTS, DEMANDS, OPENING_KINDS, OPENING_STATUSES, WEEKDAYS } from './vocabulary';
import { OPENING_ACTIONS } from './opening-rules';
import { API_DEFAULT_PAGE_SIZE, API_MAX_PAGE_SIZE } from './pagination';
import { IDEMPOTENCY_KEY_LIFETIME_HOURS, IDEMPOTENCY_KEY_MAX_LENGTH } from './idempotency';

const openingInput = {
  type: 'object',
  required: ['kind', 'title', 'description', 'tasks', 'hoursMin', 'hoursMax', 'startDate', 'slots', 'postcode', 'contactName', 'contactRole', 'contactPhone', 'contactEmail'],
  properties: {
    kind: { type: 'string', enum: [...OPENING_KINDS] },
    title: { type: 'string', minLength: 3, maxLength: 120 },
    description: { type: 'string', minLength: 10, maxLength: 4000 },
    tasks: { type: 'array', items: { type: 'string', maxLength: 200 }, minItems: 1, maxItems: 15 },
    hoursMin: { type: 'number', minimum: 0.5, maximum: 37 },
    hoursMax: { type: 'number', minimum: 0.5, maximum: 37 },
    flexjobExpectedHours: { type: 'number', description: 'Required for kind=flexjob, within hoursMin–hoursMax.' },
    days: { type: 'array', items: { type: 'string', enum: [...WEEKDAYS] } },
    parts: { type: 'array', items: { type: 'string', enum: [...DAY_PARTS] } },
    scheduleNote: { type: 'string', maxLength: 200 },
    startDate: { type: 'string', format: 'date', description: 'Today or later.' },
    slots: { type: 'integer', minimum: 1, maximum: 20 },
    postcode: { type: 'string', pattern: '^\\d{4}$' },
    demands: { type: 'array', items: { type: 'string', enum: [...DEMANDS] } },
    accommodations: { type: 'array', items: { type: 'string', enum: [...ACCOMMODATIONS] } },
    languageNeeds: { type: 'string', maxLength: 500 },
    hourlyWage: {
      type: ['number', 'null'],
      exclusiveMinimum: 0,
      maximum: 1000,
      description: 'The hourly wage in DKK before tax, without pension. Optional; citizens see it and the benefit calculator starts from it.',
    },
    wageAgreement: {
      type: ['string', 'null'],
      maxLength: 120,
      description: 'When the wage is "efter overenskomst" (by collective agreement): the agreement\'s name, e.g. "Industriens Overenskomst". Optional, may go with hourlyWage.',
    },
    drivingLicenceRequired: { type: 'boolean' },
    contactName: { type: 'string' },
    contactRole: { type: 'string' },
    contactPhone: { type: 'string' },
    contactEmail: { type: 'string', format: 'email' },
    publish: { type: 'boolean', default: true, description: 'On create: false saves a draft.' },
  },
} as const;

const error = {
  type: 'object',
  required: ['error', 'message'],
  properties: {
    error: { type: 'string' },
    message: { type: 'string', description: 'Danish, for people.' },
    fields: { type: 'object', additionalProperties: { type: 'string' }, description: 'A Danish message per invalid field.' },
  },
} as const;

const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: `Makes a retry safe: the same request with the same key within ${IDEMPOTENCY_KEY_LIFETIME_HOURS} hours changes nothing again and gets the first answer.`,
  schema: { type: 'string', minLength: 1, maxLength: IDEMPOTENCY_KEY_MAX_LENGTH },
} as const;

export function openApiDocument(serverUrl: string) {
  const errors = (codes: number[]) =>
    Object.fromEntries(codes.map((code) => [code, { description: String(code), content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }]));
  const openingAnswer = { content: { 'application/json': { schema: { type: 'object', properties: { opening: { $ref: '#/components/schemas/Opening' } } } } } };
  // A saved opening comes with what the company should hear about it, in Danish: the skånejob rule of thumb
  // (about one per five ordinary employees). Warnings never stop the save.
  const savedAnswer = {
    content: {
      'application/json': {
        schema: { type: 'object', properties: { opening: { $ref: '#/components/schemas/Opening' }, warnings: { type: 'array', items: { type: 'string' } } } },
      },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Jobbro API',
      version: '1.0.0',
      description:
        "A company's own openings. Authenticate with a company API token: `Authorization: Bearer jobbro_…`.\n\n" +
        '**Retries without duplicates.** Every write (POST, PUT) accepts an `Idempotency-Key` header: a value of your own, ' +
        `1-${IDEMPOTENCY_KEY_MAX_LENGTH} visible characters (a UUID is good). Jobbro remembers it for your company for ${IDEMPOTENCY_KEY_LIFETIME_HOURS} hours ` +
        'together with the write it made, in the same transaction. Sending the same request again with the same key (after a time-out or a ' +
        'lost connection) makes no second change: the answer has the first status, the opening as it is now and the header ' +
        '`Idempotent-Replayed: true`. The same key with another method, path or body is refused with 422 `idempotency_key_reused`. ' +
        'A write that failed (4xx) stored nothing, so its key can be sent again.\n\n' +
        '**When Jobbro is busy or its database is unavailable** it answers 503 with `Retry-After` (seconds); retry after that, with the same key.',
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        OpeningInput: openingInput,
        Opening: {
          allOf: [
            { $ref: '#/components/schemas/OpeningInput' },
            { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, status: { type: 'string', enum: [...OPENING_STATUSES] }, city: { type: 'string' } } },
          ],
        },
        Error: error,
      },
    },
    paths: {
      // Every write takes the same Idempotency-Key header (see the description above).
      '/api/v1/openings': {
        get: {
          summary: "List the company's openings, a page at a time",
          description:
            `Newest first, at most \`limit\` per answer (default ${API_DEFAULT_PAGE_SIZE}, maximum ${API_MAX_PAGE_SIZE}). ` +
            'To get the next page, send the answer\'s `nextCursor` as `cursor` with the same filters; `nextCursor` is null on the last page. ' +
            '`total` counts every opening that matches the filters.',
          parameters: [
            { name: 'status', in: 'query', schema: { type: 'string', enum: [...OPENING_STATUSES] } },
            { name: 'kind', in: 'query', schema: { type: 'string', enum: [...OPENING_KINDS] } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: API_MAX_PAGE_SIZE, default: API_DEFAULT_PAGE_SIZE } },
            { name: 'cursor', in: 'query', description: '`nextCursor` from the previous page.', schema: { type: 'string' } },
          ],
          responses: {
            200: {
              description: 'One page of openings',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['openings', 'total', 'nextCursor'],
                    properties: {
                      openings: { type: 'array', maxItems: API_MAX_PAGE_SIZE, items: { $ref: '#/components/schemas/Opening' } },
                      total: { type: 'integer' },
                      nextCursor: { type: ['string', 'null'] },
                    },
                  },
                },
              },
            },
            ...errors([400, 401, 503]),
          },
        },
        post: {
          summary: 'Create an opening (published unless publish=false)',
          parameters: [idempotencyKey],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/OpeningInput' } } } },
          responses: { 201: { description: 'Created', ...savedAnswer }, ...errors([400, 401, 422, 503]) },
        },
      },
      '/api/v1/openings/{id}': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        get: { summary: 'One opening', responses: { 200: { description: 'The opening', ...openingAnswer }, ...errors([401, 404]) } },
        put: {
          summary: 'Replace an opening',
          parameters: [idempotencyKey],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/OpeningInput' } } } },
          responses: { 200: { description: 'Updated', ...savedAnswer }, ...errors([400, 401, 404, 422, 503]) },
        },
      },
      '/api/v1/openings/{id}/{action}': {
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
          { name: 'action', in: 'path', required: true, schema: { type: 'string', enum: [...OPENING_ACTIONS] } },
        ],
        post: {
          summary: 'Change status: close, pause, reopen, publish, markFilled',
          parameters: [idempotencyKey],
          responses: { 200: { description: 'Changed', ...openingAnswer }, ...errors([401, 404, 409, 422, 503]) },
        },
      },
    },
  };
}
