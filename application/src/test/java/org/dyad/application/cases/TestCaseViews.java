package org.dyad.application.cases;

import org.dyad.application.board.Board;
import org.dyad.application.board.BoardProjection;
import org.dyad.application.board.InMemoryBoards;
import org.dyad.application.board.RecentBoardChanges;
import org.dyad.domain.cases.CareTeamRole;
import org.dyad.domain.cases.Setting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Case views and boards built the way the projections build them, for policy tests. */
public final class TestCaseViews {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    private TestCaseViews() {
    }

    public static CaseView onNorth(String caseId, String personServedUserId, boolean restricted, String memberId) {
        CaseView view = new CaseView(caseId, caseId.toUpperCase(), null, LocalDate.of(1990, 1, 1), Setting.INPATIENT,
                "north", personServedUserId, restricted, AT);
        view.addMember(new CaseView.Member(memberId, memberId, CareTeamRole.PSYCHIATRIST, AT));
        view.touched(AT, 1);
        return view;
    }

    public static Board boardOf(String unit, CaseView... views) {
        InMemoryBoards boards = new InMemoryBoards();
        BoardProjection projection = new BoardProjection(boards, new RecentBoardChanges(), List.of());
        for (CaseView view : views) {
            projection.caseViewChanged(view);
        }
        return boards.find(unit);
    }
}
