package org.dyad.application.audit;

import org.dyad.application.cases.CaseViews;
import org.dyad.application.consent.ConsentView;
import org.dyad.application.consent.ConsentViews;
import org.dyad.application.cotreatment.SessionView;
import org.dyad.application.cotreatment.SessionViews;
import org.dyad.application.decision.DecisionView;
import org.dyad.application.decision.DecisionViews;
import org.dyad.application.disclosure.DisclosureView;
import org.dyad.application.disclosure.DisclosureViews;
import org.dyad.application.shared.NotFound;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Every aggregate whose events make up one case's record: the case, its sessions, decisions, consents, disclosures. */
@Component
public class CaseAggregates {

    private final CaseViews cases;
    private final SessionViews sessions;
    private final DecisionViews decisions;
    private final ConsentViews consents;
    private final DisclosureViews disclosures;

    public CaseAggregates(CaseViews cases, SessionViews sessions, DecisionViews decisions, ConsentViews consents,
                          DisclosureViews disclosures) {
        this.cases = cases;
        this.sessions = sessions;
        this.decisions = decisions;
        this.consents = consents;
        this.disclosures = disclosures;
    }

    public List<String> of(String caseId) {
        cases.find(caseId).orElseThrow(() -> new NotFound("No case " + caseId + "."));
        List<String> aggregates = new ArrayList<>(List.of(caseId));
        sessions.findByCase(caseId).stream().map(SessionView::getSessionId).forEach(aggregates::add);
        decisions.findByCase(caseId).stream().map(DecisionView::getDecisionId).forEach(aggregates::add);
        consents.findByCase(caseId).stream().map(ConsentView::getConsentId).forEach(aggregates::add);
        disclosures.findByCase(caseId).stream().map(DisclosureView::getDisclosureId).forEach(aggregates::add);
        return aggregates;
    }
}
