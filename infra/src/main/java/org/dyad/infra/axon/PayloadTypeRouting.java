package org.dyad.infra.axon;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's invokers for a processing group, but each event goes only to the handlers declared for its payload type.
 * Axon asks every handler object of the group, twice per event (may it handle this? then handle it), each time
 * through a stream over that object's handler methods; with seven projections in one group that was a quarter of
 * the processor thread while it caught up on 1M events at start-up. Here the handler objects able to take a payload type are found once per type.
 * What runs, in which order, with which error handler, segment and replay rules, stays as in
 * {@link MultiEventHandlerInvoker} and {@link SimpleEventHandlerInvoker}.
 */
public final class PayloadTypeRouting implements EventHandlerInvoker {

    private record Target(SimpleEventHandlerInvoker owner, boolean ownerSupportsReset, EventMessageHandler handler) {
    }

    private final EventHandlerInvoker delegate;
    private final List<SimpleEventHandlerInvoker> owners;
    private final Map<Class<?>, Target[]> targetsByType = new ConcurrentHashMap<>();

    private PayloadTypeRouting(EventHandlerInvoker delegate, List<SimpleEventHandlerInvoker> owners) {
        this.delegate = delegate;
        this.owners = owners;
    }

    /** Routes by payload type when Axon built plain handler invokers; anything else (sagas, dead letters) as it is. */
    public static EventHandlerInvoker of(EventHandlerInvoker invoker) {
        List<EventHandlerInvoker> parts = invoker instanceof MultiEventHandlerInvoker multi
                ? multi.delegates() : List.of(invoker);
        List<SimpleEventHandlerInvoker> owners = new ArrayList<>();
        for (EventHandlerInvoker part : parts) {
            if (part.getClass() != SimpleEventHandlerInvoker.class) {
                return invoker;
            }
            owners.add((SimpleEventHandlerInvoker) part);
        }
        return new PayloadTypeRouting(invoker, List.copyOf(owners));
    }

    @Override
    public boolean canHandle(EventMessage<?> event, Segment segment) {
        boolean replay = ReplayToken.isReplay(event);
        for (Target target : targets(event.getPayloadType())) {
            if (runs(target, event, segment, replay) && target.handler.canHandle(event)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void handle(EventMessage<?> event, Segment segment) throws Exception {
        boolean replay = ReplayToken.isReplay(event);
        for (Target target : targets(event.getPayloadType())) {
            if (runs(target, event, segment, replay)) {
                try {
                    target.handler.handle(event);
                } catch (Exception e) {
                    target.owner.getListenerInvocationErrorHandler().onError(e, event, target.handler);
                }
            }
        }
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return targets(payloadType).length > 0;
    }

    @Override
    public boolean supportsReset() {
        return delegate.supportsReset();
    }

    @Override
    public void performReset() {
        delegate.performReset();
    }

    @Override
    public <R> void performReset(R resetContext) {
        delegate.performReset(resetContext);
    }

    @Override
    public void segmentReleased(Segment segment) {
        delegate.segmentReleased(segment);
    }

    /** Axon's rules: an invoker that cannot reset sees no replayed event; each invoker keeps to its segment. */
    private static boolean runs(Target target, EventMessage<?> event, Segment segment, boolean replay) {
        if (replay && !target.ownerSupportsReset) {
            return false;
        }
        if (segment.getMask() == 0) {
            return true;
        }
        Object sequence = target.owner.getSequencingPolicy().getSequenceIdentifierFor(event);
        return segment.matches(Objects.hashCode(sequence == null ? event.getIdentifier() : sequence));
    }

    private Target[] targets(Class<?> payloadType) {
        return targetsByType.computeIfAbsent(payloadType, this::findTargets);
    }

    private Target[] findTargets(Class<?> payloadType) {
        List<Target> found = new ArrayList<>();
        for (SimpleEventHandlerInvoker owner : owners) {
            for (EventMessageHandler handler : owner.eventHandlers()) {
                if (handler.canHandleType(payloadType)) {
                    found.add(new Target(owner, owner.supportsReset(), handler));
                }
            }
        }
        return found.toArray(Target[]::new);
    }
}
