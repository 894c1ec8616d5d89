package org.dyad.application.audit;

import org.dyad.application.cases.CaseViews;
import org.dyad.application.shared.NotFound;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Every aggregate whose events make up one case's record: the case, then each part's in the parts' order. */
@Component
public class CaseAggregates {

    private final CaseViews cases;
    private final List<RecordPart<?>> parts;

    public CaseAggregates(CaseViews cases, List<RecordPart<?>> parts) {
        this.cases = cases;
        this.parts = parts;
    }

    public List<String> of(String caseId) {
        cases.find(caseId).orElseThrow(() -> new NotFound("No case " + caseId + "."));
        List<String> aggregates = new ArrayList<>(List.of(caseId));
        parts.forEach(part -> aggregates.addAll(part.aggregatesOf(caseId)));
        return aggregates;
    }

    /** The kinds of record kept around a case, in order. */
    List<RecordPart<?>> parts() {
        return parts;
    }
}
