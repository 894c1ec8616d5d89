package org.dyad.application.demo;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.dyad.application.access.Viewer;
import org.dyad.application.cases.CaseService;
import org.dyad.application.cases.CaseService.NewCase;
import org.dyad.application.cases.CaseViews;
import org.dyad.application.cotreatment.SessionService;
import org.dyad.application.decision.DecisionService;
import org.dyad.application.restriction.RestrictionService;
import org.dyad.domain.restriction.InterventionKind;
import org.dyad.domain.restriction.OrderType;
import org.dyad.domain.decision.OptionKind;
import org.dyad.application.users.AccountRole;
import org.dyad.application.users.PasswordHasher;
import org.dyad.application.users.Unit;
import org.dyad.application.users.UnitDirectory;
import org.dyad.application.users.UserAccount;
import org.dyad.application.users.UserDirectory;
import org.dyad.domain.cases.AdvanceDirective;
import org.dyad.domain.cases.CareTeamRole;
import org.dyad.domain.cases.Contact;
import org.dyad.domain.cases.Setting;
import org.dyad.domain.cases.WrapSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Synthetic units, users and cases for the embedded default. Every name is invented. Safe to run on every start:
 * accounts are created only when absent and cases have stable ids, so nothing is created twice.
 */
@Component
public class DemoData {

    public static final String PASSWORD = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private static final List<UserAccount> USERS = List.of(
            staff("psychiatrist", "Dr. Amara Okafor", AccountRole.PSYCHIATRIST, "north"),
            staff("peer", "Jordan Reyes", AccountRole.PEER_SPECIALIST, "north"),
            staff("nurse", "Sam Lindqvist", AccountRole.NURSE, "north"),
            staff("psychiatrist2", "Dr. Mateo Haddad", AccountRole.PSYCHIATRIST, "south"),
            staff("peer2", "Riley Nakamura", AccountRole.PEER_SPECIALIST, "south"),
            staff("auditor", "Priya Castellanos", AccountRole.AUDITOR, null),
            staff("admin", "Morgan Adebayo", AccountRole.ADMIN, null),
            staff("person", "Alex Moreno", AccountRole.PERSON_SERVED, null));

    private static final List<String> NORTH_NAMES = List.of("Alex Moreno", "Bea Thorn", "Cal Ferris", "Dani Vos",
            "Eli Sandoval", "Fen Abara", "Gus Lemaire", "Hana Ostrova", "Ira Quill", "Juno Baptiste", "Kit Marlowe-Ruiz",
            "Lou Petrakis");
    private static final List<String> SOUTH_NAMES = List.of("Mara Klein", "Nico Adeyemi", "Ona Varga", "Pax Holloway",
            "Quinn Dubois", "Rae Okonkwo", "Sol Brennan", "Tam Iversen", "Uma Castillo", "Vic Moravec", "Wren Salazar",
            "Yael Fontaine");
    private static final List<String> PRONOUNS = List.of("they/them", "she/her", "he/him");

