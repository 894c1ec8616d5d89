package org.dyad.application.access;

import org.dyad.application.board.Board;
import org.dyad.application.board.BoardRow;
import org.dyad.application.cases.CaseView;
import org.dyad.application.users.AccountRole;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The one answer to "may this viewer see or do this?" for every channel: REST, STOMP, exports and replay.
 * No channel filters on its own.
 */
@Component
public class AccessPolicy {

    private static final Set<CaseChange> PERSON_SERVED_CHANGES = EnumSet.of(CaseChange.OWN_WORDS, CaseChange.RESTRICTION);

    public CaseAccess caseAccess(Viewer viewer, CaseView view) {
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

    public boolean mayChange(Viewer viewer, CaseView view, CaseChange change) {
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
                board.rows().stream().filter(row -> rowVisible(viewer, row)).toList());
    }

    private boolean rowVisible(Viewer viewer, BoardRow row) {
        return !row.restricted() || row.careTeamUserIds().contains(viewer.userId())
                || viewer.userId().equals(row.personServedUserId());
    }
}
