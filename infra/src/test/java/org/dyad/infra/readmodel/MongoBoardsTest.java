package org.dyad.infra.readmodel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.dyad.application.board.Board;
import org.dyad.application.board.BoardRow;
import org.dyad.application.shared.StoreWriters;
import org.dyad.domain.cases.Setting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each case's row stored on its own, the unit's version after it; boards stored whole by earlier versions move. */
class MongoBoardsTest {

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private JsonDocuments json;
    private final List<String> writes = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (List.of("insert", "update", "delete").contains(event.getCommandName())) {
                    writes.add(event.getCommandName() + " " + event.getCommand().getString(event.getCommandName()).getValue());
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
                .addCommandListener(listener).build());
        database = client.getDatabase("dyad");
        json = new JsonDocuments(new ObjectMapper().registerModule(new JavaTimeModule()));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private MongoBoards boards() {
        return new MongoBoards(new ViewCollections(database, json, new StoreWriters(true), new ViewWriter(), 16), database, json);
    }

    @Test
    void aBoardIsItsRowsInNameOrderAtItsVersion() {
        MongoBoards boards = boards();
        assertThat(boards.find("north")).isEqualTo(Board.empty("north"));
        boards.put("north", 1, row("c-1", "Zed"));
        boards.put("north", 2, row("c-2", "amal"));
        boards.put("south", 1, row("c-3", "Bo"));
        boards.put("north", 3, row("c-1", "Ada"));
        boards.put("north", 4, row("c-4", "Cy"));
        boards.remove("north", 5, "c-4");

        Board north = boards().find("north");
        assertThat(north.version()).isEqualTo(5);
        assertThat(north.rows()).extracting(BoardRow::preferredName).containsExactly("Ada", "amal");
        assertThat(boards().row("c-4")).isEmpty();
        assertThat(boards().row("c-3")).hasValueSatisfying(r -> assertThat(r.preferredName()).isEqualTo("Bo"));
        assertThat(database.getCollection(ReadModelCollections.BOARD_ROWS).countDocuments()).isEqualTo(3);
    }

    @Test
    void aChangedRowWritesThatRowAndThenTheVersionNotTheBoard() {
        MongoBoards boards = boards();
        for (int i = 0; i < 50; i++) {
            boards.put("north", i + 1, row("c-" + i, "Name " + i));
        }
        writes.clear();
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            boards.prefetch(List.of("north"), List.of("c-7", "c-8"), List.of());
            long version = boards.version("north");
            boards.put("north", version + 1, row("c-7", "Renamed"));
            boards.put("north", version + 2, row("c-8", "Also renamed"));
        });
        assertThat(writes).containsExactly("update " + ReadModelCollections.BOARD_ROWS,
                "update " + ReadModelCollections.BOARD_VERSIONS);
        assertThat(boards().find("north").version()).isEqualTo(52);
        assertThat(boards().find("north").rows()).hasSize(50);
    }

    @Test
    void inABatchTheVersionIsWrittenAfterTheRowsAndCasesItCounts() {
        MongoBoards boards = boards();
        boards.put("north", 1, row("c-1", "Ada"));
        writes.clear();
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            boards.put("north", 2, row("c-1", "Ada B."));
            boards.put("north", 3, row("c-2", "Bo"));      // comes onto the board
            boards.remove("north", 4, "c-1");               // leaves it
            assertThat(boards.find("north").rows()).extracting(BoardRow::caseId).containsExactly("c-2");
            assertThat(boards.row("c-1")).isEmpty();
        });
        assertThat(writes).last().isEqualTo("update " + ReadModelCollections.BOARD_VERSIONS);
        assertThat(writes).contains("update " + ReadModelCollections.BOARD_CASES);
        Board north = boards().find("north");
        assertThat(north.version()).isEqualTo(4);
        assertThat(north.rows()).extracting(BoardRow::caseId).containsExactly("c-2");
        assertThat(database.getCollection(ReadModelCollections.BOARD_ROWS).countDocuments()).isEqualTo(1);
    }

    @Test
    void aRowStoredWithoutItsPlaceOnTheBoardIsPlacedByItsNextChange() {
        database.getCollection(ReadModelCollections.BOARD_ROWS).insertOne(json.toDocument("c-1", row("c-1", "Ada")));
        MongoBoards boards = boards();
        assertThat(boards.find("north").rows()).isEmpty();
        boards.put("north", 1, row("c-1", "Ada B."));
        assertThat(boards().find("north").rows()).extracting(BoardRow::preferredName).containsExactly("Ada B.");
    }

    @Test
    void clearingTakesEveryRowOffEveryBoardAndMovesEachVersionOn() {
        MongoBoards boards = boards();
        boards.put("north", 1, row("c-1", "Ada"));
        boards.put("north", 2, row("c-2", "Bo"));
        boards.put("south", 1, row("c-3", "Cy"));
        assertThat(boards.clearAll()).isEqualTo(Map.of("north", 3L, "south", 2L));
        assertThat(boards().find("north")).isEqualTo(new Board("north", 3, List.of()));
        assertThat(boards().find("south")).isEqualTo(new Board("south", 2, List.of()));
        assertThat(boards().row("c-1")).isEmpty();
        boards.put("north", 4, row("c-1", "Ada"));
        assertThat(boards().find("north").rows()).extracting(BoardRow::caseId).containsExactly("c-1");
    }

    @Test
    void boardsStoredWholeByAnEarlierVersionMoveToRowsAtStart() {
        Board old = Board.of("north", 17, List.of(row("c-2", "Bo"), row("c-1", "Ada")));
        database.getCollection(ReadModelCollections.WHOLE_BOARDS).insertOne(json.toDocument("north", old));

        MongoBoards boards = boards();
        assertThat(boards.find("north")).isEqualTo(old);
        assertThat(boards.row("c-1")).hasValueSatisfying(r -> assertThat(r.preferredName()).isEqualTo("Ada"));
        assertThat(database.getCollection(ReadModelCollections.WHOLE_BOARDS).countDocuments()).isZero();
        assertThat(boards().find("north")).isEqualTo(old);
    }

    private static BoardRow row(String caseId, String name) {
        return new BoardRow(caseId, name, "they/them", Setting.INPATIENT, true, null, false, false,
                Instant.parse("2026-12-01T10:00:00Z"), false, null, List.of("psychiatrist"), null, 0, null,
                List.of(), null, Map.of());
    }
}
