package org.dyad.application.board;

import org.dyad.application.cases.CaseView;
import org.dyad.domain.cases.Setting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One case on a rounding board. {@code activeRestriction} is filled by the restriction projection when that
 * capability arrives; until then it is null, meaning "not tracked yet". {@code openDisclosureRequests} is the count
 * addressed to the viewer, set by the access policy from {@code openRequestsByHolder}, which viewers never see.
 */
public record BoardRow(String caseId, String preferredName, String pronouns, Setting setting, boolean admitted,
                       CaseView.Dyad dyad, boolean padPresent, boolean wrapPresent, Instant lastActivity,
                       boolean restricted, String personServedUserId, List<String> careTeamUserIds,
                       CaseView.NextSession nextSession, Integer decisionsWaiting, Integer openDisclosureRequests,
                       Object activeRestriction, Map<String, Integer> openRequestsByHolder) {

    static BoardRow from(CaseView view) {
        return new BoardRow(view.getCaseId(), view.getPreferredName(), view.getPronouns(), view.getSetting(),
                view.isAdmitted(), view.getDyad(), view.getAdvanceDirective() != null, view.getWrapSummary() != null,
                view.getLastActivity(), view.isRestricted(), view.getPersonServedUserId(),
                view.getCareTeam().stream().map(CaseView.Member::userId).toList(),
                view.getNextSession(), view.getDecisionsWaiting(), null, null, view.getOpenRequestsByHolder());
    }

    /** The row as one viewer sees it: their own open requests counted, nobody else's revealed. */
    public BoardRow forViewer(String userId) {
        return new BoardRow(caseId, preferredName, pronouns, setting, admitted, dyad, padPresent, wrapPresent,
                lastActivity, restricted, personServedUserId, careTeamUserIds, nextSession, decisionsWaiting,
                openRequestsByHolder == null ? 0 : openRequestsByHolder.getOrDefault(userId, 0), activeRestriction, null);
    }
}
