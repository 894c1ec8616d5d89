package org.dyad.application.board;

import org.dyad.application.cases.CaseView;
import org.dyad.domain.cases.Setting;

import java.time.Instant;
import java.util.List;

/**
 * One case on a rounding board. {@code openDisclosureRequests} and {@code activeRestriction} are filled by the
 * disclosure and restriction projections as those capabilities arrive; until then they are null, meaning
 * "not tracked yet", not zero.
 */
public record BoardRow(String caseId, String preferredName, String pronouns, Setting setting, boolean admitted,
                       CaseView.Dyad dyad, boolean padPresent, boolean wrapPresent, Instant lastActivity,
                       boolean restricted, String personServedUserId, List<String> careTeamUserIds,
                       CaseView.NextSession nextSession, Integer decisionsWaiting, Integer openDisclosureRequests,
                       Object activeRestriction) {

    static BoardRow from(CaseView view) {
        return new BoardRow(view.getCaseId(), view.getPreferredName(), view.getPronouns(), view.getSetting(),
                view.isAdmitted(), view.getDyad(), view.getAdvanceDirective() != null, view.getWrapSummary() != null,
                view.getLastActivity(), view.isRestricted(), view.getPersonServedUserId(),
                view.getCareTeam().stream().map(CaseView.Member::userId).toList(),
                view.getNextSession(), view.getDecisionsWaiting(), null, null);
    }
}
