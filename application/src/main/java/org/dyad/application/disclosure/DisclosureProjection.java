package org.dyad.application.disclosure;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.dyad.application.cases.CaseProjection;
import org.dyad.application.shared.ReadModelFreshness;
import org.dyad.application.users.UserDirectory;
import org.dyad.domain.disclosure.DisclosureEvent;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.stream.Stream;

/** Keeps disclosure views current by {@link DisclosureFold}, and each case's count of open requests per holder. */
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

    /** Idempotent: an event at or below the stored version was applied already. */
    @EventHandler
    void on(DisclosureEvent e, @SequenceNumber long seq) {
        DisclosureView view = views.find(e.disclosureId()).orElse(null);
        if (view != null && view.getVersion() >= seq) {
            return;
        }
        store(DisclosureFold.apply(view, e, seq, users::displayName));
    }

    /** Derived case fields first, the disclosure last: once a caller sees its version, all of it shows. */
    private void store(DisclosureView view) {
        Map<String, Integer> open = DisclosureFold.openRequestsByHolder(Stream.concat(Stream.of(view),
                views.findByCase(view.getCaseId()).stream()
                        .filter(d -> !d.getDisclosureId().equals(view.getDisclosureId()))).toList());
        cases.amend(view.getCaseId(), c -> {
            if (c.getOpenRequestsByHolder().equals(open)) {
                return false;
            }
            c.setOpenRequestsByHolder(open);
            return true;
        });
        views.save(view);
        cases.refile(view.getCaseId());
        freshness.changed(view.getDisclosureId(), view.getVersion());
    }
}
