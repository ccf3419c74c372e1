// SPDX-License-Identifier: Apache-2.0

/// Everything the analysis reads: the protocol, the schedule, the enrolled participants and the screening log,
/// frozen at a moment.
public struct StudySnapshot: Sendable, Equatable {
    /// The protocol as stored, with its text and digest.
    public var loadedProtocol: LoadedProtocol
    /// The randomized schedule.
    public var schedule: Schedule
    /// The enrolled participants (soft-deleted ones excluded), ordered by participant id.
    public var enrollments: [Enrollment]
    /// The data-lock date: the last day data were entered or the day the snapshot was taken.
    public var dataLockDate: CivilDate
    /// The adverse events of the enrolled participants (soft-deleted ones excluded), in recording order.
    public var adverseEvents: [AdverseEvent] = []
    /// The screening log (soft-deleted screenings excluded), ordered by screening id.
    public var screenings: [ScreeningRecord] = []

    /// Creates a snapshot.
    public init(
        loadedProtocol: LoadedProtocol, schedule: Schedule, enrollments: [Enrollment], dataLockDate: CivilDate,
        adverseEvents: [AdverseEvent] = [], screenings: [ScreeningRecord] = []
    ) {
        self.loadedProtocol = loadedProtocol
        self.schedule = schedule
        self.enrollments = enrollments
        self.dataLockDate = dataLockDate
        self.adverseEvents = adverseEvents
        self.screenings = screenings
    }

    /// The protocol.
    public var `protocol`: StudyProtocol { schedule.protocol }
}
