// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import HTTPTypes
import Logging
import WedgeStore

/// Headers on every response, errors included: a strict Content-Security-Policy, no MIME sniffing, no framing,
/// no referrer, and no caching (responses carry participant data). It is the outermost middleware, so it also
/// counts every request for `/metrics`, answers a store failure as the API does elsewhere (``StoreProblem``), and
/// any other unexpected error as a 500 problem.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    /// Where each request's method, status and time are counted.
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        } catch let error as StoreError {
            // A store failure outside a route's own handling (authentication's token lookup, an idempotency key):
            // the same answer as inside one, 503 while the database is unreachable.
            response = try StoreProblem.from(error).response(from: request, context: context)
        } catch {
            // Never the error's text: it may name a database path or worse. The log has the type only.
            context.logger.error("unexpected error", metadata: ["type": "\(type(of: error))"])
            response = try Problem(.internalServerError, "Server error",
                                   "The server failed; nothing was written. Try again, or tell the administrator.")
                .response(from: request, context: context)
        }
        response.headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.cacheControl] = "no-store"
        response.headers[.referrerPolicy] = "no-referrer"
        let elapsed = ContinuousClock.now - started
        metrics.record(method: request.method.rawValue, status: response.status.code,
                       seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        return response
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
    static let xFrameOptions = Self("X-Frame-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
    static let idempotencyKey = Self("Idempotency-Key")!
    static let idempotentReplayed = Self("Idempotent-Replayed")!
}
