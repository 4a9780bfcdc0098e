/**
 * GET /openapi.json: the API described from the very zod schemas both sides parse with
 * (lib/sync/protocol.ts), so the document cannot drift from what the server accepts.
 */
import * as z from 'zod/mini';
import { ClientId, Cursor, ErrorBody, MAX_PULL_LIMIT, MAX_PUSH_MUTATIONS, MeResponse, PullResponse, PushRequest, PushResponse } from '../lib/sync/protocol';

type JsonSchema = Record<string, unknown>;

const schema = (s: z.ZodMiniType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ content: { 'application/json': { schema: ref(name) } } });
const error = (description: string) => ({ description, ...json('ErrorBody') });

const authErrors = {
  401: error('No token, not a Holdfast token, or an unknown or revoked one.'),
  429: { ...error('Too many requests with this token; see Retry-After.'), headers: { 'Retry-After': { schema: { type: 'integer' } } } },
};

export function openApiDocument(version: string): JsonSchema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Holdfast team sync',
      version,
      description:
        'Push a client\'s numbered mutations (applied in order, exactly once) and pull the team\'s changes by cursor. ' +
        'Every /v1 request carries "Authorization: Bearer hf_…", a per-rep token issued by `npm run server -- invite`.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        PushRequest: schema(PushRequest, 'input'),
        PushResponse: schema(PushResponse, 'output'),
        PullResponse: schema(PullResponse, 'output'),
        MeResponse: schema(MeResponse, 'output'),
        ErrorBody: schema(ErrorBody, 'output'),
      },
    },
    paths: {
      '/health': {
        get: {
          summary: 'Liveness and database check (no token)',
          responses: { 200: { description: 'Up, and the database answers.' }, 503: error('The database does not answer.') },
        },
      },
      '/v1/me': {
        get: {
          summary: 'Who this token belongs to',
          security: [{ bearer: [] }],
          responses: { 200: { description: 'The rep and team.', ...json('MeResponse') }, ...authErrors },
        },
      },
      '/v1/push': {
        post: {
          summary: `Apply up to ${MAX_PUSH_MUTATIONS} mutations of one client, in order, exactly once`,
          description:
            'Mutations at or below the client\'s last applied id are skipped as duplicates; the rest must continue it without a gap. ' +
            'A mutation the domain rules refuse is consumed and answered with ok:false, a code, a reason and the server\'s current record.',
          security: [{ bearer: [] }],
          requestBody: { required: true, ...json('PushRequest') },
          responses: {
            200: { description: 'Applied (or refused, per mutation).', ...json('PushResponse') },
            400: error('Not JSON, or not a PushRequest; the reason names the first faulty path.'),
            403: error('The client id belongs to another rep.'),
            409: error('A gap in mutation ids: nothing applied; resend from the next id after the last applied one.'),
            413: error('The body is over the size limit.'),
            415: error('The body is not application/json.'),
            ...authErrors,
          },
        },
      },
      '/v1/pull': {
        get: {
          summary: 'The team\'s changes after a cursor, a page at a time',
          security: [{ bearer: [] }],
          parameters: [
            { name: 'clientId', in: 'query', required: true, schema: schema(ClientId, 'input') },
            { name: 'cursor', in: 'query', required: false, schema: { ...schema(Cursor, 'input'), default: '0' } },
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_PULL_LIMIT, default: MAX_PULL_LIMIT } },
          ],
          responses: {
            200: { description: 'A page of changes; pull again at once while `more` is true.', ...json('PullResponse') },
            400: error('A malformed query parameter.'),
            403: error('The client id belongs to another rep.'),
            409: error('The cursor was not issued by this server: pull again from 0.'),
            ...authErrors,
          },
        },
      },
    },
  };
}
