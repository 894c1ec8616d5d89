package org.dyad.application.board;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.dyad.application.cases.CaseView;
import org.dyad.application.cases.CaseViews;
import org.dyad.application.shared.ReadModelBatch;
import org.dyad.domain.cases.CaseEvent;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Before the case-views processor handles the first event of a batch, reads the case views, board versions and
 * board rows that the batch's case events will change, a few queries for the lot instead of one query for each.
 * The case-views handlers only keep read models, so the batch is marked as a {@link ReadModelBatch}.
 * <p>
 * The view and the row of a case the batch opens are not read: a case's views start at its opening. The store can
 * hold them only when an earlier try at these events wrote its views and then failed before storing its token;
 * folding the same events again from the opening makes the same views.
 */
@Component
public class BatchPrefetch implements MessageHandlerInterceptor<EventMessage<?>> {

    private final CaseViews views;
    private final Boards boards;

    public BatchPrefetch(CaseViews views, Boards boards) {
        this.views = views;
        this.boards = boards;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        if (root instanceof BatchingUnitOfWork<?> batch && ReadModelBatch.mark(batch)) {
            prefetch(batch.getMessages());
        }
        return interceptorChain.proceed();
    }

    private void prefetch(List<? extends Message<?>> messages) {
        Set<String> caseIds = new LinkedHashSet<>();
        Set<String> opened = new LinkedHashSet<>();
        Set<String> units = new LinkedHashSet<>();
        for (Message<?> message : messages) {
            if (CaseEvent.class.isAssignableFrom(message.getPayloadType())
                    && message.getPayload() instanceof CaseEvent event) {
                caseIds.add(event.caseId());
                if (event instanceof CaseEvent.CaseOpened opening) {
                    opened.add(opening.caseId());
                    units.add(opening.unit());
                }
            }
        }
        if (caseIds.isEmpty()) {
            return;
        }
        views.prefetch(caseIds, opened);
        caseIds.forEach(id -> views.find(id).map(CaseView::getUnit).ifPresent(units::add));
        boards.prefetch(units, caseIds, opened);
    }
}
