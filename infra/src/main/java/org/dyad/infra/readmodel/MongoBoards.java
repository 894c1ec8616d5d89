package org.dyad.infra.readmodel;

import org.dyad.application.board.Board;
import org.dyad.application.board.Boards;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.List;

@Repository
public class MongoBoards implements Boards {

    private final JsonViewCollection<Board> boards;

    public MongoBoards(ViewCollections collections) {
        this.boards = collections.open(ReadModelCollections.BOARDS, Board.class);
    }

    @Override
    public Board find(String unit) {
        return boards.find(unit).orElseGet(() -> Board.empty(unit));
    }

    @Override
    public void save(Board board) {
        boards.save(board.unit(), board);
    }

    @Override
    public List<Board> all() {
        return boards.all();
    }

    @Override
    public void prefetch(Collection<String> units) {
        boards.prefetch(units);
    }
}
