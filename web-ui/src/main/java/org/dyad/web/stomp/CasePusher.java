package org.dyad.web.stomp;

import org.dyad.application.cases.CaseView;
import org.dyad.application.shared.AfterCommit;
import org.dyad.application.cases.CaseViewListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpSubscription;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells open case pages that their case changed (its revision), so each re-reads it through the access policy.
 * Only the revision travels here, never content: what a viewer sees is always decided by the REST read.
 * A batch's changes reach the pushing thread in one hand-over, and wait there with any before them; it sends each
 * case's newest revision once, after one look through the subscriptions.
 */
@Component
public class CasePusher implements CaseViewListener {

    public record CaseChanged(String caseId, long revision) {
    }

    private static final String CASE_CHANGES = "case-changes";

    private final SimpMessagingTemplate messaging;
    private final SimpUserRegistry userRegistry;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "case-pusher");
        thread.setDaemon(true);
        return thread;
    });
    /** Each changed case's newest revision not yet pushed. */
    private final Map<String, Long> unpushed = new ConcurrentHashMap<>();
    private final AtomicBoolean pushScheduled = new AtomicBoolean();

    public CasePusher(SimpMessagingTemplate messaging, SimpUserRegistry userRegistry) {
        this.messaging = messaging;
        this.userRegistry = userRegistry;
    }

    @Override
    public void caseViewChanged(CaseView view) {
        AfterCommit.gather(CASE_CHANGES, new CaseChanged(view.getCaseId(), view.getRevision()), changes -> {
            changes.forEach(changed -> unpushed.merge(changed.caseId(), changed.revision(), Math::max));
            if (pushScheduled.compareAndSet(false, true)) {
                executor.execute(this::pushUnpushed);
            }
        });
    }

    private void pushUnpushed() {
        // Cleared first: a change that comes after this line schedules the next push itself.
        pushScheduled.set(false);
        Map<String, Set<String>> usersByCase = new HashMap<>();
        for (SimpSubscription s : userRegistry.findSubscriptions(
                s -> s.getDestination() != null && s.getDestination().startsWith(BoardSubscriptions.CASE_DESTINATION_PREFIX))) {
            usersByCase.computeIfAbsent(s.getDestination().substring(BoardSubscriptions.CASE_DESTINATION_PREFIX.length()),
                    c -> new LinkedHashSet<>()).add(s.getSession().getUser().getName());
        }
        for (String caseId : Set.copyOf(unpushed.keySet())) {
            Long revision = unpushed.remove(caseId);
            Set<String> users = usersByCase.get(caseId);
            if (revision == null || users == null) {
                continue;
            }
            CaseChanged changed = new CaseChanged(caseId, revision);
            users.forEach(user -> messaging.convertAndSendToUser(user, "/queue/cases/" + caseId, changed, Map.of()));
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
