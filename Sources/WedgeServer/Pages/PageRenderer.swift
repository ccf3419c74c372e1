// SPDX-License-Identifier: Apache-2.0

import WedgeCore
import Foundation
import Hummingbird
import HTTPTypes
import Mustache
import WedgeStore

/// Renders the pages' Mustache templates (``PageResources``, from `Sources/WedgeServer/Resources/templates`) into
/// responses. Every page extends the `layout` template, which carries the navigation allowed to the signed-in
/// role (asked of ``AccessPolicy``, as every route asks it), the account, and the form token.
///
/// Mustache escapes every `{{value}}` for HTML, so no page builds HTML from strings; the templates hold all
/// markup.
struct PageRenderer: Sendable {
    /// The templates, parsed once at start.
    let library: MustacheLibrary
    /// The study's short name, in every page's header.
    let study: String

    /// The renderer over the embedded templates; a template that does not parse stops the server at start.
    init(study: String) throws {
        self.study = study
        var templates: [String: MustacheTemplate] = [:]
        for (name, text) in PageResources.templates { templates[name] = try MustacheTemplate(string: text) }
        library = MustacheLibrary(templates: templates)
    }

    /// The navigation: each entry and the operation whose permission shows it.
    static let navigation: [(label: String, href: String, operation: APIOperation)] = [
        ("Dashboard", "/", .me),
        ("Screening", "/screening", .listScreenings),
        ("Participants", "/participants", .listParticipants),
        ("Queries", "/queries", .queries),
        ("Reports", "/reports", .status),
        ("Users and tokens", "/admin", .listUsers),
    ]

    /// The human name of a role.
    static func label(_ role: AccountRole) -> String {
        switch role {
        case .siteCoordinator: "Site coordinator"
        case .dataManager: "Data manager"
        case .statistician: "Unblinded statistician"
        case .monitor: "Monitor"
        case .admin: "Administrator"
        }
    }

    /// `template` rendered with `data`, inside the layout for `principal` (nil on the login page), as an HTML
    /// response.
    func page(
        _ template: String, title: String, principal: Principal?, csrf: String?, current: String? = nil,
        data: [String: Any] = [:], status: HTTPResponse.Status = .ok
    ) -> Response {
        var context = data
        context["page_title"] = title
        context["study"] = study
        if let principal {
            context["user"] = ["username": principal.username, "role": Self.label(principal.role),
                               "user_site": principal.siteID ?? ""]
            context["nav"] = Self.navigation.filter { AccessPolicy.permits(principal, $0.operation) }.map {
                ["label": $0.label, "href": $0.href, "current": $0.href == current] as [String: Any]
            }
        }
        if let csrf { context["csrf"] = csrf }
        let html = library.render(Self.pruned(context), withTemplate: template) ?? ""
        return Self.html(html, status: status)
    }

    /// `data` without its empty strings, at every depth. Mustache treats an empty string as true in a section
    /// (`{{#reason}}…{{/reason}}` would render for a missing reason), so the pages' rule is: a value that is empty is
    /// absent, and `{{#key}}` means "has a value".
    static func pruned(_ data: [String: Any]) -> [String: Any] {
        var result: [String: Any] = [:]
        for (key, value) in data {
            switch value {
            case let text as String where text.isEmpty: continue
            case let nested as [String: Any]: result[key] = pruned(nested)
            case let rows as [[String: Any]]: result[key] = rows.map(pruned)
            default: result[key] = value
            }
        }
        return result
    }

    /// The options of a site menu: the sites `principal` reaches (a coordinator's own), with `selected` marked.
    static func siteOptions(_ proto: StudyProtocol, for principal: Principal, selected: String?) -> [[String: Any]] {
        proto.sites.filter { AccessPolicy.reaches(principal, site: $0.id) }.map {
            ["id": $0.id, "name": $0.name, "selected": $0.id == selected]
        }
    }

    /// An HTML response.
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// `303 See Other` to `location`: the "redirect" of post/redirect/get, so that a reload never posts twice.
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
