// SPDX-License-Identifier: Apache-2.0

import GRDB

extension Statement {
    /// Executes the statement with these values, checked against its parameters.
    ///
    /// Building the arguments from `DatabaseValue`s directly avoids boxing each value in an existential, which
    /// is measurable when an import executes several statements per participant.
    func execute(values: [DatabaseValue]) throws {
        try execute(arguments: StatementArguments(values))
    }
}

extension DatabaseValue {
    /// The text, or NULL.
    static func text(_ value: String?) -> DatabaseValue {
        guard let value else { return .null }
        return value.databaseValue
    }
}
