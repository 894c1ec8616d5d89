package org.dyad.application.restriction;

import org.dyad.domain.restriction.CoercionEvent;
import org.dyad.domain.restriction.CoercionEvent.*;

import java.util.function.Function;

import static org.dyad.domain.shared.Charting.isLate;

/** How one soft-coercion event changes its view: the live projection and the state as of any point share it. */
public final class CoercionFold {

    private CoercionFold() {
    }

    public static CoercionView apply(CoercionView view, CoercionEvent event, long sequence, Function<String, String> name) {
        CoercionView v = view;
        if (event instanceof CoercionRecorded e) {
            v = new CoercionView(e.coercionId(), e.caseId(), e.kind(), e.whatHappened(), e.recordedBy(),
                    name.apply(e.recordedBy()), e.recordedByPersonServed(), e.occurredAt(), e.recordedAt(),
                    isLate(e.occurredAt(), e.recordedAt()));
        } else if (v == null) {
            throw new IllegalStateException("no view for coercion " + event.coercionId() + " at event " + sequence);
        } else if (event instanceof PersonsAccountOfCoercionAdded e) {
            v.accountAdded(new CoercionView.Account(e.account(), e.recordedAt()));
        }
        v.applied(sequence);
        return v;
    }
}
