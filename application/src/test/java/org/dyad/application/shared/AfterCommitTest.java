package org.dyad.application.shared;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AfterCommitTest {

    private final EventMessage<?> event = GenericEventMessage.asEventMessage("changed");
    private final List<List<String>> cases = new ArrayList<>();
    private final List<List<String>> boards = new ArrayList<>();

    @Test
    void aBatchsChangesReachTheirAnnouncementInOneCallOnceItHasCommitted() throws Exception {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(event, event, event));
        List<Integer> announcedWhileHandling = new ArrayList<>();
        int[] n = {0};
        batch.executeWithResult(() -> {
            n[0]++;
            AfterCommit.gather("cases", "case-" + n[0], cases::add);
            AfterCommit.gather("boards", "north-" + n[0], boards::add);
            announcedWhileHandling.add(cases.size() + boards.size());
            return null;
        });

        assertThat(announcedWhileHandling).containsExactly(0, 0, 0);
        assertThat(cases).containsExactly(List.of("case-1", "case-2", "case-3"));
        assertThat(boards).containsExactly(List.of("north-1", "north-2", "north-3"));
    }

    @Test
    void aBatchThatRollsBackAnnouncesNothing() {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(event));
        try {
            batch.executeWithResult(() -> {
                AfterCommit.gather("cases", "case-1", cases::add);
                throw new IllegalStateException("the view store is down");
            });
        } catch (Exception expected) {
            // the batch failed
        }
        assertThat(cases).isEmpty();
    }

    @Test
    void withoutAUnitOfWorkAChangeIsAnnouncedAtOnce() {
        AfterCommit.gather("cases", "case-1", cases::add);
        assertThat(cases).containsExactly(List.of("case-1"));
    }

    @Test
    void aWaiterIsToldWhenTheBatchsViewsAreWrittenBeforeItCommits() throws Exception {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(event, event));
        List<String> told = new ArrayList<>();
        List<Integer> toldBeforeCommit = new ArrayList<>();
        int[] n = {0};
        batch.executeWithResult(() -> {
            n[0]++;
            String caseId = "case-" + n[0];
            AfterCommit.runOnceViewsWritten(() -> told.add(caseId));
            if (n[0] == 2) {
                CurrentUnitOfWork.get().root().onPrepareCommit(u -> {
                    toldBeforeCommit.add(told.size());
                    AfterCommit.viewsWritten(); // as the token store does
                    toldBeforeCommit.add(told.size());
                    AfterCommit.viewsWritten(); // nothing is told twice
                    toldBeforeCommit.add(told.size());
                });
            }
            return null;
        });

        assertThat(toldBeforeCommit).containsExactly(0, 2, 2);
        assertThat(told).containsExactly("case-1", "case-2");
    }

    @Test
    void withoutWordThatTheViewsAreWrittenAWaiterIsToldAfterCommitAndNotAfterARollback() throws Exception {
        List<String> told = new ArrayList<>();
        new BatchingUnitOfWork<>(List.of(event)).executeWithResult(() -> {
            AfterCommit.runOnceViewsWritten(() -> told.add("committed"));
            assertThat(told).isEmpty();
            return null;
        });
        try {
            new BatchingUnitOfWork<>(List.of(event)).executeWithResult(() -> {
                AfterCommit.runOnceViewsWritten(() -> told.add("rolled back"));
                throw new IllegalStateException("the view store is down");
            });
        } catch (Exception expected) {
            // the batch failed before its views were written
        }
        AfterCommit.runOnceViewsWritten(() -> told.add("no unit of work"));
        assertThat(told).containsExactly("committed", "no unit of work");
    }
}
