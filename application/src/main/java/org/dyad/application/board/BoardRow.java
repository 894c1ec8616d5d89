package org.dyad.application.board;

import org.dyad.application.cases.CaseView;
import org.dyad.domain.cases.AdvanceDirective;
import org.dyad.domain.cases.Contact;
import org.dyad.domain.cases.Setting;
import org.dyad.domain.cases.WrapSummary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One case on a rounding board. {@code restrictions} are the episodes in progress or with a duty open, with their
 * clocks; while one is in progress, {@code personsVoice} brings the person's own crisis wishes (PAD and WRAP) to the
 * row. {@code openDisclosureRequests} is the count addressed to the viewer, set by the access policy from
 * {@code openRequestsByHolder}, which viewers never see.
 */
public record BoardRow(String caseId, String preferredName, String pronouns, Setting setting, boolean admitted,
                       CaseView.Dyad dyad, boolean padPresent, boolean wrapPresent, Instant lastActivity,
                       boolean restricted, String personServedUserId, List<String> careTeamUserIds,
                       CaseView.NextSession nextSession, Integer decisionsWaiting, Integer openDisclosureRequests,
                       List<CaseView.RestrictionOnBoard> restrictions, PersonsVoice personsVoice,
                       Map<String, Integer> openRequestsByHolder) {

    /** What the person asked for in a crisis, in their own words. */
    public record PersonsVoice(String viewsOnRestraintAndSeclusion, String whatHelpsInCrisis,
                               String wrapWhatHelpsInCrisis, List<String> whoToCall, List<String> refusedTreatments) {

        static PersonsVoice of(AdvanceDirective pad, WrapSummary wrap) {
            if (pad == null && wrap == null) {
                return null;
            }
            List<String> call = new ArrayList<>();
            if (pad != null) {
                pad.whoToCall().forEach(c -> call.add(words(c)));
            }
            if (wrap != null) {
                wrap.supporters().forEach(c -> call.add(words(c)));
            }
            return new PersonsVoice(pad == null ? null : pad.viewsOnRestraintAndSeclusion(),
                    pad == null ? null : pad.whatHelpsInCrisis(), wrap == null ? null : wrap.whatHelpsInCrisis(),
                    call.stream().distinct().toList(), pad == null ? List.of() : pad.refusedTreatments());
        }

        private static String words(Contact c) {
            StringBuilder s = new StringBuilder(c.name() == null ? "" : c.name());
            if (c.relationship() != null && !c.relationship().isBlank()) {
                s.append(" (").append(c.relationship()).append(")");
            }
            if (c.phone() != null && !c.phone().isBlank()) {
                s.append(" ").append(c.phone());
            }
            return s.toString().strip();
        }
    }


    static BoardRow from(CaseView view) {
        return new BoardRow(view.getCaseId(), view.getPreferredName(), view.getPronouns(), view.getSetting(),
                view.isAdmitted(), view.getDyad(), view.getAdvanceDirective() != null, view.getWrapSummary() != null,
                view.getLastActivity(), view.isRestricted(), view.getPersonServedUserId(),
                view.getCareTeam().stream().map(CaseView.Member::userId).toList(),
                view.getNextSession(), view.getDecisionsWaiting(), null, view.getRestrictions(),
                view.getRestrictions().stream().anyMatch(CaseView.RestrictionOnBoard::inProgress)
                        ? PersonsVoice.of(view.getAdvanceDirective(), view.getWrapSummary()) : null,
                view.getOpenRequestsByHolder());
    }

    /** The row as one viewer sees it: their own open requests counted, nobody else's revealed. */
    public BoardRow forViewer(String userId) {
        return new BoardRow(caseId, preferredName, pronouns, setting, admitted, dyad, padPresent, wrapPresent,
                lastActivity, restricted, personServedUserId, careTeamUserIds, nextSession, decisionsWaiting,
                openRequestsByHolder == null ? 0 : openRequestsByHolder.getOrDefault(userId, 0), restrictions, personsVoice, null);
    }
}
