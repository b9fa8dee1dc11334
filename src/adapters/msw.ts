// msw handlers over the engine, for in-process tests: translation only, no rules.
import { delay, http, HttpResponse, type HttpHandler } from 'msw'
import type { Engine } from '../core/engine.ts'
import { toCoreRequest } from '../core/request.ts'
import type { CoreResponse } from '../core/types.ts'

/** Handlers for `*\/api/v4/` deactivate_license, activate_license and check_license (404/405 for the rest), on any origin. */
export function createHandlers(engine: Promise<Engine>): HttpHandler[] {
  return [http.all('*/api/v4/*', async ({ request }) => toResponse(await handle(await engine, request)))]
}

async function handle(engine: Engine, request: Request) {
  const body = request.body ? await request.text() : undefined
  return engine.handle(toCoreRequest({ method: request.method, url: request.url, headers: request.headers, body }))
}

async function toResponse(response: CoreResponse): Promise<Response> {
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
