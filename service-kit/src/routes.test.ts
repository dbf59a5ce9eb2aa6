import { createServer, type Server } from 'node:http';
import { ApiCallError, AppError, createApiClient, defineRoute, type RouteAccess } from '@sunshine/contracts';
import express, { Router, type RequestHandler } from 'express';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorHandler, notFoundHandler } from './http';
import { listen } from './listen';
import { createRouteMounter } from './routes';

const Greeting = z.object({ text: z.string() });
const greet = defineRoute({
  method: 'POST',
  path: '/api/people/:name/greetings',
  summary: 'Greets a person',
  access: { kind: 'public' },
  query: z.object({ loud: z.enum(['yes', 'no']).default('no'), tag: z.array(z.string()).or(z.string()).optional() }),
  body: z.object({ times: z.number().int().min(1).max(3) }),
  response: Greeting,
  status: 201,
});
const secret = defineRoute({ method: 'GET', path: '/api/secret', summary: 'Only staff', access: { kind: 'staff' }, response: Greeting });
const limited = defineRoute({ method: 'GET', path: '/api/limited', summary: 'Always limited', access: { kind: 'public' }, response: Greeting });
const lying = defineRoute({ method: 'GET', path: '/api/lying', summary: 'Breaks its contract', access: { kind: 'public' }, response: Greeting });
const file = defineRoute({ method: 'GET', path: '/api/file', summary: 'A file', access: { kind: 'public' }, response: { kind: 'file', contentType: 'text/csv' } });
const moved = defineRoute({ method: 'GET', path: '/api/moved', summary: 'Redirects to the greeting file', access: { kind: 'public' }, response: { kind: 'file', contentType: 'text/csv' } });

const refuseStaff: RequestHandler = (_req, _res, next) => next(new AppError('unauthorized', '请先登录'));
const guardFor = (access: RouteAccess): RequestHandler[] => (access.kind === 'staff' ? [refuseStaff] : []);

let server: Server;
let baseUrl: string;

beforeAll(async () => {
  const app = express();
  app.use(express.json());
  const router = Router();
  const mount = createRouteMounter(guardFor);
  mount(router, greet, ({ params, query, body }) => ({ text: `${query.loud === 'yes' ? 'HELLO' : 'hello'} ${params.name} ×${body.times}` }));
  mount(router, secret, () => ({ text: 'never' }));
  mount(router, limited, (_input, _req, res) => {
    res.set('retry-after', '7');
    throw new AppError('rate_limited', '请稍后再试');
  });
  // The server's own reply is typed, so breaking the contract takes a cast: the client still checks.
  mount(router, lying, () => ({ text: 42 }) as unknown as { text: string });
  mount(router, file, (_input, _req, res) => {
    res.type('text/csv').send('a,b\n1,2\n');
    return undefined;
  });
  mount(router, moved, (_input, _req, res) => {
    res.redirect(307, file.path);
    return undefined;
  });
  app.use(router);
  app.use(notFoundHandler);
  app.use(errorHandler(pino({ level: 'silent' })));
  server = createServer(app);
  baseUrl = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('routes as contract values', () => {
  it('fills the path, sends query and body, and parses the answer with the route status', async () => {
    const client = createApiClient({ baseUrl });
    const answer = await client.call(greet, { params: { name: '徐 英' }, query: { loud: 'yes' }, body: { times: 2 } });
    expect(answer).toEqual({ text: 'HELLO 徐 英 ×2' });
  });

  it('refuses a body that breaks the schema with 400 bad_request and a message per problem', async () => {
    const client = createApiClient({ baseUrl });
    const failure = await client.call(greet, { params: { name: 'a' }, query: {}, body: { times: 9 } }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiCallError);
    expect(failure).toMatchObject({ code: 'bad_request', status: 400 });
    expect(String((failure as ApiCallError).message)).toContain('times');
  });

  it('runs the guard the access names before the handler', async () => {
    const failure = await createApiClient({ baseUrl }).call(secret).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'unauthorized', status: 401, message: '请先登录' });
  });

  it('carries the error code and Retry-After of a refusal', async () => {
    const failure = await createApiClient({ baseUrl }).call(limited).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'rate_limited', status: 429, retryAfterMs: 7000 });
  });

  it('rejects an answer that breaks the contract as bad_response', async () => {
    const failure = await createApiClient({ baseUrl }).call(lying).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'bad_response', status: 200 });
  });

  it('hands a file answer over as the raw response', async () => {
    const response = await createApiClient({ baseUrl }).call(file);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(await response.text()).toBe('a,b\n1,2\n');
  });

  it('hands the client\'s fetch options to every call: a redirect is followed unless it says manual', async () => {
    expect(await (await createApiClient({ baseUrl }).call(moved)).text()).toBe('a,b\n1,2\n');
    const failure = await createApiClient({ baseUrl, init: { redirect: 'manual' } }).call(moved).catch((e: unknown) => e);
    expect(failure).toMatchObject({ status: 307 });
  });

  it('answers a path no route serves with 404 no_such_endpoint', async () => {
    const response = await fetch(`${baseUrl}/api/nowhere`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'no_such_endpoint' } });
  });

  it('says network when nothing answers', async () => {
    const failure = await createApiClient({ baseUrl: 'http://127.0.0.1:9' }).call(file).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'network', status: 0 });
  });
});
