package org.dyad.infra.readmodel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import org.dyad.application.cases.CaseFold;
import org.dyad.application.cases.CaseMembership;
import org.dyad.application.cases.CaseView;
import org.dyad.application.shared.StoreWriters;
import org.dyad.domain.cases.CareTeamRole;
import org.dyad.domain.cases.CaseEvent;
import org.dyad.domain.cases.Setting;
import org.dyad.infra.mongo.Durability;
import org.dyad.infra.mongo.MongoConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A case's membership, read without the rest of its view, answers every access question as the whole view does. */
class CaseMembershipReadTest {

    private static final List<String> USERS = List.of("person-1", "psychiatrist-1", "peer-1", "nurse-1", "stranger");

    @TempDir
    Path dir;

    private MongoConnection connection;
    private MongoDatabase database;

    @BeforeEach
    void start() {
        connection = MongoConnection.embedded("h2", dir, Durability.COMMIT, "127.0.0.1", 0, "views");
        database = connection.client().getDatabase("views");
    }

    @AfterEach
    void stop() {
        connection.close();
    }

    @ParameterizedTest(name = "only writer: {0}")
    @ValueSource(booleans = {true, false})
    void membershipAnswersAsTheWholeView(boolean onlyWriter) {
        ViewCollections collections = new ViewCollections(database,
                new JsonDocuments(new ObjectMapper().findAndRegisterModules()), new StoreWriters(onlyWriter),
                new ViewWriter(), 16);
        MongoCaseViews views = new MongoCaseViews(collections);
        Instant at = Instant.parse("2026-12-07T10:00:00Z");
        CaseView open = fold(null, new CaseEvent.CaseOpened("c-open", "Sam", "they/them", LocalDate.of(1990, 1, 2),
                Setting.OUTPATIENT, "north", "person-1", false), at, 0);
        open = fold(open, new CaseEvent.CareTeamMemberJoined("c-open", "psychiatrist-1", CareTeamRole.PSYCHIATRIST),
                at, 1);
        open = fold(open, new CaseEvent.CareTeamMemberJoined("c-open", "peer-1", CareTeamRole.PEER_SPECIALIST), at, 2);
        open = fold(open, new CaseEvent.GoalsRecorded("c-open", "my kids", List.of("sleep"), List.of("running")),
                at, 3);
        CaseView restricted = fold(null, new CaseEvent.CaseOpened("c-restricted", "Ari", null, null,
                Setting.INPATIENT, "south", null, true), at, 0);
        restricted = fold(restricted, new CaseEvent.CareTeamMemberJoined("c-restricted", "nurse-1",
                CareTeamRole.NURSE), at, 1);
        views.save(open);
        views.save(restricted);

        for (CaseView whole : List.of(open, restricted)) {
            CaseMembership membership = views.findMembership(whole.getCaseId()).orElseThrow();
            assertThat(membership).isInstanceOf(CaseView.Membership.class);
            assertThat(membership.getUnit()).isEqualTo(whole.getUnit());
            assertThat(membership.isRestricted()).isEqualTo(whole.isRestricted());
            for (String user : USERS) {
                assertThat(membership.hasMember(user)).as("%s on %s", user, whole.getCaseId())
                        .isEqualTo(whole.hasMember(user));
                assertThat(membership.isPersonServed(user)).as("%s on %s", user, whole.getCaseId())
                        .isEqualTo(whole.isPersonServed(user));
            }
        }
        assertThat(views.findMembership("c-open").orElseThrow().hasMember("peer-1")).isTrue();
        assertThat(views.findMembership("c-restricted").orElseThrow().isRestricted()).isTrue();
        assertThat(views.findMembership("c-none")).isEmpty();
    }

    private static CaseView fold(CaseView view, CaseEvent event, Instant at, long sequence) {
        return CaseFold.apply(view, event, at, sequence, id -> "Name of " + id);
    }
}
