package org.dyad.application.cases;

import org.dyad.application.access.CaseAccess;
import org.dyad.domain.cases.AdvanceDirective;
import org.dyad.domain.cases.Setting;
import org.dyad.domain.cases.WrapSummary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A case as one viewer may see it. With SUMMARY access the person's own words and directives are left out. */
public record CaseDetails(String id, CaseAccess access, String preferredName, String pronouns, LocalDate dateOfBirth,
                          Setting setting, String unit, boolean admitted, boolean restricted, boolean closed,
                          List<CaseView.Member> careTeam, CaseView.Dyad dyad, CaseView.Goals goals,
                          AdvanceDirective advanceDirective, WrapSummary wrapSummary, List<CaseView.Stay> stays,
                          CaseView.NextSession nextSession, int decisionsWaiting,
                          Instant openedAt, Instant lastActivity, long version) {

    public static CaseDetails of(CaseView v, CaseAccess access) {
        boolean full = access == CaseAccess.FULL;
        return new CaseDetails(v.getCaseId(), access, v.getPreferredName(), v.getPronouns(),
                full ? v.getDateOfBirth() : null, v.getSetting(), v.getUnit(), v.isAdmitted(), v.isRestricted(),
                v.isClosed(), v.getCareTeam(), v.getDyad(), full ? v.getGoals() : null,
                full ? v.getAdvanceDirective() : null, full ? v.getWrapSummary() : null,
                full ? v.getStays() : List.of(), v.getNextSession(), v.getDecisionsWaiting(), v.getOpenedAt(),
                v.getLastActivity(), v.getVersion());
    }
}
