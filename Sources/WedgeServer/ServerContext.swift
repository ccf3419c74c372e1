// SPDX-License-Identifier: Apache-2.0

public import Hummingbird

/// The request context: Hummingbird's core storage and the authenticated principal, once the bearer token is
/// checked (``TokenAuthenticator``).
public struct ServerContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Who is asking; `nil` before authentication and on public routes.
    public var principal: Principal?
    /// The client's IP address, for login throttling ("unknown" when the channel has none).
    public let remoteAddress: String

    public init(source: Source) {
        coreContext = .init(source: source)
        principal = nil
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Request bodies are small JSON documents.
    public var maxUploadSize: Int { 1 << 20 }
}
