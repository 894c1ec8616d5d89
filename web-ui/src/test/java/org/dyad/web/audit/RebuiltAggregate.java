package org.dyad.web.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.dyad.domain.cases.Case;
import org.dyad.domain.cases.CaseEvent;
import org.dyad.domain.consent.Consent;
import org.dyad.domain.consent.ConsentEvent;
import org.dyad.domain.cotreatment.CoTreatmentSession;
import org.dyad.domain.cotreatment.SessionEvent;
import org.dyad.domain.decision.DecisionEvent;
import org.dyad.domain.decision.SharedDecision;
import org.dyad.domain.disclosure.Disclosure;
import org.dyad.domain.restriction.Coercion;
import org.dyad.domain.restriction.CoercionEvent;
import org.dyad.domain.restriction.InterventionEvent;
import org.dyad.domain.restriction.RestrictiveIntervention;
import org.dyad.domain.disclosure.DisclosureEvent;

import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.mockito.Mockito;

import java.lang.reflect.Field;
import java.util.List;

/** An aggregate as Axon rebuilds it from a prefix of its own stored events, and what it then knows (its private fields). */
final class RebuiltAggregate {

    private final Object root;

    private RebuiltAggregate(Object root) {
        this.root = root;
    }

    static RebuiltAggregate from(List<? extends DomainEventMessage<?>> prefix) {
        return new RebuiltAggregate(rebuild(typeOf(prefix.get(0).getPayload()), prefix));
    }

    Class<?> type() {
        return root.getClass();
    }

    @SuppressWarnings("unchecked")
    <T> T field(String name) {
        try {
            Field field = root.getClass().getDeclaredField(name);
            field.setAccessible(true);
            return (T) field.get(root);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("no field " + name + " on " + root.getClass().getSimpleName(), e);
        }
    }

    private static <T> T rebuild(Class<T> type, List<? extends DomainEventMessage<?>> prefix) {
        // Command handlers are never called here, but their parameters must resolve for Axon to inspect the type.
        ParameterResolverFactory resolvers = MultiParameterResolverFactory.ordered(
                ClasspathParameterResolverFactory.forClass(type),
                new SimpleResourceParameterResolverFactory(List.of(Mockito.mock(DeadlineManager.class))));
        AggregateModel<T> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(type, resolvers);
        T root = new GenericAggregateFactory<>(model).createAggregateRoot(prefix.get(0).getAggregateIdentifier(), prefix.get(0));
        EventSourcedAggregate<T> aggregate = EventSourcedAggregate.initialize(root, model, null, NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(prefix));
        return aggregate.getAggregateRoot();
    }

    private static Class<?> typeOf(Object firstEvent) {
        if (firstEvent instanceof CaseEvent) {
            return Case.class;
        }
        if (firstEvent instanceof SessionEvent) {
            return CoTreatmentSession.class;
        }
        if (firstEvent instanceof DecisionEvent) {
            return SharedDecision.class;
        }
        if (firstEvent instanceof ConsentEvent) {
            return Consent.class;
        }
        if (firstEvent instanceof DisclosureEvent) {
            return Disclosure.class;
        }
        if (firstEvent instanceof InterventionEvent) {
            return RestrictiveIntervention.class;
        }
        if (firstEvent instanceof CoercionEvent) {
            return Coercion.class;
        }
        throw new AssertionError("no aggregate for " + firstEvent.getClass());
    }
}
