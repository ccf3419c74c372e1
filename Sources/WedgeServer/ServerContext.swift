// SPDX-License-Identifier: Apache-2.0

public import Hummingbird
public import HummingbirdAuth

/// The request context: Hummingbird's core storage, the authenticated principal once the bearer token or the
/// page session is checked (``TokenAuthenticator``, ``PageAuthenticator``), and a page's session.
public struct ServerContext: RequestContext, SessionRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Who is asking; `nil` before authentication and on public routes.
    public var principal: Principal?
    /// The client's IP address, for login throttling ("unknown" when the channel has none).
    public let remoteAddress: String
    /// The browser session of a page request (``WebSession``); unused by the API.
    public let sessions: SessionContext<WebSession>

    public init(source: Source) {
        coreContext = .init(source: source)
        principal = nil
        sessions = .init()
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Request bodies are small JSON documents or forms.
    public var maxUploadSize: Int { 1 << 20 }
}
