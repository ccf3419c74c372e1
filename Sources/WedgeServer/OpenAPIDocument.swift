// SPDX-License-Identifier: Apache-2.0
// Placeholder until scripts/embed-resources.py writes it from docs/openapi.json.
enum OpenAPIDocument {
    static let json = "{}"
}
