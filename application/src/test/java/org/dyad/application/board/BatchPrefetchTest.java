package org.dyad.application.board;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.dyad.application.cases.CaseView;
import org.dyad.application.cases.CaseViews;
import org.dyad.application.cases.TestCaseViews;
import org.dyad.domain.cases.CaseEvent;
import org.dyad.domain.cases.Setting;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BatchPrefetchTest {

    private final Map<String, CaseView> stored = Map.of("c-1", TestCaseViews.onNorth("c-1", "p-1", false, "u-1"));
    private final List<List<String>> viewPrefetches = new ArrayList<>();
    private final List<List<String>> viewsOpened = new ArrayList<>();

    private final CaseViews views = new CaseViews() {
        @Override
        public Optional<CaseView> find(String caseId) {
            return Optional.ofNullable(stored.get(caseId));
        }

        @Override
        public void save(CaseView view) {
        }

        @Override
        public void prefetch(Collection<String> caseIds, Collection<String> opened) {
            viewPrefetches.add(List.copyOf(caseIds));
            viewsOpened.add(List.copyOf(opened));
        }

        @Override
        public List<CaseView> findByUnit(String unit) {
            return List.of();
        }

        @Override
        public List<CaseView> findByPersonServed(String userId) {
            return List.of();
        }
    };

    private final InMemoryBoards boards = new InMemoryBoards();

    @Test
    void readsTheBatchsCaseViewsAndTheirBoardsOnceBeforeItsFirstEvent() throws Exception {
        List<EventMessage<?>> batch = List.of(
                event(new CaseEvent.GoalsRecorded("c-1", "home", List.of("sleep"), List.of())),
                event(new CaseEvent.CaseOpened("c-2", "Sam", null, LocalDate.of(1990, 1, 1), Setting.OUTPATIENT,
                        "south", "p-2", false)),
                event("not a case event"),
                event(new CaseEvent.CaseClosed("c-1", "done")));
        BatchPrefetch prefetch = new BatchPrefetch(views, boards);
        List<Object> handled = new ArrayList<>();

        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        // Like a processor: the batch runs the task once for each of its messages.
        unitOfWork.executeWithResult(() -> handled.add(prefetch.handle(unitOfWork, () -> "handled")));

        assertThat(handled).containsOnly("handled").hasSize(4);
        assertThat(viewPrefetches).containsExactly(List.of("c-1", "c-2"));
        assertThat(viewsOpened).containsExactly(List.of("c-2"));
        assertThat(boards.prefetchedUnits).hasSize(1);
        assertThat(boards.prefetchedUnits.get(0)).containsExactlyInAnyOrder("south", "north");
        assertThat(boards.prefetchedCases).containsExactly(List.of("c-1", "c-2"));
        assertThat(boards.startedEmpty).containsExactly(List.of("c-2"));
    }

    @Test
    void aBatchWithoutCaseEventsReadsNothing() throws Exception {
        List<EventMessage<?>> batch = List.of(event("not a case event"));
        BatchPrefetch prefetch = new BatchPrefetch(views, boards);
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.executeWithResult(() -> prefetch.handle(unitOfWork, () -> "handled"));
        assertThat(viewPrefetches).isEmpty();
        assertThat(boards.prefetchedUnits).isEmpty();
    }

    private static EventMessage<?> event(Object payload) {
        return GenericEventMessage.asEventMessage(payload);
    }
}
