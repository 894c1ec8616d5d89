package org.dyad.application.disclosure;

import org.dyad.domain.disclosure.DisclosureEvent;
import org.dyad.domain.disclosure.DisclosureEvent.*;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How one disclosure event changes its view, and what a case's requests say of it: shared by projection and replay. */
public final class DisclosureFold {

    private DisclosureFold() {
    }

    /** The view after {@code event}; {@code view} is null before the request's first event. */
    public static DisclosureView apply(DisclosureView view, DisclosureEvent event, long sequence,
                                       Function<String, String> displayName) {
        DisclosureView v;
        if (event instanceof DisclosureRequested e) {
            v = new DisclosureView(e.disclosureId(), e.caseId(), e.requesterId(), displayName.apply(e.requesterId()),
                    e.requesterRole(), e.holderId(), displayName.apply(e.holderId()), e.category(), e.purpose(),
                    e.whatIsAsked(), e.at());
        } else if (view == null) {
            throw new IllegalStateException("no view for disclosure " + event.disclosureId() + " at event " + sequence);
        } else {
            v = view;
            if (event instanceof InformationShared e) {
                v.shared(e.whatIsShared(), e.consentId(), e.redisclosureNotice(), e.at());
            } else if (event instanceof DisclosureDeclined e) {
                v.declined(e.at());
            }
        }
        v.applied(sequence);
        return v;
    }

    /** The case's open requests, counted per holder they are addressed to. */
    public static Map<String, Integer> openRequestsByHolder(Collection<DisclosureView> caseDisclosures) {
        return caseDisclosures.stream()
                .filter(d -> d.getStatus() == DisclosureView.Status.OPEN)
                .collect(Collectors.toMap(DisclosureView::getHolderId, d -> 1, Integer::sum, TreeMap::new));
    }
}
