// The local HTTP front door: API routes become API Gateway events for the real handlers; /local/* drives the clock and outbox.
import type { CapacityMeter } from '../shared/adapters/dynamodb/capacity-meter';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { apiRoutes, type ApiRoute } from '../functions/api/routes';
import { parseDurationMs } from '../shared/domain/duration';
import { PROBLEM_CONTENT_TYPE, problem } from '../shared/errors/problem';
import type { ApiResponse } from '../shared/middleware/api-context';
import type { Clock } from '../shared/ports/clock.port';
import { matchRoute, toApiGatewayEvent } from './api-gateway';
import { consoleAnswer } from './console-assets';
import { lambdaContext } from './lambda-context';
import { loggedTarget } from './request-log';
import type { EventRecorder } from './event-recorder';
import type { MetricsRecorder } from './metrics-recorder';
import type { LocalExecutions } from './executions';
import type { Outbox } from './outbox';
import type { LocalIdentityProvider } from './identity-provider';
import type { VirtualTimerQueue } from './timers';

/** API Gateway HTTP APIs refuse request bodies above 10 MB before any function runs. */
const GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;

export type RouteHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<ApiResponse>;

export interface HttpServerParts {
  handlers: Map<string, RouteHandler>;
  clock: Clock;
  /** Present only with ARREARS_CLOCK=virtual. */
  virtualTimers: VirtualTimerQueue | null;
  outbox: Outbox;
  events: EventRecorder;
  /** Business metrics the handlers counted since start (what CloudWatch would receive as EMF when deployed). */
  metrics: MetricsRecorder;
  executions: LocalExecutions;
  /** The table stream's consumer: idle includes the report counters of every write so far. */
  reportStream: { drain(): Promise<void> };
  /** The user pool's stand-in: /local/auth/* (tokens, its public keys, its users). */
  identity: LocalIdentityProvider;
  /** DynamoDB units consumed since start, through the runtime's one client. */
  capacity: CapacityMeter;
  /** EventBridge Scheduler's wake schedules since start: created, and run (each run one billed invocation). */
  scheduler: () => { created: number; invocations: number };
  pendingTimers: () => { at: string; label: string }[];
  /** What the local IAM enforcement refused since start (and whether it is on). */
  iam: () => {
    enabled: boolean;
    denials: { functionId: string; action: string; resource: string }[];
    unattributedCalls: number;
  };
  log: (line: string) => void;
}

class BodyTooLarge extends Error {}

const readBody = (request: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > GATEWAY_MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });

const send = (response: ServerResponse, status: number, body: unknown, contentType = 'application/json') => {
  response.writeHead(status, { 'content-type': contentType });
  response.end(JSON.stringify(body));
};

const sendProblem = (response: ServerResponse, status: number, code: string, title: string, detail: string) =>
  send(response, status, problem(status, code, title, detail), PROBLEM_CONTENT_TYPE);

