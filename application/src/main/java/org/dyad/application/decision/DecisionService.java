package org.dyad.application.decision;

import org.dyad.application.access.AccessLog;
import org.dyad.application.access.AccessPolicy;
import org.dyad.application.access.AccessRecord;
import org.dyad.application.access.NotPermitted;
import org.dyad.application.consent.ConsentService;
import org.dyad.domain.consent.ConsentTerms;
import org.dyad.domain.shared.Sensitivity;
import org.dyad.application.access.Viewer;
import org.dyad.application.cases.CaseGuard;
import org.dyad.application.cases.CaseView;
import org.dyad.application.cases.CaseViews;
import org.dyad.application.shared.CommandSender;
import org.dyad.application.shared.InvalidInput;
import org.dyad.application.shared.NotFound;
import org.dyad.application.users.AccountRole;
import org.dyad.domain.cases.Contact;
import org.dyad.domain.decision.ChosenBy;
import org.dyad.domain.decision.DecisionCommand;
import org.dyad.domain.decision.DecisionCommand.*;
import org.dyad.domain.decision.Option;
import org.dyad.domain.decision.OptionKind;
import org.dyad.domain.shared.DomainRuleViolation;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Shared decisions: the care team and the person put options on the table; only the person (or their advance
 * directive's proxy) chooses. A clinician may type the choice only while attesting the chooser is present.
 */
@Service
public class DecisionService {

    public record NewOption(OptionKind kind, String whatItIs, String benefits, String harms, String whatItAsksOfMe) {
    }

    /** {@code optionId} null with {@code notNow} true: "not now, I want more time". */
    public record Choice(String optionId, boolean notNow, String inTheirWords, ChosenBy chosenBy, String chooserName,
                         boolean attestChooserPresent) {
    }

    private final CommandSender sender;
    private final DecisionViews views;
    private final CaseViews cases;
    private final CaseGuard guard;
    private final AccessPolicy policy;
    private final ConsentService consents;
    private final AccessLog accessLog;
    private final Clock clock;

    public DecisionService(CommandSender sender, DecisionViews views, CaseViews cases, CaseGuard guard,
                           AccessPolicy policy, ConsentService consents, AccessLog accessLog, Clock clock) {
        this.sender = sender;
        this.views = views;
        this.cases = cases;
        this.guard = guard;
        this.policy = policy;
        this.consents = consents;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    public String open(Viewer viewer, String caseId, String question) {
        teamOrPerson(viewer, caseId);
        String decisionId = UUID.randomUUID().toString();
        send(new OpenDecision(decisionId, caseId, question), null);
        return decisionId;
    }

    public String propose(Viewer viewer, String caseId, String decisionId, NewOption option) {
        teamOrPerson(viewer, caseId);
        decision(caseId, decisionId);
        String optionId = UUID.randomUUID().toString();
        send(new ProposeOption(decisionId, new Option(optionId, option.kind(), option.whatItIs(), option.benefits(),
                option.harms(), option.whatItAsksOfMe(), viewer.userId(), viewer.role().name())), null);
        return optionId;
    }

    public void withdraw(Viewer viewer, String caseId, String decisionId, String optionId, String reason) {
        teamOrPerson(viewer, caseId);
        decision(caseId, decisionId);
        send(new WithdrawOption(decisionId, optionId, reason), reason);
    }

    public void present(Viewer viewer, String caseId, String decisionId) {
        guard.workable(viewer, caseId);
        decision(caseId, decisionId);
        send(new PresentOptions(decisionId), null);
    }

    public void recordPreferences(Viewer viewer, String caseId, String decisionId, String whatMattersMost,
                                  String preferences) {
        teamOrPerson(viewer, caseId);
        decision(caseId, decisionId);
        send(new RecordPreferences(decisionId, whatMattersMost, preferences, viewer.userId()), null);
    }

    /** The psychiatrist's and the peer's views are recorded separately, each by its own author. */
    public void recordView(Viewer viewer, String caseId, String decisionId, String view, Sensitivity category) {
        guard.workable(viewer, caseId);
        decision(caseId, decisionId);
        if (viewer.role() == AccountRole.PSYCHIATRIST) {
            send(new RecordPsychiatristView(decisionId, viewer.userId(), view, category), null);
        } else if (viewer.role() == AccountRole.PEER_SPECIALIST) {
            send(new RecordPeerView(decisionId, viewer.userId(), view, category), null);
        } else {
            throw new NotPermitted("Views are recorded by the dyad: the psychiatrist and the peer specialist.");
        }
    }

    public void choose(Viewer viewer, String caseId, String decisionId, Choice choice) {
        CaseView c = teamOrPerson(viewer, caseId);
        decision(caseId, decisionId);
        if (choice.notNow() == (choice.optionId() != null)) {
            throw new InvalidInput("optionId", "Choose one option, or say \"not now\" (notNow: true) — not both, not neither.");
        }
        boolean byThePerson = c.isPersonServed(viewer.userId());
        ChosenBy chosenBy = byThePerson ? ChosenBy.PERSON : choice.chosenBy() == null ? ChosenBy.PERSON : choice.chosenBy();
        String chooserName = chosenBy == ChosenBy.PERSON ? c.getPreferredName() : proxyName(c, choice.chooserName());
        send(new RecordChoice(decisionId, choice.optionId(), choice.inTheirWords(), chosenBy, chooserName,
                viewer.userId(), byThePerson, !byThePerson && choice.attestChooserPresent()), null);
    }

    public void revisit(Viewer viewer, String caseId, String decisionId, String reason) {
        teamOrPerson(viewer, caseId);
        decision(caseId, decisionId);
        send(new RevisitDecision(decisionId, reason), reason);
    }

    /** CollaboRATE is the person's own rating of the conversation. */
    public void recordCollaborate(Viewer viewer, String caseId, String decisionId, int explained, int listened,
                                  int included) {
        CaseView c = guard.readable(viewer, caseId);
        if (!c.isPersonServed(viewer.userId())) {
            throw new NotPermitted("CollaboRATE is answered by the person served, about how they were included.");
        }
        decision(caseId, decisionId);
        send(new RecordCollaborate(decisionId, explained, listened, included), null);
    }

    public List<DecisionView> list(Viewer viewer, String caseId) {
        CaseView c = guard.readable(viewer, caseId);
        List<ConsentTerms> inForce = consents.termsInForce(caseId);
        return views.findByCase(caseId).stream().sorted(Comparator.comparing(DecisionView::getOpenedAt))
                .map(d -> readableBy(viewer, c, d, inForce)).toList();
    }

    public DecisionView get(Viewer viewer, String caseId, String decisionId) {
        CaseView c = guard.readable(viewer, caseId);
        return readableBy(viewer, c, decision(caseId, decisionId), consents.termsInForce(caseId));
    }

    private DecisionView readableBy(Viewer viewer, CaseView c, DecisionView decision, List<ConsentTerms> inForce) {
        Instant now = clock.instant();
        DecisionView filtered = decision.filtered(
                words -> policy.mayRead(viewer, c, words.category(), words.byId(), inForce, now),
                AccessPolicy::placeholderFor);
        for (DecisionView.Words words : Arrays.asList(filtered.getPsychiatristView(), filtered.getPeerView())) {
            if (words != null && !words.withheld() && words.category() != Sensitivity.GENERAL
                    && !viewer.userId().equals(words.byId()) && !c.isPersonServed(viewer.userId())) {
                accessLog.record(new AccessRecord(viewer.userId(), viewer.role().name(), c.getCaseId(),
                        "decision " + decision.getDecisionId() + ", view by " + words.byId(), words.category(), "REST", now));
            }
        }
        return filtered;
    }

    /** The person's own decisions across their cases, those waiting for them first. */
    public List<DecisionView> mine(Viewer viewer) {
        return cases.findByPersonServed(viewer.userId()).stream()
                .flatMap(c -> views.findByCase(c.getCaseId()).stream()
                        .map(d -> readableBy(viewer, c, d, consents.termsInForce(c.getCaseId()))))
                .sorted(Comparator.comparing((DecisionView d) -> !d.isWaitingForThePerson())
                        .thenComparing(DecisionView::getOpenedAt))
                .toList();
    }

    private CaseView teamOrPerson(Viewer viewer, String caseId) {
        CaseView c = guard.readable(viewer, caseId);
        if (c.isPersonServed(viewer.userId())) {
            return c;
        }
        return guard.workable(viewer, caseId);
    }

    private static String proxyName(CaseView c, String given) {
        Contact proxy = c.getAdvanceDirective() == null ? null : c.getAdvanceDirective().proxy();
        if (proxy == null) {
            throw new DomainRuleViolation("The person's advance directive names no proxy, so only the person chooses.");
        }
        if (given != null && !given.isBlank() && !given.strip().equalsIgnoreCase(proxy.name().strip())) {
            throw new InvalidInput("chooserName", "The advance directive names " + proxy.name() + " as proxy.");
        }
        return proxy.name();
    }

    private DecisionView decision(String caseId, String decisionId) {
        return views.find(decisionId).filter(d -> d.getCaseId().equals(caseId))
                .orElseThrow(() -> new NotFound("No decision " + decisionId + " on this case."));
    }

    private void send(DecisionCommand command, String reason) {
        sender.send(command, command.decisionId(),
                () -> views.find(command.decisionId()).map(DecisionView::getVersion).orElse(-1L), reason);
    }
}
