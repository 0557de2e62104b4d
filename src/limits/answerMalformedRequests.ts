import type { AfterErrorHook } from 'payload'

import { translate } from '../translations/index.ts'

/**
 * A request body Payload could not parse (a multipart `_payload` that is not JSON) is the client's
 * mistake: a 400 saying so, not a 500. Payload parses plain JSON bodies itself and already answers 400.
 */
export const answerMalformedRequests: AfterErrorHook = ({ error, req }) => {
  if (error instanceof SyntaxError) {
    return {
      response: { errors: [{ message: translate(req.t, 'requestInvalidJSON') }] },
      status: 400,
    }
  }
}
