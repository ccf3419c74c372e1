// SPDX-License-Identifier: Apache-2.0

internal import Foundation

/// A minimal SVG builder: deterministic text, escaped labels, no external tools.
public struct SVGDocument: Sendable {
    private var elements: [String] = []
    /// The width in pixels.
    public let width: Int
    /// The height in pixels.
    public let height: Int

    /// Creates an empty document.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Adds a rectangle.
    public mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String = "#ffffff") {
        elements.append("<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" "
                        + "fill=\"\(fill)\" stroke=\"\(stroke)\"/>")
    }

    /// Adds a text label. `anchor` is `start`, `middle` or `end`.
    public mutating func text(_ s: String, x: Double, y: Double, size: Double = 12, anchor: String = "start",
                              weight: String = "normal", fill: String = "#222222") {
        elements.append("<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" font-size=\"\(Self.n(size))\" text-anchor=\"\(anchor)\" "
                        + "font-weight=\"\(weight)\" fill=\"\(fill)\">\(Self.escape(s))</text>")
    }

    /// Adds a text label rotated 90° anticlockwise about `(x, y)`, centred there (a vertical axis title).
    public mutating func rotatedText(_ s: String, x: Double, y: Double, size: Double = 12, fill: String = "#222222") {
        elements.append("<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" font-size=\"\(Self.n(size))\" text-anchor=\"middle\" "
                        + "fill=\"\(fill)\" transform=\"rotate(-90 \(Self.n(x)) \(Self.n(y)))\">\(Self.escape(s))</text>")
    }

    /// Adds a line.
    public mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String = "#444444", width: Double = 1,
                              dash: String? = nil) {
        let dashed = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        elements.append("<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" "
                        + "stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\"\(dashed)/>")
    }

    /// Adds a polyline through `points`.
    public mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2) {
        let list = points.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " ")
        elements.append("<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\"/>")
    }

    /// Adds a circle.
    public mutating func circle(cx: Double, cy: Double, r: Double, fill: String) {
        elements.append("<circle cx=\"\(Self.n(cx))\" cy=\"\(Self.n(cy))\" r=\"\(Self.n(r))\" fill=\"\(fill)\"/>")
    }

    /// The SVG text, with a title for accessibility.
    public func render(title: String) -> String {
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\" font-family=\"Helvetica, Arial, sans-serif\" role=\"img\">\n"
        out += "<title>\(Self.escape(title))</title>\n"
        out += elements.joined(separator: "\n") + "\n</svg>\n"
        return out
    }

    /// Escapes text for XML.
    public static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A coordinate with at most two decimals and no trailing zeros; a non-finite value (a bug upstream) is
    /// drawn at 0 rather than written as `nan`, which would make the SVG invalid.
    static func n(_ x: Double) -> String {
        guard x.isFinite, abs(x) < 1e9 else { return "0" }
        let r = (x * 100).rounded() / 100
        return r.rounded() == r ? String(Int(r)) : String(r)
    }
}
