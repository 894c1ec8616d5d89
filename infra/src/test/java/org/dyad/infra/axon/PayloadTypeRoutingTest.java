package org.dyad.infra.axon;

import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadTypeRoutingTest {

    record Opened(String caseId) {
    }

    record Closed(String caseId) {
    }

    record Noted(String caseId) {
    }

    static final class CaseRows {
        private final List<String> log;

        CaseRows(List<String> log) {
            this.log = log;
        }

        @EventHandler
        void on(Opened event) {
            log.add("rows opened " + event.caseId());
        }

        @EventHandler
        void on(Closed event) {
            log.add("rows closed " + event.caseId());
        }
    }

    static final class FailsOnClose {
        @EventHandler
        void on(Closed event) {
            throw new IllegalStateException("cannot close " + event.caseId());
        }
    }

    @DisallowReplay
    static final class Notices {
        private final List<String> log;

        Notices(List<String> log) {
            this.log = log;
        }

        @EventHandler
        void on(Opened event) {
            log.add("notice opened " + event.caseId());
        }
    }

    static final class EveryEvent {
        private final List<String> log;

        EveryEvent(List<String> log) {
            this.log = log;
        }

        @EventHandler
        void on(Object event) {
            log.add("every " + event.getClass().getSimpleName());
        }
    }

    /** Answers for one payload type and counts every question it is asked. */
    static final class Counting implements EventMessageHandler {
        private final Class<?> type;
        int asked;
        int handled;

        Counting(Class<?> type) {
            this.type = type;
        }

        @Override
        public boolean canHandle(EventMessage<?> event) {
            asked++;
            return type.isAssignableFrom(event.getPayloadType());
        }

        @Override
        public boolean canHandleType(Class<?> payloadType) {
            return type.isAssignableFrom(payloadType);
        }

        @Override
        public Object handle(EventMessage<?> event) {
            asked++;
            if (type.isAssignableFrom(event.getPayloadType())) {
                handled++;
            }
            return null;
        }

        @Override
        public Class<?> getTargetType() {
            return type;
        }
    }

    @Test
    void everyEventReachesTheSameHandlersInTheSameOrderAsAxonsOwnInvoker() throws Exception {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            String caseId = "case-" + n;
            events.add(event(caseId, 0, new Opened(caseId), n % 2 == 1));
            events.add(event(caseId, 1, new Noted(caseId), n % 2 == 1));
            events.add(event(caseId, 2, new Closed(caseId), n % 2 == 1));
        }
        Segment[] whole = {Segment.ROOT_SEGMENT};
        Segment[] halves = Segment.ROOT_SEGMENT.split();

        for (Segment[] segments : List.of(whole, halves)) {
            List<String> axonLog = new ArrayList<>();
            List<String> routedLog = new ArrayList<>();
            EventHandlerInvoker axon = invokers(axonLog);
            EventHandlerInvoker routed = PayloadTypeRouting.of(invokers(routedLog));
            assertThat(routed).isInstanceOf(PayloadTypeRouting.class);

            for (TrackedEventMessage<?> event : events) {
                for (Segment segment : segments) {
                    boolean axonCan = axon.canHandle(event, segment);
                    assertThat(routed.canHandle(event, segment)).as("%s in %s", event.getPayload(), segment)
                            .isEqualTo(axonCan);
                    axonLog.add("-- " + event.getPayload() + " " + segment + " " + axonCan);
                    routedLog.add("-- " + event.getPayload() + " " + segment + " " + axonCan);
                    axon.handle(event, segment);
                    routed.handle(event, segment);
                }
            }
            assertThat(routedLog).isEqualTo(axonLog);
            assertThat(routedLog).contains("rows opened case-0", "notice opened case-0", "every Noted",
                    "error cannot close case-1");
            assertThat(routedLog).doesNotContain("notice opened case-1");
        }
    }

    @Test
    void handlersNotDeclaredForAnEventsTypeAreNotAsked() throws Exception {
        Counting opened = new Counting(Opened.class);
        Counting closed = new Counting(Closed.class);
        Counting anything = new Counting(Object.class);
        EventHandlerInvoker routed = PayloadTypeRouting.of(new MultiEventHandlerInvoker(
                SimpleEventHandlerInvoker.builder().eventHandlers(opened, closed).build(),
                SimpleEventHandlerInvoker.builder().eventHandlers(anything).build()));

        for (int n = 0; n < 3; n++) {
            TrackedEventMessage<?> event = event("case-" + n, 0, new Opened("case-" + n), false);
            assertThat(routed.canHandle(event, Segment.ROOT_SEGMENT)).isTrue();
            routed.handle(event, Segment.ROOT_SEGMENT);
        }
        TrackedEventMessage<?> noted = event("case-9", 0, new Noted("case-9"), false);
        routed.handle(noted, Segment.ROOT_SEGMENT);

        assertThat(closed.asked).isZero();
        assertThat(opened.handled).isEqualTo(3);
        assertThat(anything.handled).isEqualTo(4);
        assertThat(routed.canHandleType(Closed.class)).isTrue();
    }

    @Test
    void anyOtherKindOfInvokerIsLeftAsAxonBuiltIt() {
        EventHandlerInvoker custom = new EventHandlerInvoker() {
            @Override
            public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
                return true;
            }

            @Override
            public void handle(EventMessage<?> message, Segment segment) {
            }
        };
        MultiEventHandlerInvoker mixed = new MultiEventHandlerInvoker(custom,
                SimpleEventHandlerInvoker.builder().eventHandlers(new Counting(Opened.class)).build());

        assertThat(PayloadTypeRouting.of(custom)).isSameAs(custom);
        assertThat(PayloadTypeRouting.of(mixed)).isSameAs(mixed);
    }

    private static MultiEventHandlerInvoker invokers(List<String> log) {
        return new MultiEventHandlerInvoker(
                SimpleEventHandlerInvoker.builder()
                        .eventHandlers(new CaseRows(log), new FailsOnClose())
                        .listenerInvocationErrorHandler((e, event, handler) -> log.add("error " + e.getMessage()))
                        .build(),
                SimpleEventHandlerInvoker.builder()
                        .eventHandlers(new Notices(log), new EveryEvent(log))
                        .build());
    }

    private static TrackedEventMessage<?> event(String caseId, long sequence, Object payload, boolean replay) {
        GlobalSequenceTrackingToken position = new GlobalSequenceTrackingToken(sequence);
        return new GenericTrackedDomainEventMessage<>(
                replay ? ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(100), position) : position,
                new GenericDomainEventMessage<>("Case", caseId, sequence, payload));
    }
}
