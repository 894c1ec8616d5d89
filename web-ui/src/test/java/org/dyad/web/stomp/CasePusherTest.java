package org.dyad.web.stomp;

import org.dyad.application.cases.CaseView;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpSubscription;
import org.springframework.messaging.simp.user.SimpSubscriptionMatcher;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class CasePusherTest {

    private final List<Message<?>> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger scans = new AtomicInteger();
    private final CountDownLatch firstScanMayEnd = new CountDownLatch(1);

    @Test
    void changesThatComeBeforeAPushSendsGoOutOnceACaseWithTheNewestRevision() throws Exception {
        SimpSubscription followsCase1 = subscription("psychiatrist", "/user/queue/cases/case-1");
        SimpSubscription followsCase2 = subscription("peer", "/user/queue/cases/case-2");
        SimpSubscription watchesBoard = subscription("nurse", "/user/queue/boards/north");
        CasePusher pusher = new CasePusher(new SimpMessagingTemplate(capture()),
                registry(Set.of(followsCase1, followsCase2, watchesBoard)));
        try {
            pusher.caseViewChanged(view("case-1", 1));
            await().atMost(Duration.ofSeconds(5)).until(() -> scans.get() == 1);
            // The first push is looking through the subscriptions; these all wait for the next one.
            for (long revision = 2; revision <= 40; revision++) {
                pusher.caseViewChanged(view("case-1", revision));
                pusher.caseViewChanged(view("case-2", revision));
                pusher.caseViewChanged(view("case-3", revision));
            }
            firstScanMayEnd.countDown();

            // The push they scheduled has looked too, after the one under way had sent all it took.
            await().atMost(Duration.ofSeconds(5)).until(() -> scans.get() == 2);
            // The push under way takes them all: one message a followed case, its newest revision; the push they
            // scheduled finds nothing left. Two looks through the subscriptions for 118 changes.
            assertThat(sent.stream().map(m -> destination(m) + " " + m.getPayload()).toList()).containsExactlyInAnyOrder(
                    "/user/psychiatrist/queue/cases/case-1 CaseChanged[caseId=case-1, revision=40]",
                    "/user/peer/queue/cases/case-2 CaseChanged[caseId=case-2, revision=40]");
            assertThat(scans).hasValue(2);

            pusher.caseViewChanged(view("case-2", 41));
            await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 3);
            assertThat(sent.get(2).getPayload()).isEqualTo(new CasePusher.CaseChanged("case-2", 41));
        } finally {
            firstScanMayEnd.countDown();
            pusher.stop();
        }
    }

    private static CaseView view(String caseId, long revision) {
        CaseView view = mock(CaseView.class);
        when(view.getCaseId()).thenReturn(caseId);
        when(view.getRevision()).thenReturn(revision);
        return view;
    }

    private static SimpSubscription subscription(String user, String destination) {
        SimpUser simpUser = mock(SimpUser.class);
        when(simpUser.getName()).thenReturn(user);
        SimpSession session = mock(SimpSession.class);
        when(session.getUser()).thenReturn(simpUser);
        SimpSubscription subscription = mock(SimpSubscription.class);
        when(subscription.getDestination()).thenReturn(destination);
        when(subscription.getSession()).thenReturn(session);
        return subscription;
    }

    private SimpUserRegistry registry(Set<SimpSubscription> subscriptions) {
        SimpUserRegistry registry = mock(SimpUserRegistry.class);
        when(registry.findSubscriptions(org.mockito.ArgumentMatchers.any())).thenAnswer(call -> {
            SimpSubscriptionMatcher matcher = call.getArgument(0);
            if (scans.incrementAndGet() == 1) {
                firstScanMayEnd.await(5, TimeUnit.SECONDS);
            }
            return subscriptions.stream().filter(matcher::match).collect(Collectors.toSet());
        });
        return registry;
    }

    private MessageChannel capture() {
        return (message, timeout) -> sent.add(message);
    }

    private static String destination(Message<?> message) {
        return SimpMessageHeaderAccessor.getDestination(message.getHeaders());
    }
}
