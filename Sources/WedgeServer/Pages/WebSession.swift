// SPDX-License-Identifier: Apache-2.0

/// What a signed-in browser's session holds (in `server_persist`, through hummingbird-auth's session middleware):
/// the account, the form token that every data-changing form must echo (CSRF), and when the session was last
/// used, for the 30-minute idle expiry. The role and site are read from the account on every request, so that a
/// role change or a disabled account takes effect at once.
public struct WebSession: Codable, Sendable, Equatable {
    /// The signed-in account.
    public var username: String
    /// The session's form token (256 random bits), compared in constant time with each form's `csrf` field.
    public var csrf: String
    /// When the session was last extended, in seconds since 1970.
    public var touched: Int64
    /// A secret to show once on the next page (a new API token), then forget: kept here rather than in a URL, so
    /// that the post/redirect/get after creating it neither repeats the creation on reload nor logs the secret.
    public var secret: String?

    /// A session.
    public init(username: String, csrf: String, touched: Int64) {
        self.username = username
        self.csrf = csrf
        self.touched = touched
    }

    /// Whether `token` (a form's `csrf` field) is this session's form token, compared in constant time.
    public func accepts(_ token: String?) -> Bool {
        guard let token else { return false }
        let a = Array(token.utf8), b = Array(csrf.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
