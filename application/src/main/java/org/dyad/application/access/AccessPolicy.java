package org.dyad.application.access;

import org.dyad.application.board.Board;
import org.dyad.application.board.BoardRow;
import org.dyad.application.cases.CaseMembership;
import org.dyad.application.cases.CaseView;
import org.dyad.application.users.AccountRole;
import org.dyad.domain.consent.ConsentTerms;
import org.dyad.domain.consent.Purpose;
import org.dyad.domain.shared.Sensitivity;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one answer to "may this viewer see or do this?" for every channel: REST, STOMP, exports and replay.
 * No channel filters on its own.
 */
@Component
public class AccessPolicy {

    private static final Set<CaseChange> PERSON_SERVED_CHANGES = EnumSet.of(CaseChange.OWN_WORDS, CaseChange.RESTRICTION);

    public CaseAccess caseAccess(Viewer viewer, CaseMembership view) {
        if (view.isPersonServed(viewer.userId())) {
            return CaseAccess.FULL;
        }
        if (!viewer.role().isClinicalStaff()) {
            return viewer.role() == AccountRole.PERSON_SERVED ? CaseAccess.HIDDEN : CaseAccess.FORBIDDEN;
        }
        if (view.hasMember(viewer.userId())) {
            return CaseAccess.FULL;
        }
        if (view.isRestricted()) {
            return CaseAccess.HIDDEN;
        }
        return Objects.equals(viewer.unit(), view.getUnit()) ? CaseAccess.SUMMARY : CaseAccess.FORBIDDEN;
    }

    public boolean mayChange(Viewer viewer, CaseMembership view, CaseChange change) {
        if (view.isPersonServed(viewer.userId())) {
            return PERSON_SERVED_CHANGES.contains(change);
        }
        return switch (caseAccess(viewer, view)) {
            case FULL -> true;
            case SUMMARY -> change == CaseChange.CARE_TEAM;
            case HIDDEN, FORBIDDEN -> false;
        };
    }

    public boolean mayOpenCaseOn(Viewer viewer, String unit) {
        return viewer.role().isClinicalStaff() && Objects.equals(viewer.unit(), unit);
    }

    /** Purposes under which a consent lets the care team read confidential content. */
    private static final Set<Purpose> CARE_PURPOSES = EnumSet.of(Purpose.TREATMENT, Purpose.CARE_COORDINATION);

    /**
     * May this viewer read this piece of content? The author and the person always; the care team reads general and
     * psychiatric content; what was said to the peer in confidence, and Part 2 records, only under a consent in force
     * that names the viewer (by login or role) for that category and for treatment or care coordination.
     */
    public boolean mayRead(Viewer viewer, CaseView view, Sensitivity category, String authorId,
                           List<ConsentTerms> consentsInForce, Instant now) {
        if (viewer.userId().equals(authorId) || view.isPersonServed(viewer.userId())) {
            return true;
        }
        if (caseAccess(viewer, view) != CaseAccess.FULL) {
            return false;
        }
        return switch (category) {
            case GENERAL, PSYCHIATRIC -> true;
            case PEER_CONFIDENTIAL, SUD_PART2 -> consentsInForce.stream().anyMatch(consent -> CARE_PURPOSES.stream()
                    .anyMatch(purpose -> consent.covers(viewer.userId(), viewer.role().name(), null, category, purpose, now)));
        };
    }

    /**
     * May an auditor read this content in a replay? General and psychiatric records, yes; what the person said in
     * confidence or Part 2 records only under a consent in force that names auditors (by login or role).
     */
    public boolean mayAuditRead(Viewer auditor, Sensitivity category, List<ConsentTerms> consentsInForce, Instant now) {
        if (!mayAudit(auditor)) {
            return false;
        }
        return switch (category) {
            case GENERAL, PSYCHIATRIC -> true;
            case PEER_CONFIDENTIAL, SUD_PART2 -> consentsInForce.stream().anyMatch(consent -> EnumSet.allOf(Purpose.class)
                    .stream().anyMatch(purpose -> consent.covers(auditor.userId(), auditor.role().name(), null, category, purpose, now)));
        };
    }

    /** How this viewer reads a case's content: auditors under the audit rules, everyone else as {@link #mayRead}. */
    public ContentReader readerFor(Viewer viewer, CaseView view, List<ConsentTerms> consentsInForce, Instant now) {
        if (mayAudit(viewer)) {
            return (category, authorId) -> mayAuditRead(viewer, category, consentsInForce, now);
        }
        return (category, authorId) -> mayRead(viewer, view, category, authorId, consentsInForce, now);
    }

    /**
     * May this viewer see that a disclosure was asked for and how it was answered? What was shared is in the
     * person's accounting, which whoever reads the case sees; a request and its decline stay between the two
     * colleagues involved, and auditors.
     */
    public boolean maySeeDisclosure(Viewer viewer, CaseView view, String requesterId, String holderId, boolean shared) {
        if (mayAudit(viewer)) {
            return true;
        }
        if (caseAccess(viewer, view) != CaseAccess.FULL) {
            return false;
        }
        return shared || viewer.userId().equals(requesterId) || viewer.userId().equals(holderId);
    }

    /** What stands in for content a viewer may not read: its kind, never its words. */
    public static String placeholderFor(Sensitivity category) {
        return switch (category) {
            case PEER_CONFIDENTIAL -> "peer note — confidential";
            case SUD_PART2 -> "substance-use treatment record — protected (42 CFR Part 2)";
            case PSYCHIATRIC -> "psychiatric record — restricted";
            case GENERAL -> "not shared with you";
        };
    }

    /** Auditors read the record of who read what; nobody else does. */
    public boolean mayAudit(Viewer viewer) {
        return viewer.role() == AccountRole.AUDITOR;
    }

    /** A restricted record is found by its exact id only, so no search lists a colleague who is also a client. */
    public boolean mayAuditFind(Viewer viewer, CaseView view, boolean byExactId) {
        return mayAudit(viewer) && (!view.isRestricted() || byExactId);
    }

    /** Admins manage accounts and units; they read no clinical content. */
    public boolean mayAdminister(Viewer viewer) {
        return viewer.role() == AccountRole.ADMIN;
    }

    /** The unit's staff see its board; nobody else does. */
    public boolean mayViewBoard(Viewer viewer, String unit) {
        return viewer.role().isClinicalStaff() && Objects.equals(viewer.unit(), unit);
    }

    /** The board as this viewer may see it; empty of rows when they may not see it at all. */
    public Board boardFor(Viewer viewer, Board board) {
        if (!mayViewBoard(viewer, board.unit())) {
            return Board.empty(board.unit());
        }
        return new Board(board.unit(), board.version(),
                board.rows().stream().map(row -> rowFor(viewer, row)).flatMap(Optional::stream).toList());
    }

    /** One row of a board the viewer may see, as they see it; empty for a restricted record not theirs. */
    public Optional<BoardRow> rowFor(Viewer viewer, BoardRow row) {
        boolean visible = !row.restricted() || row.careTeamUserIds().contains(viewer.userId())
                || viewer.userId().equals(row.personServedUserId());
        return visible ? Optional.of(row.forViewer(viewer.userId())) : Optional.empty();
    }
}
