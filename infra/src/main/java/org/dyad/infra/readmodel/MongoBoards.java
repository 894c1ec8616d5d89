package org.dyad.infra.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.dyad.application.board.Board;
import org.dyad.application.board.BoardRow;
import org.dyad.application.board.Boards;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Three collections: each unit's version, each unit's cases (written only when a case comes onto or leaves the
 * board) and each case's row. A change to one case writes its row and then its unit's version.
 */
@Repository
public class MongoBoards implements Boards {

    private static final Logger log = LoggerFactory.getLogger(MongoBoards.class);

    /** A unit's board version. */
    public record BoardVersion(String unit, long version) {
    }

    /** The cases a unit's board shows. */
    public record BoardCases(String unit, List<String> caseIds) {
    }

    private final JsonViewCollection<BoardVersion> versions;
    private final JsonViewCollection<BoardCases> cases;
    private final JsonViewCollection<BoardRow> rows;

    public MongoBoards(ViewCollections collections, MongoDatabase database, JsonDocuments json) {
        this.versions = collections.open(ReadModelCollections.BOARD_VERSIONS, BoardVersion.class);
        this.cases = collections.open(ReadModelCollections.BOARD_CASES, BoardCases.class);
        this.rows = collections.open(ReadModelCollections.BOARD_ROWS, BoardRow.class);
        moveWholeBoards(database, json);
    }

    @Override
    public long version(String unit) {
        return versions.find(unit).map(BoardVersion::version).orElse(0L);
    }

    @Override
    public Optional<BoardRow> row(String caseId) {
        return rows.find(caseId);
    }

    @Override
    public List<BoardRow> rows(String unit) {
        return new ArrayList<>(rows.findAll(caseIds(unit)).values());
    }

    @Override
    public void put(String unit, long version, BoardRow row) {
        List<String> shown = caseIds(unit);
        if (!shown.contains(row.caseId())) {
            List<String> more = new ArrayList<>(shown);
            more.add(row.caseId());
            cases.save(unit, new BoardCases(unit, more));
        }
        rows.save(row.caseId(), row);
        versions.save(unit, new BoardVersion(unit, version));
    }

    @Override
    public void remove(String unit, long version, String caseId) {
        List<String> shown = new ArrayList<>(caseIds(unit));
        if (shown.remove(caseId)) {
            cases.save(unit, new BoardCases(unit, shown));
        }
        rows.delete(caseId);
        versions.save(unit, new BoardVersion(unit, version));
    }

    /** Outside a processor's batch: the rows and case lists go first, then each version moves on. */
    @Override
    public Map<String, Long> clearAll() {
        rows.deleteAll();
        cases.deleteAll();
        Map<String, Long> cleared = new LinkedHashMap<>();
        for (BoardVersion board : versions.all()) {
            versions.save(board.unit(), new BoardVersion(board.unit(), board.version() + 1));
            cleared.put(board.unit(), board.version() + 1);
        }
        return cleared;
    }

    @Override
    public void prefetch(Collection<String> units, Collection<String> caseIds, Collection<String> opened) {
        versions.prefetch(units);
        cases.prefetch(units);
        rows.startEmpty(opened);
        rows.prefetch(caseIds);
    }

    private List<String> caseIds(String unit) {
        return cases.find(unit).map(BoardCases::caseIds).orElse(List.of());
    }

    /** Boards stored by earlier versions, each one document with all its rows, are moved to this layout once. */
    private void moveWholeBoards(MongoDatabase database, JsonDocuments json) {
        MongoCollection<Document> whole = database.getCollection(ReadModelCollections.WHOLE_BOARDS);
        int moved = 0;
        for (Document document : whole.find()) {
            Board board = json.fromDocument(document, Board.class);
            board.rows().forEach(row -> rows.save(row.caseId(), row));
            cases.save(board.unit(), new BoardCases(board.unit(), board.rows().stream().map(BoardRow::caseId).toList()));
            versions.save(board.unit(), new BoardVersion(board.unit(), board.version()));
            whole.deleteOne(new Document("_id", document.get("_id")));
            moved++;
        }
        if (moved > 0) {
            log.info("Moved {} boards stored as one document each to a document per row", moved);
        }
    }
}
