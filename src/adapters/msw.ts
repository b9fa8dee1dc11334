// msw handlers over the engine, for in-process tests: translation only, no rules.
import { delay, http, HttpResponse, type HttpHandler } from 'msw'
import { unsaved } from '../core/commit.ts'
import { TOKEN_PATH } from '../core/endpoints/oauth.ts'
import type { Engine } from '../core/engine.ts'
import { toCoreRequest } from '../core/request.ts'
import type { CoreResponse } from '../core/types.ts'

/**
 * Handlers for every License API path (`*\/api/v4/*`, 404/405 for unknown ones) and the OAuth
 * token endpoint, on any origin. The host root (`GET /`, the Python SDK's online probe) is left
 * alone: in-process, it would answer every origin's root.
 */
export function createHandlers(engine: Promise<Engine>): HttpHandler[] {
  const answer = async ({ request }: { request: Request }) => toResponse(await handle(await engine, request))
  return [http.all('*/api/v4/*', answer), http.all(`*${TOKEN_PATH}`, answer)]
}

async function handle(engine: Engine, request: Request) {
  const body = request.body ? await request.text() : undefined
  return engine.handle(toCoreRequest({ method: request.method, url: request.url, headers: request.headers, body }))
}

async function toResponse(answer: CoreResponse): Promise<Response> {
  // A change is durable before its answer goes out (when the engine's onChange makes it so).
  const response = answer.commit ? await answer.commit.then(() => answer, unsaved) : answer
  if (response.delayMs) await delay(response.delayMs)
  switch (response.network) {
    case 'reset':
      return HttpResponse.error()
    case 'timeout':
      await delay('infinite')
      return HttpResponse.error()
    case 'empty':
      // In-process there is no socket to close after the headers: an empty 200 is what a client then sees.
      return new HttpResponse(null, { status: 200 })
    default:
      return new HttpResponse(response.body, { status: response.status, headers: response.headers })
  }
}
