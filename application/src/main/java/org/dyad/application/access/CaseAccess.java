package org.dyad.application.access;

/** How much of a case a viewer may see. */
public enum CaseAccess {
    /** The care team and the person served: everything, including goals, PAD and WRAP. */
    FULL,
    /** Staff of the case's unit who are not on its team: who the person is and who cares for them. */
    SUMMARY,
    /** Not to be revealed, not even that it exists (a restricted record, someone else's own case). */
    HIDDEN,
    /** Visible that it exists elsewhere, but not for this viewer (another unit, auditors, admins). */
    FORBIDDEN
}
