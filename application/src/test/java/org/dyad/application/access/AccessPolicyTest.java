package org.dyad.application.access;

import org.dyad.application.board.Board;
import org.dyad.application.cases.CaseView;
import org.dyad.application.cases.TestCaseViews;
import org.dyad.application.users.AccountRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The one access policy, asked directly: who sees how much of a case, who may change what, who sees a board. */
class AccessPolicyTest {

    private final AccessPolicy policy = new AccessPolicy();

    private static final Viewer DOCTOR_ON_TEAM = new Viewer("dr-on", AccountRole.PSYCHIATRIST, "north");
    private static final Viewer NURSE_OFF_TEAM = new Viewer("nurse-off", AccountRole.NURSE, "north");
    private static final Viewer PEER_OTHER_UNIT = new Viewer("peer-south", AccountRole.PEER_SPECIALIST, "south");
    private static final Viewer THE_PERSON = new Viewer("rae", AccountRole.PERSON_SERVED, null);
    private static final Viewer ANOTHER_PERSON = new Viewer("kim", AccountRole.PERSON_SERVED, null);
    private static final Viewer AUDITOR = new Viewer("aud", AccountRole.AUDITOR, null);
    private static final Viewer ADMIN = new Viewer("adm", AccountRole.ADMIN, null);

    private final CaseView open = TestCaseViews.onNorth("c1", "rae", false, "dr-on");
    private final CaseView restricted = TestCaseViews.onNorth("c2", "rae", true, "dr-on");

    @Test
    void theCareTeamAndThePersonSeeEverything() {
        assertThat(policy.caseAccess(DOCTOR_ON_TEAM, open)).isEqualTo(CaseAccess.FULL);
        assertThat(policy.caseAccess(THE_PERSON, open)).isEqualTo(CaseAccess.FULL);
        assertThat(policy.caseAccess(THE_PERSON, restricted)).isEqualTo(CaseAccess.FULL);
        assertThat(policy.caseAccess(DOCTOR_ON_TEAM, restricted)).isEqualTo(CaseAccess.FULL);
    }

    @Test
    void theUnitsOtherStaffSeeOnlyASummary() {
        assertThat(policy.caseAccess(NURSE_OFF_TEAM, open)).isEqualTo(CaseAccess.SUMMARY);
    }

    @Test
    void aRestrictedRecordIsHiddenFromColleaguesByRoleAlone() {
        assertThat(policy.caseAccess(NURSE_OFF_TEAM, restricted)).isEqualTo(CaseAccess.HIDDEN);
        assertThat(policy.caseAccess(PEER_OTHER_UNIT, restricted)).isEqualTo(CaseAccess.HIDDEN);
    }

    @Test
    void anotherUnitAuditorsAndAdminsAreRefusedAndAnotherPersonLearnsNothing() {
        assertThat(policy.caseAccess(PEER_OTHER_UNIT, open)).isEqualTo(CaseAccess.FORBIDDEN);
        assertThat(policy.caseAccess(AUDITOR, open)).isEqualTo(CaseAccess.FORBIDDEN);
        assertThat(policy.caseAccess(ADMIN, open)).isEqualTo(CaseAccess.FORBIDDEN);
        assertThat(policy.caseAccess(ANOTHER_PERSON, open)).isEqualTo(CaseAccess.HIDDEN);
    }

    @Test
    void auditorsFindARestrictedRecordOnlyByItsExactIdAndNobodyElseSearches() {
        assertThat(policy.mayAuditFind(AUDITOR, open, false)).isTrue();
        assertThat(policy.mayAuditFind(AUDITOR, restricted, false)).isFalse();
        assertThat(policy.mayAuditFind(AUDITOR, restricted, true)).isTrue();
        assertThat(policy.mayAuditFind(DOCTOR_ON_TEAM, open, true)).isFalse();
        assertThat(policy.mayAuditFind(ADMIN, open, true)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(CaseChange.class)
    void theCareTeamMayMakeEveryChange(CaseChange change) {
        assertThat(policy.mayChange(DOCTOR_ON_TEAM, open, change)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(CaseChange.class)
    void thePersonRecordsTheirOwnWordsAndRestrictionOnly(CaseChange change) {
        boolean expected = change == CaseChange.OWN_WORDS || change == CaseChange.RESTRICTION;
        assertThat(policy.mayChange(THE_PERSON, open, change)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(CaseChange.class)
    void unitStaffOffTheTeamMayOnlyJoinIt(CaseChange change) {
        assertThat(policy.mayChange(NURSE_OFF_TEAM, open, change)).isEqualTo(change == CaseChange.CARE_TEAM);
        assertThat(policy.mayChange(NURSE_OFF_TEAM, restricted, change)).isFalse();
    }

    @Test
    void onlyTheUnitsStaffSeeItsBoardAndRestrictedRowsOnlyTheirTeam() {
        Board board = TestCaseViews.boardOf("north", open, restricted);
        assertThat(policy.mayViewBoard(NURSE_OFF_TEAM, "north")).isTrue();
        assertThat(policy.mayViewBoard(PEER_OTHER_UNIT, "north")).isFalse();
        assertThat(policy.mayViewBoard(THE_PERSON, "north")).isFalse();
        assertThat(policy.mayViewBoard(AUDITOR, "north")).isFalse();
        assertThat(policy.mayViewBoard(ADMIN, "north")).isFalse();

        assertThat(policy.boardFor(DOCTOR_ON_TEAM, board).rows()).extracting(r -> r.caseId()).containsExactly("c1", "c2");
        assertThat(policy.boardFor(NURSE_OFF_TEAM, board).rows()).extracting(r -> r.caseId()).containsExactly("c1");
        assertThat(policy.boardFor(PEER_OTHER_UNIT, board).rows()).isEmpty();
        assertThat(policy.boardFor(NURSE_OFF_TEAM, board).version()).isEqualTo(board.version());
    }

    @Test
    void onlyAdminsAdminister() {
        assertThat(policy.mayAdminister(ADMIN)).isTrue();
        assertThat(policy.mayAdminister(DOCTOR_ON_TEAM)).isFalse();
        assertThat(policy.mayAdminister(AUDITOR)).isFalse();
    }
}
