/**
 * payload-newsroom/http: for the host's Next.js route handlers and GraphQL config (request body and
 * query bounds) and for webhook receivers (signatures).
 */

export { signWebhookBody, verifyWebhookSignature, webhookHeaders } from '../delivery/signature.ts'
export { limitGraphQLRequest } from '../limits/limitGraphQLRequest.ts'
export { limitRequestBody } from '../limits/limitRequestBody.ts'
export { depthLimit, fieldLimit, fragmentLimit } from '../limits/graphqlLimits.ts'
