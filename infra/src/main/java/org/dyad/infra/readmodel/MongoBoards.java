package org.dyad.infra.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.dyad.application.board.Board;
import org.dyad.application.board.Boards;
import org.springframework.stereotype.Repository;

@Repository
public class MongoBoards implements Boards {

    private final MongoCollection<Document> collection;
    private final JsonDocuments json;

    public MongoBoards(MongoDatabase database, JsonDocuments json) {
        this.collection = database.getCollection("boards");
        this.json = json;
    }

    @Override
    public Board find(String unit) {
        Document document = collection.find(Filters.eq("_id", unit)).first();
        return document == null ? Board.empty(unit) : json.fromDocument(document, Board.class);
    }

    @Override
    public void save(Board board) {
        collection.replaceOne(Filters.eq("_id", board.unit()), json.toDocument(board.unit(), board),
                new ReplaceOptions().upsert(true));
    }
}
