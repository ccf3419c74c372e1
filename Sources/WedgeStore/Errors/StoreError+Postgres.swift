// SPDX-License-Identifier: Apache-2.0

extension StoreError {
    /// The text for a PostgreSQL failure, chosen by SQLSTATE class (the server's message, which may quote values,
    /// is never shown).
    ///
    /// Related PostgreSQL documentation: <https://www.postgresql.org/docs/15/errcodes-appendix.html>
    static func describePostgres(location: String, operation: String, sqlState: String) -> String {
        let what = "Could not \(operation) in \(location)"
        switch sqlState.prefix(2) {
        case "23":
            return "\(what): the database refused the change because it breaks an integrity rule (SQLSTATE "
                + "\(sqlState)); nothing was written. If this came from a Wedge command, report it."
        case "P0" where sqlState == "P0001":
            return "\(what): a guard refused the change (the audit log, study and site rows can never be changed, "
                + "and participants are only soft-deleted); nothing was written."
        case "40":
            return "\(what): the transaction was rolled back by the server (SQLSTATE \(sqlState)); nothing was "
                + "written. Try again."
        case "42":
            return "\(what): the database's schema does not match this Wedge (SQLSTATE \(sqlState)). Run "
                + "`wedge-server migrate` and try again."
        case "28":
            return "\(what): the server refused the credentials (SQLSTATE \(sqlState)). Check the user and password."
        case "3D":
            return "\(what): the database does not exist (SQLSTATE \(sqlState)). Create it first (createdb)."
        case "53", "57", "08":
            return "\(what): the server is unavailable or shutting down (SQLSTATE \(sqlState)); nothing was "
                + "written. Try again when it is back."
        default:
            return "\(what): PostgreSQL error SQLSTATE \(sqlState). Nothing was written; report this."
        }
    }
}
