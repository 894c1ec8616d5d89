package org.dyad.application.restriction;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.dyad.application.cases.CaseProjection;
import org.dyad.application.shared.ReadModelFreshness;
import org.dyad.application.users.UserDirectory;
import org.dyad.domain.restriction.InterventionEvent;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Keeps intervention views current, and each case's list of episodes the unit must keep in sight. */
@Component
@ProcessingGroup(CaseProjection.PROCESSING_GROUP)
public class InterventionProjection {

    private final InterventionViews views;
    private final CaseProjection cases;
    private final UserDirectory users;
    private final ReadModelFreshness freshness;

    public InterventionProjection(InterventionViews views, CaseProjection cases, UserDirectory users,
                                  ReadModelFreshness freshness) {
        this.views = views;
        this.cases = cases;
        this.users = users;
        this.freshness = freshness;
    }

    /** Idempotent: an event at or below the stored version was applied already. */
    @EventHandler
    void on(InterventionEvent e, @SequenceNumber long seq, @MetaDataValue("actorId") String actorId) {
        InterventionView view = views.find(e.interventionId()).orElse(null);
        if (view != null && view.getVersion() >= seq) {
            return;
        }
        store(InterventionFold.apply(view, e, seq, actorId, users::displayName));
    }

    /** The case's board entry first, the episode last: once a caller sees the episode's version, all of it shows. */
    private void store(InterventionView view) {
        List<InterventionView> episodes = Stream.concat(Stream.of(view), views.findByCase(view.getCaseId()).stream()
                .filter(i -> !i.getInterventionId().equals(view.getInterventionId()))).toList();
        var onBoard = InterventionFold.onBoard(episodes);
        cases.amend(view.getCaseId(), c -> {
            if (Objects.equals(c.getRestrictions(), onBoard)) {
                return false;
            }
            c.setRestrictions(onBoard);
            return true;
        });
        views.save(view);
        cases.refile(view.getCaseId());
        freshness.changed(view.getInterventionId(), view.getVersion());
    }
}
