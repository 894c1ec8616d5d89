package org.dyad.application.quality;

import org.dyad.application.access.AccessPolicy;
import org.dyad.application.access.NotPermitted;
import org.dyad.application.access.Viewer;
import org.dyad.application.cases.CaseView;
import org.dyad.application.cases.CaseViews;
import org.dyad.application.restriction.InterventionView;
import org.dyad.application.restriction.InterventionViews;
import org.dyad.application.shared.InvalidInput;
import org.dyad.application.users.Unit;
import org.dyad.application.users.UnitDirectory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * HBIPS-2 and HBIPS-3 for a unit, month by month and by age stratum, computed on request from the case and
 * intervention read models (stays, leaves and measures in clinical time), so they are as current as those are.
 */
@Service
public class HbipsQueries {

    static final int MOST_MONTHS = 60;

    private final CaseViews cases;
    private final InterventionViews interventions;
    private final UnitDirectory units;
    private final AccessPolicy policy;
    private final Clock clock;

    public HbipsQueries(CaseViews cases, InterventionViews interventions, UnitDirectory units, AccessPolicy policy,
                        Clock clock) {
        this.cases = cases;
        this.interventions = interventions;
        this.units = units;
        this.policy = policy;
        this.clock = clock;
    }

    public List<Unit> unitsFor(Viewer viewer) {
        return units.all().stream().filter(u -> mayRead(viewer, u.unitId())).toList();
    }

    private boolean mayRead(Viewer viewer, String unit) {
        return policy.mayAudit(viewer) || policy.mayViewBoard(viewer, unit);
    }

    public List<HbipsRow> report(Viewer viewer, String unit, YearMonth from, YearMonth to) {
        if (units.find(unit).isEmpty()) {
            throw new InvalidInput("unit", "There is no unit '" + unit + "'.");
        }
        if (!mayRead(viewer, unit)) {
            throw new NotPermitted("Quality measures of a unit are for its staff and for auditors.");
        }
        if (to.isBefore(from)) {
            throw new InvalidInput("to", "The last month comes before the first.");
        }
        if (from.plusMonths(MOST_MONTHS).isBefore(to)) {
            throw new InvalidInput("to", "Ask for at most " + MOST_MONTHS + " months at a time.");
        }
        List<PersonServedRecord> people = cases.findByUnit(unit).stream()
                .filter(c -> c.getDateOfBirth() != null && !c.getStays().isEmpty())
                .map(this::record).toList();
        return HbipsCalculator.compute(people, from, to, clock.getZone(), clock.instant());
    }

    private PersonServedRecord record(CaseView c) {
        List<InpatientStay> stays = c.getStays().stream().map(s -> new InpatientStay(s.admittedAt(), s.dischargedAt(),
                s.leaves().stream().map(l -> new Leave(l.leftAt(), l.returnedAt())).toList())).toList();
        List<RestrictivePeriod> periods = interventions.findByCase(c.getCaseId()).stream()
                .flatMap(i -> i.getPeriods().stream()).map(HbipsQueries::counted)
                .flatMap(Optional::stream).toList();
        return new PersonServedRecord(c.getDateOfBirth(), stays, periods);
    }

    /** A drug used as restraint is not counted in HBIPS-2. */
    private static Optional<RestrictivePeriod> counted(InterventionView.Period p) {
        if (p.kind().isPhysicalRestraint()) {
            return Optional.of(new RestrictivePeriod(Measure.PHYSICAL_RESTRAINT, p.from(), p.to()));
        }
        return switch (p.kind()) {
            case SECLUSION -> Optional.of(new RestrictivePeriod(Measure.SECLUSION, p.from(), p.to()));
            default -> Optional.empty();
        };
    }
}
