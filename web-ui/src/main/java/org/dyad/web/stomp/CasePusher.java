package org.dyad.web.stomp;

import org.dyad.application.cases.CaseView;
import org.dyad.application.shared.AfterCommit;
import org.dyad.application.cases.CaseViewListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpSubscription;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Tells open case pages that their case changed (its revision), so each re-reads it through the access policy.
 * Only the revision travels here, never content: what a viewer sees is always decided by the REST read.
 */
@Component
public class CasePusher implements CaseViewListener {

    public record CaseChanged(String caseId, long revision) {
    }

    private final SimpMessagingTemplate messaging;
    private final SimpUserRegistry userRegistry;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "case-pusher");
        thread.setDaemon(true);
        return thread;
    });

    public CasePusher(SimpMessagingTemplate messaging, SimpUserRegistry userRegistry) {
        this.messaging = messaging;
        this.userRegistry = userRegistry;
    }

    @Override
    public void caseViewChanged(CaseView view) {
        CaseChanged changed = new CaseChanged(view.getCaseId(), view.getRevision());
        AfterCommit.run(() -> executor.execute(() -> {
            String destination = BoardSubscriptions.CASE_DESTINATION_PREFIX + changed.caseId();
            Set<String> users = new LinkedHashSet<>();
            for (SimpSubscription s : userRegistry.findSubscriptions(s -> destination.equals(s.getDestination()))) {
                users.add(s.getSession().getUser().getName());
            }
            users.forEach(user -> messaging.convertAndSendToUser(user, "/queue/cases/" + changed.caseId(), changed,
                    Map.of()));
        }));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
