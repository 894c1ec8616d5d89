package org.dyad.application.cases;

import org.dyad.application.access.AccessPolicy;
import org.dyad.application.access.CaseAccess;
import org.dyad.application.access.CaseChange;
import org.dyad.application.access.NotPermitted;
import org.dyad.application.access.Viewer;
import org.dyad.application.shared.ClinicalTime;
import org.dyad.application.shared.CommandSender;
import org.dyad.application.shared.InvalidInput;
import org.dyad.application.users.AccountRole;
import org.dyad.application.users.UnitDirectory;
import org.dyad.application.users.UserAccount;
import org.dyad.application.users.UserDirectory;
import org.dyad.domain.cases.AdvanceDirective;
import org.dyad.domain.cases.CareTeamRole;
import org.dyad.domain.cases.CaseCommand;
import org.dyad.domain.cases.CaseCommand.*;
import org.dyad.domain.cases.Setting;
import org.dyad.domain.cases.WrapSummary;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Case use cases: checks the viewer against the access policy, resolves what the client named, sends the
 * command, and returns once the case view shows the change, so a read right after a write sees it.
 */
@Service
public class CaseService {

    public record NewCase(String preferredName, String pronouns, LocalDate dateOfBirth, Setting setting, String unit,
                          String personServedUserId, boolean restricted) {
    }

    private final CommandSender sender;
    private final CaseViews views;
    private final AccessPolicy policy;
    private final UserDirectory users;
    private final UnitDirectory units;
    private final Clock clock;

    public CaseService(CommandSender sender, CaseViews views, AccessPolicy policy, UserDirectory users,
                       UnitDirectory units, Clock clock) {
        this.sender = sender;
        this.views = views;
        this.policy = policy;
        this.users = users;
        this.units = units;
        this.clock = clock;
    }

    public String open(Viewer viewer, NewCase request) {
        return open(viewer, UUID.randomUUID().toString(), request);
    }

    /** Opens a case with a chosen id (demo data uses stable ids). */
    public String open(Viewer viewer, String caseId, NewCase request) {
        if (units.find(request.unit()).isEmpty()) {
            throw new InvalidInput("unit", "There is no unit '" + request.unit() + "'.");
        }
        if (!policy.mayOpenCaseOn(viewer, request.unit())) {
            throw new NotPermitted("Only clinical staff of the " + request.unit() + " team open cases there.");
        }
        if (request.dateOfBirth().isAfter(LocalDate.now(clock))) {
            throw new InvalidInput("dateOfBirth", "The date of birth is in the future.");
        }
        if (request.personServedUserId() != null && users.find(request.personServedUserId())
                .filter(u -> u.role() == AccountRole.PERSON_SERVED).isEmpty()) {
            throw new InvalidInput("personServedUserId", "There is no person-served account '" + request.personServedUserId() + "'.");
        }
        CareTeamRole openerRole = viewer.role().careTeamRole().orElseThrow();
        send(new OpenCase(caseId, request.preferredName(), blankToNull(request.pronouns()), request.dateOfBirth(),
                request.setting(), request.unit(), request.personServedUserId(), viewer.userId(), openerRole,
                request.restricted()), null);
        return caseId;
    }

    public void joinCareTeam(Viewer viewer, String caseId, String userId, CareTeamRole role) {
        require(viewer, caseId, CaseChange.CARE_TEAM);
        UserAccount member = staffMember("userId", userId);
        CareTeamRole accountRole = member.role().careTeamRole().orElseThrow();
        if (role != null && role != accountRole) {
            throw new InvalidInput("role", userId + " is a " + words(accountRole) + ", not a " + words(role) + ".");
        }
        send(new JoinCareTeam(caseId, userId, accountRole), null);
    }

    public void leaveCareTeam(Viewer viewer, String caseId, String userId, String reason) {
        require(viewer, caseId, CaseChange.CARE_TEAM);
        send(new LeaveCareTeam(caseId, userId), reason);
    }

