package org.dyad.infra.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.dyad.application.users.UserAccount;
import org.dyad.application.users.UserDirectory;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Accounts with BCrypt hashes, in MongoDB. */
@Repository
public class MongoUserDirectory implements UserDirectory {

    private final MongoCollection<Document> collection;
    private final JsonDocuments json;

    public MongoUserDirectory(MongoDatabase database, JsonDocuments json) {
        this.collection = database.getCollection("users");
        this.json = json;
    }

    @Override
    public Optional<UserAccount> find(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(collection.find(Filters.eq("_id", userId)).first())
                .map(d -> json.fromDocument(d, UserAccount.class));
    }

    @Override
    public boolean createIfAbsent(UserAccount account) {
        return MongoInserts.insertIfAbsent(collection, json.toDocument(account.userId(), account));
    }

    @Override
    public List<UserAccount> all() {
        return collection.find().map(d -> json.fromDocument(d, UserAccount.class)).into(new ArrayList<>());
    }
}
