// msw handlers over the engine, for in-process tests: translation only, no rules.
import { delay, http, HttpResponse, type HttpHandler } from 'msw'
import { MAX_BODY_BYTES, type Engine } from '../core/engine.ts'
import { unsaved } from '../core/commit.ts'
import type { CoreResponse } from '../core/types.ts'

/** Handlers for `*\/api/v4/` deactivate_license, activate_license and check_license (404/405 for the rest), on any origin. */
export function createHandlers(engine: Promise<Engine>): HttpHandler[] {
  return [http.all('*/api/v4/*', async ({ request }) => toResponse(await handle(await engine, request)))]
}

async function handle(engine: Engine, request: Request) {
  const headers: Record<string, string> = {}
  request.headers.forEach((value, name) => {
    headers[name] = value
  })
  const text = request.body ? await request.text() : undefined
  const tooLarge = text !== undefined && Buffer.byteLength(text) > MAX_BODY_BYTES
  const url = new URL(request.url)
  return engine.handle({
    method: request.method,
    path: url.pathname,
    query: url.search.slice(1),
    headers,
    body: tooLarge ? undefined : text,
    tooLarge,
  })
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