const handleLocalRoute = async (
  parts: HttpServerParts,
  method: string,
  path: string,
  body: Buffer,
  response: ServerResponse,
) => {
  const auth = parts.identity.handle(method, path, body);
  if (auth) {
    response.writeHead(auth.status, auth.headers);
    return response.end(auth.text);
  }
  if (method === 'GET' && path === '/local/outbox') {
    return send(response, 200, { messages: parts.outbox.list().map(({ html: _html, ...message }) => message) });
  }
  // One e-mail as the customer's mail program shows it (its HTML part), for looking at and for the browser tests.
  const emailHtml = method === 'GET' ? /^\/local\/outbox\/([^/]{1,200})\/html$/.exec(path) : null;
  if (emailHtml) {
    const id = decodeURIComponent(emailHtml[1]!);
    const message = parts.outbox.list().find((entry) => entry.id === id && entry.html !== undefined);
    if (!message) return sendProblem(response, 404, 'not-found', 'Not found', `No e-mail ${id} with an HTML part.`);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    return response.end(message.html);
  }
  if (method === 'GET' && path === '/local/events') return send(response, 200, { events: parts.events.list() });
  if (method === 'GET' && path === '/local/metrics') return send(response, 200, { metrics: parts.metrics.list() });
  if (method === 'GET' && path === '/local/executions') {
    return send(response, 200, {
      executions: parts.executions.list(),
      lambdaInvocations: parts.executions.invocations,
      lambdaMs: parts.executions.invocationMs,
      dynamodb: parts.capacity.totals(),
      scheduler: parts.scheduler(),
    });
  }
  // StopExecution, for operators of the local runtime: the execution ends ABORTED and the next hourly run restarts its case.
  const abort = method === 'POST' ? /^\/local\/executions\/([A-Za-z0-9_.-]{1,80})\/abort$/.exec(path) : null;
  if (abort) {
    if (!parts.executions.abort(abort[1]!))
      return sendProblem(response, 409, 'not-running', 'Conflict', `No running execution ${abort[1]}.`);
    return send(response, 200, { execution: parts.executions.get(abort[1]!) });
  }
  if (method === 'GET' && path === '/local/clock') {
    return send(response, 200, {
      now: parts.clock.now().toISOString(),
      mode: parts.virtualTimers ? 'virtual' : 'real',
    });
  }
  if (method === 'GET' && path === '/local/timers') return send(response, 200, { timers: parts.pendingTimers() });
  if (method === 'GET' && path === '/local/iam') return send(response, 200, parts.iam());
  if (method === 'POST' && path === '/local/clock/advance') {
    if (!parts.virtualTimers) {
      return sendProblem(
        response,
        409,
        'clock-is-real',
        'Conflict',
        'The clock is real; start with ARREARS_CLOCK=virtual to move it.',
      );
    }
    let request: { by?: unknown; to?: unknown };
    try {
      request = JSON.parse(body.toString('utf8') || '{}') as typeof request;
    } catch {
      return sendProblem(response, 400, 'malformed-json', 'Invalid request', 'The body is not valid JSON.');
    }
    const now = parts.clock.now();
    let target: Date | null = null;
    if (typeof request.by === 'string' && request.to === undefined) {
      const ms = parseDurationMs(request.by);
      if (ms !== null) target = new Date(now.getTime() + ms);
    } else if (typeof request.to === 'string' && request.by === undefined && !Number.isNaN(Date.parse(request.to))) {
      target = new Date(request.to);
    }
    if (!target) {
      return send(
        response,
        400,
        problem(400, 'validation-failed', 'Invalid request', 'Send { "by": "PT6H" } or { "to": "<ISO instant>" }.', {
          errors: [
            {
              path: request.to === undefined ? 'by' : 'to',
              message: 'must be an ISO 8601 duration (by) or instant (to), not both',
            },
          ],
        }),
        PROBLEM_CONTENT_TYPE,
      );
    }
    if (target.getTime() < now.getTime()) {
      return sendProblem(
        response,
        409,
        'clock-backwards',
        'Conflict',
        `The clock is at ${now.toISOString()}; it only moves forward.`,
      );
    }
    const reached = await parts.virtualTimers.advanceTo(target);
    // Idle means idle: executions woken by API calls in between have parked again too, and what they wrote is counted.
    await parts.executions.idle();
    await parts.reportStream.drain();
    return send(response, 200, { now: reached.toISOString() });
  }
  return sendProblem(response, 404, 'not-found', 'Not found', `No local route ${method} ${path}.`);
};

const handleApiRoute = async (
  parts: HttpServerParts,
  request: IncomingMessage,
  url: URL,
  body: Buffer,
  response: ServerResponse,
) => {
  const method = request.method ?? 'GET';
  const matched = matchRoute(apiRoutes as readonly ApiRoute[], method, url.pathname);
  if (matched === null)
    return sendProblem(response, 404, 'not-found', 'Not found', `No route ${method} ${url.pathname}.`);
  if (matched === 'method_not_allowed') {
    return sendProblem(
      response,
      405,
      'method-not-allowed',
      'Method not allowed',
      `${method} is not allowed on ${url.pathname}.`,
    );
  }
  const handler = parts.handlers.get(matched.route.id)!;
  const event = toApiGatewayEvent(request, url, matched, body, parts.clock.now());
  const result = await handler(event, lambdaContext(matched.route.id));
  response.writeHead(result.statusCode, result.headers);
  response.end(result.body ?? '');
};

export const createHttpServer = (parts: HttpServerParts): Server =>
  createServer((request, response) => {
    const started = process.hrtime.bigint();
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    const consoleFile = method === 'GET' || method === 'HEAD' ? consoleAnswer(url.pathname) : null;
    if (consoleFile) {
      response.writeHead(consoleFile.status, consoleFile.headers);
      response.end(method === 'HEAD' ? undefined : consoleFile.body);
      parts.log(`${method} ${loggedTarget(url)} ${consoleFile.status}`);
      return;
    }
    readBody(request)
      .then((body) =>
        url.pathname.startsWith('/local/')
          ? handleLocalRoute(parts, method, url.pathname, body, response)
          : handleApiRoute(parts, request, url, body, response),
      )
      .catch((error: unknown) => {
        if (response.headersSent) return;
        if (error instanceof BodyTooLarge) {
          sendProblem(
            response,
            413,
            'payload-too-large',
            'Payload too large',
            'The request body is larger than 10 MB.',
          );
        } else {
          parts.log(`internal error on ${method} ${loggedTarget(url)}: ${(error as Error).stack ?? String(error)}`);
          sendProblem(response, 500, 'internal', 'Internal error', 'Something failed on our side.');
        }
      })
      .finally(() => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        parts.log(`${method} ${loggedTarget(url)} ${response.statusCode} ${ms.toFixed(1)}ms`);
      });
  });