    /**
     * Runs a case's opening; false if the case is in the event store already. The views, which said it was not,
     * are behind the events: lost, or after a crash, until the processor catches up.
     */
    private static boolean opened(String caseId, Runnable open) {
        try {
            open.run();
            return true;
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof AggregateStreamCreationException) {
                    log.info("Demo case {} is in the event store already; its views are catching up", caseId);
                    return false;
                }
            }
            throw e;
        }
    }

    private final UserDirectory users;
    private final UnitDirectory units;
    private final CaseService cases;
    private final CaseViews views;
    private final PasswordHasher hasher;
    private final SessionService sessions;
    private final DecisionService decisions;
    private final RestrictionService restrictions;
    private final Clock clock;

    public DemoData(UserDirectory users, UnitDirectory units, CaseService cases, CaseViews views, PasswordHasher hasher,
                    SessionService sessions, DecisionService decisions, RestrictionService restrictions, Clock clock) {
        this.restrictions = restrictions;
        this.users = users;
        this.units = units;
        this.cases = cases;
        this.views = views;
        this.hasher = hasher;
        this.sessions = sessions;
        this.decisions = decisions;
        this.clock = clock;
    }

    /** Creates the demo units and accounts; cases are seeded with {@link #seedCases(BiConsumer)}. */
    public void seedAccounts() {
        units.createIfAbsent(new Unit("north", "North unit"));
        units.createIfAbsent(new Unit("south", "South unit"));
        String hash = hasher.hash(PASSWORD);
        for (UserAccount u : USERS) {
            users.createIfAbsent(new UserAccount(u.userId(), u.displayName(), u.role(), u.unit(), hash, true));
        }
    }

    /**
     * Opens the demo cases not yet open. {@code runAs} runs a step as the given demo user, so every event
     * carries a real actor.
     */
    public void seedCases(BiConsumer<String, Runnable> runAs) {
        int created = 0;
        created += seedUnit("north", NORTH_NAMES, "psychiatrist", "peer", "nurse", runAs);
        created += seedUnit("south", SOUTH_NAMES, "psychiatrist2", "peer2", null, runAs);
        if (created > 0) {
            log.info("Demo data: opened {} synthetic cases", created);
        }
    }

    private int seedUnit(String unit, List<String> names, String psychiatrist, String peer, String nurse,
                         BiConsumer<String, Runnable> runAs) {
        Viewer doctor = new Viewer(psychiatrist, AccountRole.PSYCHIATRIST, unit);
        int created = 0;
        for (int i = 0; i < names.size(); i++) {
            String caseId = stableId(unit + "-" + i);
            if (views.find(caseId).isPresent()) {
                continue;
            }
            int n = i;
            String personAccount = unit.equals("north") && i == 0 ? "person" : null;
            Setting setting = n % 3 == 2 ? Setting.OUTPATIENT : Setting.INPATIENT;
            NewCase newCase = new NewCase(names.get(n), PRONOUNS.get(n % 3),
                    LocalDate.of(1958 + (n * 7) % 50, 1 + n % 12, 1 + (n * 3) % 27), setting, unit, personAccount, n == 5);
            if (!opened(caseId, () -> runAs.accept(psychiatrist, () -> cases.open(doctor, caseId, newCase)))) {
                continue;
            }
            runAs.accept(psychiatrist, () -> {
                cases.joinCareTeam(doctor, caseId, peer, CareTeamRole.PEER_SPECIALIST);
                if (nurse != null && setting == Setting.INPATIENT) {
                    cases.joinCareTeam(doctor, caseId, nurse, CareTeamRole.NURSE);
                }
                if (n % 4 != 3) {
                    cases.formDyad(doctor, caseId, peer, psychiatrist);
                }
                if (setting == Setting.INPATIENT) {
                    cases.admit(doctor, caseId, clock.instant().minus(Duration.ofDays(3 + n)).truncatedTo(ChronoUnit.MINUTES));
                }
                if (n % 2 == 0) {
                    cases.recordAdvanceDirective(doctor, caseId, new AdvanceDirective(
                            List.of("talk therapy first", "a quiet room"), List.of("haloperidol"),
                            "Space to walk, my headphones, a call with my sister.",
                            List.of(new Contact("Robin (sister)", "sister", "555-0100")),
                            "I do not consent to restraint; if it is ever used, I want my peer there afterwards.",
                            new Contact("Robin (sister)", "sister", "555-0100"), LocalDate.of(2026, 3, 1)));
                }
                if (n % 3 == 0) {
                    cases.recordWrapSummary(doctor, caseId, new WrapSummary(List.of("morning walk", "journaling"),
                            List.of("loud arguments"), List.of("not sleeping"), "Dim lights and someone I trust.",
                            List.of(new Contact("Robin (sister)", "sister", "555-0100"))));
                }
                cases.recordGoals(doctor, caseId, "Getting back to my garden and my dog.",
                        List.of("sleep through the night", "go back to part-time work"), List.of("gardening", "calling my sister"));
            });
            if (n % 4 != 3) {
                seedWork(unit, caseId, n, psychiatrist, peer, runAs);
            }
            if (nurse != null && (n == 4 || n == 6)) {
                seedRestraint(caseId, n, doctor, runAs);
            }
            created++;
        }
        return created;
    }

    /** A few sessions and decisions, so the board's co-treatment and decision columns have something to show. */
    private void seedWork(String unit, String caseId, int n, String psychiatrist, String peer,
                          BiConsumer<String, Runnable> runAs) {
        Viewer doctor = new Viewer(psychiatrist, AccountRole.PSYCHIATRIST, unit);
        Viewer peerViewer = new Viewer(peer, AccountRole.PEER_SPECIALIST, unit);
        Instant tomorrow = clock.instant().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS).plus(9 + n % 6, ChronoUnit.HOURS);
        if (n % 3 == 1) {
            runAs.accept(psychiatrist, () -> sessions.schedule(doctor, caseId, tomorrow, "Room " + (2 + n % 3) + ", " + unit));
        }
        if (n == 4) {
            Instant start = clock.instant().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
            runAs.accept(psychiatrist, () -> {
                String s = sessions.schedule(doctor, caseId, start, "Room 1, " + unit);
                sessions.start(doctor, caseId, s, start);
                sessions.join(doctor, caseId, s, SessionService.PERSON, null, start);
                sessions.join(doctor, caseId, s, peer, null, start);
                sessions.join(doctor, caseId, s, psychiatrist, null, start.plus(5, ChronoUnit.MINUTES));
                sessions.end(doctor, caseId, s, start.plus(50, ChronoUnit.MINUTES));
                sessions.writeNote(doctor, caseId, s, "Reviewed sleep and mood together. Options to weigh before next visit.", null);
                sessions.signNote(doctor, caseId, s);
                runAs.accept(peer, () -> {
                    sessions.writeNote(peerViewer, caseId, s, "They spoke about the garden and wanting mornings back.", null);
                    sessions.signNote(peerViewer, caseId, s);
                });
            });
        }
        if (n % 4 == 0) {
            runAs.accept(psychiatrist, () -> {
                String d = decisions.open(doctor, caseId, "What to do about sleep");
                decisions.propose(doctor, caseId, d, new DecisionService.NewOption(OptionKind.MEDICATION,
                        "A low dose of a sleep medicine at night", "Falling asleep sooner within days",
                        "Morning grogginess; may lose effect over weeks", "Taking it nightly, a check-in in two weeks"));
                decisions.propose(doctor, caseId, d, new DecisionService.NewOption(OptionKind.PSYCHOSOCIAL,
                        "Sleep therapy (CBT-I), six weekly sessions", "Lasting change, no side effects",
                        "The first two weeks can feel harder", "An hour a week and a sleep diary"));
                runAs.accept(peer, () -> decisions.propose(peerViewer, caseId, d, new DecisionService.NewOption(
                        OptionKind.PEER_SUPPORT, "The evening walking group", "Company, daylight, tiredness at night",
                        "Weather; meeting new people", "Two evenings a week")));
                decisions.present(doctor, caseId, d);
            });
        }
    }

    /**
     * Two past episodes on the north unit: a seclusion evaluated, ended and debriefed with the peer; and a mechanical
     * restraint changed to seclusion, ended yesterday and not debriefed yet, so its debrief clock runs out.
     */
    private void seedRestraint(String caseId, int n, Viewer doctor, BiConsumer<String, Runnable> runAs) {
        Instant start = clock.instant().minus(Duration.ofDays(n == 4 ? 2 : 1)).minus(Duration.ofHours(3))
                .truncatedTo(ChronoUnit.MINUTES);
        InterventionKind kind = n == 4 ? InterventionKind.SECLUSION : InterventionKind.MECHANICAL_RESTRAINT;
        runAs.accept(doctor.userId(), () -> {
            String id = restrictions.start(doctor, caseId, new RestrictionService.NewIntervention(kind, false,
                    "Struck out at staff and another person during a flashback", List.of("Offered the comfort room",
                    "Talked with the peer", "Offered a PRN by mouth, declined"),
                    new RestrictionService.NewOrder(doctor.userId(), OrderType.THIS_EPISODE, start, null, false), start));
            restrictions.monitor(doctor, caseId, id, "Pacing, talking to themself, breathing easily", start.plus(Duration.ofMinutes(15)));
            restrictions.evaluateFaceToFace(doctor, caseId, id, "Frightened, no injury; continue briefly with staff at the door",
                    start.plus(Duration.ofMinutes(40)));
            if (n == 6) {
                restrictions.changeMeasures(doctor, caseId, id, Set.of(InterventionKind.SECLUSION), start.plus(Duration.ofMinutes(50)));
            }
            restrictions.end(doctor, caseId, id, start.plus(Duration.ofMinutes(n == 4 ? 95 : 130)));
            if (n == 4) {
                restrictions.debrief(doctor, caseId, id, "peer", "Nobody told me what was happening or for how long.",
                        "My headphones, and my sister on the phone.", "It began at shift change; the plan was not read.",
                        "Read the PAD at every handover; offer the call to the sister first.", start.plus(Duration.ofHours(20)));
            }
        });
    }

    public static String stableId(String key) {
        return UUID.nameUUIDFromBytes(("dyad-demo-" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static UserAccount staff(String id, String name, AccountRole role, String unit) {
        return new UserAccount(id, name, role, unit, null, true);
    }
}
