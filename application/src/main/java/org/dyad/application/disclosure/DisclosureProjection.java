package org.dyad.application.disclosure;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.dyad.application.cases.CaseProjection;
import org.dyad.application.shared.ReadModelFreshness;
import org.dyad.application.users.UserDirectory;
import org.dyad.domain.disclosure.DisclosureEvent.*;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Keeps disclosure views current, and each case's count of open requests per holder for the boards. */
@Component
@ProcessingGroup(CaseProjection.PROCESSING_GROUP)
public class DisclosureProjection {

    private final DisclosureViews views;
    private final CaseProjection cases;
    private final UserDirectory users;
    private final ReadModelFreshness freshness;

    public DisclosureProjection(DisclosureViews views, CaseProjection cases, UserDirectory users,
                                ReadModelFreshness freshness) {
        this.views = views;
        this.cases = cases;
        this.users = users;
        this.freshness = freshness;
    }

    @EventHandler
    void on(DisclosureRequested e, @SequenceNumber long seq) {
        if (views.find(e.disclosureId()).isPresent()) {
            return;
        }
        DisclosureView view = new DisclosureView(e.disclosureId(), e.caseId(), e.requesterId(),
                users.displayName(e.requesterId()), e.requesterRole(), e.holderId(), users.displayName(e.holderId()),
                e.category(), e.purpose(), e.whatIsAsked(), e.at());
        view.applied(seq);
        store(view);
    }

    @EventHandler
    void on(InformationShared e, @SequenceNumber long seq) {
        update(e.disclosureId(), seq, v -> v.shared(e.whatIsShared(), e.consentId(), e.redisclosureNotice(), e.at()));
    }

    @EventHandler
    void on(DisclosureDeclined e, @SequenceNumber long seq) {
        update(e.disclosureId(), seq, v -> v.declined(e.at()));
    }

    private void update(String disclosureId, long seq, Consumer<DisclosureView> change) {
        DisclosureView view = views.find(disclosureId)
                .orElseThrow(() -> new IllegalStateException("no view for disclosure " + disclosureId + " at event " + seq));
        if (view.getVersion() >= seq) {
            return;
        }
        change.accept(view);
        view.applied(seq);
        store(view);
    }

    /** Derived case fields first, the disclosure last: once a caller sees its version, all of it shows. */
    private void store(DisclosureView view) {
        Map<String, Integer> open = Stream.concat(Stream.of(view), views.findByCase(view.getCaseId()).stream()
                        .filter(d -> !d.getDisclosureId().equals(view.getDisclosureId())))
                .filter(d -> d.getStatus() == DisclosureView.Status.OPEN)
                .collect(Collectors.toMap(DisclosureView::getHolderId, d -> 1, Integer::sum, TreeMap::new));
        cases.amend(view.getCaseId(), c -> {
            if (c.getOpenRequestsByHolder().equals(open)) {
                return false;
            }
            c.setOpenRequestsByHolder(open);
            return true;
        });
        views.save(view);
        cases.refile(view.getCaseId());
        freshness.changed();
    }
}
