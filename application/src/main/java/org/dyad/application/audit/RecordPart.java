package org.dyad.application.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.dyad.application.cases.CaseView;

import java.util.List;
import java.util.function.Function;

/** One kind of record kept around a case: a new kind joins replay, verification and state-as-of by adding one bean. */
public interface RecordPart<V> {

    /** Its name in a state as of a point, e.g. "sessions". */
    String name();

    /** The ids of this kind's aggregates that belong to the case. */
    List<String> aggregatesOf(String caseId);

    /** Whether this payload is one of this kind's events. */
    boolean folds(Object payload);

    /** The view after {@code event}, by the same fold the live projection uses; {@code view} is null before the first. */
    V fold(V view, DomainEventMessage<?> event, Folding folding);

    /** What a fold may look up beyond its event: the case as folded so far, and people's names. */
    record Folding(CaseView caseSoFar, Function<String, String> displayName) {
    }

    /** Sets the case fields derived from this kind's views (next session, decisions waiting, ...). */
    default void summarise(CaseView caseView, List<V> views) {
    }

    /** The views as the auditor may read them, in the order a reader expects. */
    List<?> shown(List<V> views, AuditRedaction redaction);
}
