package org.dyad.web.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.dyad.domain.cases.Case;
import org.dyad.domain.cases.CareTeamRole;
import org.dyad.domain.consent.Consent;
import org.dyad.domain.cotreatment.Attendance;
import org.dyad.domain.cotreatment.CoTreatmentSession;
import org.dyad.domain.decision.SharedDecision;
import org.dyad.domain.disclosure.Disclosure;
import org.dyad.domain.restriction.Coercion;
import org.dyad.domain.restriction.RestrictiveIntervention;
import org.dyad.web.support.Api;
import org.dyad.web.support.DyadWebTest;
import org.dyad.web.support.Scenarios;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** At every event of every aggregate of a case, the state as of that event says what the aggregate itself knew then. */
@DyadWebTest
class StateAsOfTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    Api psychiatrist;
    Api peer;
    Api auditor;
    String caseId;

    @BeforeEach
    void aCaseWithAVariedHistory() throws InterruptedException {
        psychiatrist = Api.as(port, "psychiatrist");
        peer = Api.as(port, "peer");
        auditor = Api.as(port, "auditor");
        caseId = psychiatrist.openCase("Replay Story", "north");
        ok(psychiatrist.post(path("care-team"), "{\"userId\": \"peer\"}"));
        ok(psychiatrist.post(path("care-team"), "{\"userId\": \"nurse\"}"));
        ok(psychiatrist.delete(path("care-team/nurse?reason=rotation")));
        ok(psychiatrist.post(path("dyad"), "{\"peerId\": \"peer\", \"psychiatristId\": \"psychiatrist\"}"));
        ok(psychiatrist.post(path("goals"), "{\"goals\": [\"sleep through the night\"]}"));
        ok(psychiatrist.post(path("admit"), null));
        Thread.sleep(40); // a gap between two events to ask for a state as of an instant inside it
        ok(psychiatrist.post(path("restrict"), "{\"reason\": \"the person is also staff here\"}"));
        ok(psychiatrist.post(path("lift-restriction"), "{\"reason\": \"they asked\"}"));
        ok(psychiatrist.delete(path("dyad?reason=new%20peer")));
        ok(psychiatrist.post(path("dyad"), "{\"peerId\": \"peer\", \"psychiatristId\": \"psychiatrist\"}"));

        String sessionId = Scenarios.sessionWithPeerNote(psychiatrist, peer, caseId, "GENERAL", "We walked the garden.");
        Instant joined = Instant.now().minus(50, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        ok(psychiatrist.post(path("sessions/" + sessionId + "/join"), "{\"participant\": \"person\", \"at\": \"" + joined + "\"}"));
        ok(psychiatrist.post(path("sessions/" + sessionId + "/join"), "{\"participant\": \"peer\", \"at\": \"" + joined + "\"}"));
        ok(peer.post(path("sessions/" + sessionId + "/notes/sign"), null));
        ok(psychiatrist.post(path("sessions/" + sessionId + "/end"), "{\"at\": \"" + joined.plusSeconds(1800) + "\"}"));

        String decisionId = psychiatrist.post(path("decisions"), "{\"question\": \"What to do about sleep\"}").body().get("id").asText();
        for (String kind : List.of("MEDICATION", "PEER_SUPPORT")) {
            Api.Response option = psychiatrist.post(path("decisions/" + decisionId + "/options"),
                    "{\"kind\": \"" + kind + "\", \"whatItIs\": \"" + kind.toLowerCase() + "\"}");
            assertThat(option.status()).as(option.raw().body()).isEqualTo(201);
        }
        ok(psychiatrist.post(path("decisions/" + decisionId + "/present"), null));
        ok(psychiatrist.post(path("decisions/" + decisionId + "/views"), "{\"view\": \"Either is reasonable.\"}"));

        String consentId = Scenarios.grant(psychiatrist, caseId, "STAFF", "nurse", LocalDate.now(org.dyad.web.support.TestClockConfig.UNIT_ZONE).plusDays(30));
        ok(psychiatrist.post(path("consents/" + consentId + "/revoke"), null));
        Api.Response asked = psychiatrist.post(path("disclosures"),
                "{\"holderId\": \"peer\", \"category\": \"GENERAL\", \"purpose\": \"TREATMENT\", \"whatIsAsked\": \"How was the walk?\"}");
        assertThat(asked.status()).as(asked.raw().body()).isEqualTo(201);
        ok(peer.post(path("disclosures/" + asked.body().get("id").asText() + "/decline"), null));

        ok(psychiatrist.post(path("leave"), null));
        ok(psychiatrist.post(path("return"), null));
        Api.Response started = psychiatrist.post(path("restrictions"), Scenarios.seclusion(null));
        assertThat(started.status()).as(started.raw().body()).isEqualTo(201);
        String episode = "restrictions/" + started.body().get("id").asText();
        ok(psychiatrist.post(path(episode + "/face-to-face"), "{\"findings\": \"settled, wants to talk\"}"));
        ok(psychiatrist.post(path(episode + "/measures"), "{\"measures\": [\"PHYSICAL_HOLD\", \"SECLUSION\"]}"));
        ok(psychiatrist.post(path(episode + "/end"), null));
        ok(peer.post(path(episode + "/debrief"), "{\"peerId\": \"peer\", \"teamAccount\": \"t\", \"whatToChange\": \"c\"}"));
        assertThat(peer.post(path("coercion-events"),
                "{\"kind\": \"LEVERAGE_COURT\", \"whatHappened\": \"told the court would hear of it\"}").status()).isEqualTo(201);
        ok(psychiatrist.post(path("discharge"), null));
        ok(psychiatrist.post(path("goals"), "{\"goals\": [\"go back to work\"]}"));
        ok(psychiatrist.post(path("close"), "{\"reason\": \"moved away\"}"));
    }

    @Test
    void atEveryEventOfEveryAggregateTheStateSaysWhatTheAggregateItselfKnew() {
        Set<String> aggregates = new LinkedHashSet<>();
        auditor.get("/api/audit/cases/" + caseId + "/events").body().forEach(e -> aggregates.add(e.get("aggregateId").asText()));
        assertThat(aggregates).hasSize(7);
        int compared = 0;
        for (String aggregateId : aggregates) {
            List<? extends DomainEventMessage<?>> stream = eventStore.readEvents(aggregateId).asStream().toList();
            for (int k = 1; k <= stream.size(); k++) {
                RebuiltAggregate aggregate = RebuiltAggregate.from(stream.subList(0, k));
                JsonNode state = state("atEvent=" + aggregateId + ":" + (k - 1));
                assertThat(state.get("lastEvent").asText()).isEqualTo(aggregateId + ":" + (k - 1));
                String at = aggregate.type().getSimpleName() + " " + aggregateId + " after event " + (k - 1);
                compare(aggregate, state.get("state"), aggregateId, at);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(30);
    }

    @Test
    void asOfAnInstantBetweenTwoEventsIsTheStateAtTheEarlierOne() {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(caseId).asStream().toList();
        DomainEventMessage<?> admitted = events.stream().filter(e -> e.getPayloadType().getSimpleName().equals("PersonAdmitted")).findFirst().orElseThrow();
        DomainEventMessage<?> restricted = events.get((int) admitted.getSequenceNumber() + 1);
        assertThat(restricted.getPayloadType().getSimpleName()).isEqualTo("RecordRestricted");
        Instant between = admitted.getTimestamp().plus(Duration.between(admitted.getTimestamp(), restricted.getTimestamp()).dividedBy(2));
        assertThat(between).isAfter(admitted.getTimestamp()).isBefore(restricted.getTimestamp());

        JsonNode asOf = state("asOf=" + between);
        JsonNode atEvent = state("atEvent=" + caseId + ":" + admitted.getSequenceNumber());
        assertThat(asOf.get("lastEvent").asText()).isEqualTo(caseId + ":" + admitted.getSequenceNumber());
        assertThat(asOf.get("state")).isEqualTo(atEvent.get("state"));
        assertThat(asOf.get("state").get("case").get("restricted").asBoolean()).isFalse();
        assertThat(asOf.get("state").get("case").get("admitted").asBoolean()).isTrue();
        assertThat(state("asOf=" + restricted.getTimestamp()).get("state").get("case").get("restricted").asBoolean()).isTrue();

        JsonNode before = state("asOf=" + events.get(0).getTimestamp().minusSeconds(1));
        assertThat(before.get("eventsFolded").asInt()).isZero();
        assertThat(before.get("state").get("case").isNull()).isTrue();
        JsonNode now = state("");
        assertThat(now.get("eventsFolded").asInt()).isEqualTo(now.get("eventsInRecord").asInt());
        assertThat(now.get("state").get("case").get("closed").asBoolean()).isTrue();
    }

    @Test
    void aBadPointIsNamedAndOnlyAuditorsAsk() {
        assertThat(field(auditor.get(statePath("asOf=yesterday")))).isEqualTo("asOf");
        assertThat(field(auditor.get(statePath("asOf=2026-11-23T14:05:00")))).as("no offset").isEqualTo("asOf");
        assertThat(field(auditor.get(statePath("atEvent=" + caseId)))).isEqualTo("atEvent");
        assertThat(field(auditor.get(statePath("atEvent=" + caseId + ":999")))).isEqualTo("atEvent");
        assertThat(field(auditor.get(statePath("asOf=2026-11-23T14:05:00Z&atEvent=" + caseId + ":0")))).isEqualTo("atEvent");
        assertThat(auditor.get("/api/audit/cases/no-such-case/state").status()).isEqualTo(404);
        assertThat(psychiatrist.get(statePath("")).status()).isEqualTo(403);
        assertThat(Api.anonymous(port).get(statePath("")).status()).isEqualTo(401);
    }

    private void compare(RebuiltAggregate aggregate, JsonNode state, String aggregateId, String at) {
        if (aggregate.type() == Case.class) {
            compareCase(aggregate, state.get("case"), at);
        } else if (aggregate.type() == CoTreatmentSession.class) {
            compareSession(aggregate, find(state.get("sessions"), "sessionId", aggregateId), at);
        } else if (aggregate.type() == SharedDecision.class) {
            JsonNode decision = find(state.get("decisions"), "decisionId", aggregateId);
            String status = aggregate.field("status").toString();
            assertThat(decision.get("status").asText()).as(at).isEqualTo(status.equals("DEFERRED") ? "NOT_NOW" : status);
            Map<String, ?> options = aggregate.field("options");
            assertThat(ids(decision.get("options"), "optionId")).as(at).isEqualTo(options.keySet());
        } else if (aggregate.type() == Consent.class) {
            JsonNode consent = find(state.get("consents"), "consentId", aggregateId);
            assertThat(!consent.get("status").asText().equals("ACTIVE")).as(at).isEqualTo(aggregate.<Boolean>field("ended"));
            assertThat(consent.get("expiresOn").asText()).as(at).isEqualTo(aggregate.field("expiresOn").toString());
        } else if (aggregate.type() == RestrictiveIntervention.class) {
            JsonNode episode = find(state.get("restrictions"), "interventionId", aggregateId);
            assertThat(episode.get("endedAt").isNull() ? null : Instant.parse(episode.get("endedAt").asText())).as(at + ": ended")
                    .isEqualTo(aggregate.<Instant>field("endedAt"));
            Set<String> measures = new java.util.TreeSet<>();
            episode.get("measures").forEach(m -> measures.add(m.asText()));
            Set<String> known = new java.util.TreeSet<>();
            if (aggregate.<Instant>field("endedAt") == null) {
                aggregate.<Set<?>>field("measures").forEach(m -> known.add(m.toString()));
            }
            assertThat(measures).as(at + ": measures in place").isEqualTo(known);
            assertThat(!episode.get("faceToFace").isNull()).as(at + ": evaluated").isEqualTo(aggregate.<Boolean>field("evaluatedFaceToFace"));
            assertThat(!episode.get("debrief").isNull()).as(at + ": debriefed").isEqualTo(aggregate.<Boolean>field("debriefed"));
        } else if (aggregate.type() == Coercion.class) {
            assertThat(find(state.get("coercion"), "coercionId", aggregateId).get("kind").asText()).as(at).isEqualTo("LEVERAGE_COURT");
        } else if (aggregate.type() == Disclosure.class) {
            JsonNode disclosure = find(state.get("disclosures"), "disclosureId", aggregateId);
            assertThat(!disclosure.get("status").asText().equals("OPEN")).as(at).isEqualTo(aggregate.<Boolean>field("answered"));
            assertThat(disclosure.get("holderId").asText()).as(at).isEqualTo(aggregate.<String>field("holderId"));
            assertThat(disclosure.get("category").asText()).as(at).isEqualTo(aggregate.field("category").toString());
        }
    }

    private static void compareCase(RebuiltAggregate aggregate, JsonNode c, String at) {
        Map<String, CareTeamRole> careTeam = aggregate.field("careTeam");
        Map<String, String> shown = new TreeMap<>();
        c.get("careTeam").forEach(m -> shown.put(m.get("userId").asText(), m.get("role").asText()));
        Map<String, String> known = new TreeMap<>();
        careTeam.forEach((user, role) -> known.put(user, role.name()));
        assertThat(shown).as(at + ": care team").isEqualTo(known);
        JsonNode dyad = c.get("dyad");
        assertThat(dyad.isNull() ? null : dyad.get("peerId").asText()).as(at + ": dyad peer").isEqualTo(aggregate.<String>field("dyadPeerId"));
        assertThat(dyad.isNull() ? null : dyad.get("psychiatristId").asText()).as(at + ": dyad psychiatrist")
                .isEqualTo(aggregate.<String>field("dyadPsychiatristId"));
        JsonNode stays = c.get("stays");
        JsonNode last = stays.isEmpty() ? null : stays.get(stays.size() - 1);
        Instant admittedAt = last != null && last.get("dischargedAt").isNull() ? Instant.parse(last.get("admittedAt").asText()) : null;
        assertThat(admittedAt).as(at + ": admitted at").isEqualTo(aggregate.<Instant>field("admittedAt"));
        assertThat(c.get("admitted").asBoolean()).as(at + ": admitted").isEqualTo(aggregate.field("admittedAt") != null);
        Instant dischargedAt = null;
        for (JsonNode stay : stays) {
            dischargedAt = stay.get("dischargedAt").isNull() ? dischargedAt : Instant.parse(stay.get("dischargedAt").asText());
        }
        assertThat(dischargedAt).as(at + ": last discharged at").isEqualTo(aggregate.<Instant>field("lastDischargedAt"));
        JsonNode lastLeave = last == null || last.get("leaves").isEmpty() ? null : last.get("leaves").get(last.get("leaves").size() - 1);
        Instant onLeaveSince = lastLeave != null && lastLeave.get("returnedAt").isNull() && last.get("dischargedAt").isNull()
                ? Instant.parse(lastLeave.get("leftAt").asText()) : null;
        assertThat(onLeaveSince).as(at + ": on leave since").isEqualTo(aggregate.<Instant>field("onLeaveSince"));
        assertThat(c.get("restricted").asBoolean()).as(at + ": restricted").isEqualTo(aggregate.<Boolean>field("restricted"));
        assertThat(c.get("closed").asBoolean()).as(at + ": closed").isEqualTo(aggregate.<Boolean>field("closed"));
    }

    private static void compareSession(RebuiltAggregate aggregate, JsonNode s, String at) {
        assertThat(s.get("status").asText()).as(at + ": status").isEqualTo(aggregate.field("status").toString());
        assertThat(s.get("peer").get("userId").asText()).as(at + ": peer").isEqualTo(aggregate.<String>field("peerId"));
        Instant startedAt = aggregate.field("startedAt");
        assertThat(s.get("startedAt").isNull() ? null : Instant.parse(s.get("startedAt").asText())).as(at + ": started").isEqualTo(startedAt);
        List<Attendance> attendance = aggregate.field("attendance");
        assertThat(s.get("attendance").size()).as(at + ": attendance").isEqualTo(attendance.size());
        for (int i = 0; i < attendance.size(); i++) {
            JsonNode stretch = s.get("attendance").get(i);
            assertThat(stretch.get("participantId").asText()).as(at).isEqualTo(attendance.get(i).participantId());
            assertThat(stretch.get("leftAt").isNull()).as(at + ": still there").isEqualTo(attendance.get(i).leftAt() == null);
        }
        Map<String, Boolean> signed = new HashMap<>();
        s.get("notes").forEach(n -> signed.put(n.get("authorId").asText(), !n.get("signedAt").isNull()));
        assertThat(signed).as(at + ": notes signed").isEqualTo(aggregate.<Map<String, Boolean>>field("noteSignedByAuthor"));
    }

    private static JsonNode find(JsonNode list, String idField, String id) {
        for (JsonNode item : list) {
            if (item.get(idField).asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no " + id + " in " + list);
    }

    private static Set<String> ids(JsonNode list, String idField) {
        Set<String> ids = new LinkedHashSet<>();
        list.forEach(item -> ids.add(item.get(idField).asText()));
        return ids;
    }

    private JsonNode state(String query) {
        Api.Response response = auditor.get(statePath(query));
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        return response.body();
    }

    private String statePath(String query) {
        return "/api/audit/cases/" + caseId + "/state" + (query.isEmpty() ? "" : "?" + query);
    }

    private static String field(Api.Response response) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(400);
        return response.body().get("errors").get(0).get("field").asText();
    }

    private String path(String rest) {
        return "/api/cases/" + caseId + "/" + rest;
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.raw().body()).isIn(200, 201, 204);
    }
}
