package org.dyad.infra.readmodel;

import org.dyad.application.cases.CaseMembership;
import org.dyad.application.cases.CaseView;
import org.dyad.application.cases.CaseViews;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@Repository
public class MongoCaseViews implements CaseViews {

    private final JsonViewCollection<CaseView> views;

    public MongoCaseViews(ViewCollections collections) {
        this.views = collections.open(ReadModelCollections.CASES, CaseView.class, "unit", "personServedUserId");
    }

    @Override
    public Optional<CaseView> find(String id) {
        return views.find(id);
    }

    @Override
    public Optional<CaseMembership> findMembership(String id) {
        return views.findPart(id, CaseView.Membership.class).map(CaseMembership.class::cast);
    }

    @Override
    public void save(CaseView view) {
        views.save(view.getCaseId(), view);
    }

    @Override
    public void prefetch(Collection<String> caseIds, Collection<String> opened) {
        views.startEmpty(opened);
        views.prefetch(caseIds);
    }

    @Override
    public List<CaseView> findByUnit(String unit) {
        return views.findWhere("unit", unit);
    }

    @Override
    public List<CaseView> findByPersonServed(String userId) {
        return views.findWhere("personServedUserId", userId);
    }
}
