package org.dyad.application.restriction;

import org.dyad.application.access.NotPermitted;
import org.dyad.application.access.Viewer;
import org.dyad.application.cases.CaseGuard;
import org.dyad.application.cases.CaseView;
import org.dyad.application.shared.ClinicalTime;
import org.dyad.application.shared.CommandSender;
import org.dyad.application.shared.NotFound;
import org.dyad.domain.restriction.CoercionCommand;
import org.dyad.domain.restriction.CoercionCommand.*;
import org.dyad.domain.restriction.CoercionKind;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The soft-coercion ledger: anyone on the care team, the peer, or the person served records; the person answers. */
@Service
public class CoercionService {

    private final CommandSender sender;
    private final CoercionViews views;
    private final CaseGuard guard;
    private final Clock clock;

    public CoercionService(CommandSender sender, CoercionViews views, CaseGuard guard, Clock clock) {
        this.sender = sender;
        this.views = views;
        this.guard = guard;
        this.clock = clock;
    }

    public String record(Viewer viewer, String caseId, CoercionKind kind, String whatHappened, Instant occurredAt) {
        CaseView c = guard.readable(viewer, caseId);
        boolean byPerson = c.isPersonServed(viewer.userId());
        if (!byPerson) {
            guard.workable(viewer, caseId);
        }
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        send(new RecordCoercion(id, caseId, kind, whatHappened, viewer.userId(), byPerson,
                ClinicalTime.of(occurredAt, now, "occurredAt"), now));
        return id;
    }

    public List<CoercionView> list(Viewer viewer, String caseId) {
        guard.readable(viewer, caseId);
        return views.findByCase(caseId).stream().sorted(Comparator.comparing(CoercionView::getOccurredAt).reversed()).toList();
    }

    public void addPersonsAccount(Viewer viewer, String caseId, String coercionId, String account) {
        CaseView c = guard.readable(viewer, caseId);
        if (!c.isPersonServed(viewer.userId())) {
            throw new NotPermitted("Only the person served adds their own account.");
        }
        views.find(coercionId).filter(v -> v.getCaseId().equals(caseId))
                .orElseThrow(() -> new NotFound("There is no coercion entry '" + coercionId + "' on this case."));
        send(new AddPersonsAccountOfCoercion(coercionId, account, clock.instant()));
    }

    private void send(CoercionCommand command) {
        sender.send(command, command.coercionId(),
                () -> views.find(command.coercionId()).map(CoercionView::getVersion).orElse(-1L), null);
    }
}