    public void formDyad(Viewer viewer, String caseId, String peerId, String psychiatristId) {
        require(viewer, caseId, CaseChange.DYAD);
        staffMember("peerId", peerId);
        staffMember("psychiatristId", psychiatristId);
        send(new FormDyad(caseId, peerId, psychiatristId), null);
    }

    public void dissolveDyad(Viewer viewer, String caseId, String reason) {
        require(viewer, caseId, CaseChange.DYAD);
        send(new DissolveDyad(caseId, reason), reason);
    }

    public void recordGoals(Viewer viewer, String caseId, String whatMattersMost, List<String> goals,
                            List<String> personalMedicine) {
        require(viewer, caseId, CaseChange.OWN_WORDS);
        send(new RecordGoals(caseId, whatMattersMost, goals, personalMedicine), null);
    }

    public void recordAdvanceDirective(Viewer viewer, String caseId, AdvanceDirective directive) {
        require(viewer, caseId, CaseChange.OWN_WORDS);
        send(new RecordAdvanceDirective(caseId, directive), null);
    }

    public void recordWrapSummary(Viewer viewer, String caseId, WrapSummary wrap) {
        require(viewer, caseId, CaseChange.OWN_WORDS);
        send(new RecordWrapSummary(caseId, wrap), null);
    }

    public void admit(Viewer viewer, String caseId, Instant occurredAt) {
        require(viewer, caseId, CaseChange.STAY);
        Instant now = clock.instant();
        send(new AdmitPerson(caseId, ClinicalTime.of(occurredAt, now, "occurredAt"), now), null);
    }

    public void discharge(Viewer viewer, String caseId, Instant occurredAt) {
        require(viewer, caseId, CaseChange.STAY);
        Instant now = clock.instant();
        send(new DischargePerson(caseId, ClinicalTime.of(occurredAt, now, "occurredAt"), now), null);
    }

    public void startLeave(Viewer viewer, String caseId, Instant occurredAt) {
        require(viewer, caseId, CaseChange.STAY);
        Instant now = clock.instant();
        send(new StartLeave(caseId, ClinicalTime.of(occurredAt, now, "occurredAt"), now), null);
    }

    public void endLeave(Viewer viewer, String caseId, Instant occurredAt) {
        require(viewer, caseId, CaseChange.STAY);
        Instant now = clock.instant();
        send(new EndLeave(caseId, ClinicalTime.of(occurredAt, now, "occurredAt"), now), null);
    }

    public void restrict(Viewer viewer, String caseId, String reason) {
        require(viewer, caseId, CaseChange.RESTRICTION);
        send(new RestrictRecord(caseId, reason), reason);
    }

    public void liftRestriction(Viewer viewer, String caseId, String reason) {
        require(viewer, caseId, CaseChange.RESTRICTION);
        send(new LiftRecordRestriction(caseId, reason), reason);
    }

    public void close(Viewer viewer, String caseId, String reason) {
        require(viewer, caseId, CaseChange.CLOSE);
        send(new CloseCase(caseId, reason), reason);
    }

    private void require(Viewer viewer, String caseId, CaseChange change) {
        CaseMembership view = views.findMembership(caseId).orElseThrow(() -> CaseQueries.unknown(caseId));
        CaseAccess access = policy.caseAccess(viewer, view);
        if (access == CaseAccess.HIDDEN) {
            throw CaseQueries.unknown(caseId);
        }
        if (!policy.mayChange(viewer, view, change)) {
            throw new NotPermitted("You may not change " + words(change) + " on this case.");
        }
    }

    private UserAccount staffMember(String field, String userId) {
        UserAccount account = users.find(userId)
                .orElseThrow(() -> new InvalidInput(field, "There is no staff member '" + userId + "'."));
        if (!account.role().isClinicalStaff()) {
            throw new InvalidInput(field, userId + " is not clinical staff and cannot join a care team.");
        }
        return account;
    }

    private void send(CaseCommand command, String reason) {
        sender.send(command, command.caseId(),
                () -> views.find(command.caseId()).map(CaseView::getVersion).orElse(-1L), reason);
    }

    private static String words(Enum<?> value) {
        return value.name().toLowerCase().replace('_', ' ');
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
