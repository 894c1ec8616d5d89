package org.dyad.application.quality;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ObjLongConsumer;

/**
 * HBIPS-2 and HBIPS-3 by The Joint Commission's abstraction rules: minutes per event date, each piece rounded up
 * to a whole minute; restraint supersedes seclusion; inpatient days by the midnight census, less leave days.
 */
public final class HbipsCalculator {

    private HbipsCalculator() {
    }

    private static final class Tally {
        long restraintMinutes;
        long seclusionMinutes;
        long inpatientDays;
        long leaveDays;
    }

    public static List<HbipsRow> compute(Collection<PersonServedRecord> people, YearMonth from, YearMonth to,
                                         ZoneId zone, Instant now) {
        Map<YearMonth, Map<AgeStratum, Tally>> tallies = new LinkedHashMap<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            Map<AgeStratum, Tally> byStratum = new EnumMap<>(AgeStratum.class);
            for (AgeStratum s : AgeStratum.values()) {
                byStratum.put(s, new Tally());
            }
            tallies.put(m, byStratum);
        }
        for (PersonServedRecord person : people) {
            countMinutes(person, tallies, zone, now);
            countDays(person, tallies, zone, now);
        }
        List<HbipsRow> rows = new ArrayList<>();
        tallies.forEach((month, byStratum) -> byStratum.forEach((stratum, t) -> {
            long hours = (t.inpatientDays - t.leaveDays) * 24;
            rows.add(new HbipsRow(month, stratum, t.restraintMinutes, t.seclusionMinutes, t.inpatientDays, t.leaveDays,
                    rate(t.restraintMinutes, hours), rate(t.seclusionMinutes, hours)));
        }));
        return rows;
    }

    private static Double rate(long minutes, long inpatientHours) {
        return inpatientHours <= 0 ? null : (minutes / 60.0) / (inpatientHours / 1000.0);
    }

    /** Restraint as the union of its periods; seclusion less any time in restraint. */
    private static void countMinutes(PersonServedRecord person, Map<YearMonth, Map<AgeStratum, Tally>> tallies,
                                     ZoneId zone, Instant now) {
        List<Span> restraint = union(spans(person, Measure.PHYSICAL_RESTRAINT, now));
        List<Span> seclusion = minus(union(spans(person, Measure.SECLUSION, now)), restraint);
        for (Span s : restraint) {
            perDate(s, zone, (date, minutes) -> tally(tallies, person, date).ifPresent(t -> t.restraintMinutes += minutes));
        }
        for (Span s : seclusion) {
            perDate(s, zone, (date, minutes) -> tally(tallies, person, date).ifPresent(t -> t.seclusionMinutes += minutes));
        }
    }

    /** One day for each midnight the person is admitted; a leave day when at that midnight they are away. */
    private static void countDays(PersonServedRecord person, Map<YearMonth, Map<AgeStratum, Tally>> tallies,
                                  ZoneId zone, Instant now) {
        for (InpatientStay stay : person.stays()) {
            Instant end = stay.dischargedAt() == null || stay.dischargedAt().isAfter(now) ? now : stay.dischargedAt();
            LocalDate date = stay.admittedAt().atZone(zone).toLocalDate();
            while (true) {
                Instant midnight = date.plusDays(1).atStartOfDay(zone).toInstant();
                if (midnight.isAfter(end) || (stay.dischargedAt() != null && !midnight.isBefore(stay.dischargedAt()))) {
                    break;
                }
                if (!midnight.isBefore(stay.admittedAt())) {
                    LocalDate day = date;
                    boolean away = stay.leaves().stream().anyMatch(l -> !midnight.isBefore(l.from())
                            && (l.to() == null || midnight.isBefore(l.to())));
                    tally(tallies, person, day).ifPresent(t -> {
                        t.inpatientDays++;
                        if (away) {
                            t.leaveDays++;
                        }
                    });
                }
                date = date.plusDays(1);
            }
        }
    }

    private static Optional<Tally> tally(Map<YearMonth, Map<AgeStratum, Tally>> tallies,
                                                   PersonServedRecord person, LocalDate date) {
        Map<AgeStratum, Tally> month = tallies.get(YearMonth.from(date));
        if (month == null) {
            return Optional.empty();
        }
        return AgeStratum.of(person.dateOfBirth(), date).map(month::get);
    }

    private record Span(Instant from, Instant to) {
    }

    private static List<Span> spans(PersonServedRecord person, Measure measure, Instant now) {
        return person.periods().stream().filter(p -> p.measure() == measure)
                .map(p -> new Span(p.from(), p.to() == null || p.to().isAfter(now) ? now : p.to()))
                .filter(s -> s.to().isAfter(s.from())).toList();
    }

    private static List<Span> union(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparing(Span::from));
        List<Span> merged = new ArrayList<>();
        for (Span s : sorted) {
            Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !s.from().isAfter(last.to())) {
                merged.set(merged.size() - 1, new Span(last.from(), s.to().isAfter(last.to()) ? s.to() : last.to()));
            } else {
                merged.add(s);
            }
        }
        return merged;
    }

    /** {@code spans} without the time covered by {@code cut} (both sorted and disjoint). */
    private static List<Span> minus(List<Span> spans, List<Span> cut) {
        List<Span> out = new ArrayList<>();
        for (Span s : spans) {
            Instant start = s.from();
            for (Span c : cut) {
                if (!c.to().isAfter(start) || !c.from().isBefore(s.to())) {
                    continue;
                }
                if (c.from().isAfter(start)) {
                    out.add(new Span(start, c.from()));
                }
                start = c.to().isAfter(start) ? c.to() : start;
            }
            if (s.to().isAfter(start)) {
                out.add(new Span(start, s.to()));
            }
        }
        return out;
    }

    /** Splits a span at each midnight; each piece counts its whole minutes rounded up. */
    private static void perDate(Span span, ZoneId zone, ObjLongConsumer<LocalDate> add) {
        Instant start = span.from();
        while (start.isBefore(span.to())) {
            LocalDate date = start.atZone(zone).toLocalDate();
            Instant nextMidnight = date.plusDays(1).atStartOfDay(zone).toInstant();
            Instant end = nextMidnight.isBefore(span.to()) ? nextMidnight : span.to();
            add.accept(date, minutesRoundedUp(Duration.between(start, end)));
            start = end;
        }
    }

    /** The abstraction counts any started minute as a whole one; 0 s stays 0. */
    private static long minutesRoundedUp(Duration d) {
        long wholeSeconds = d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0);
        return (wholeSeconds + 59) / 60;
    }
}
