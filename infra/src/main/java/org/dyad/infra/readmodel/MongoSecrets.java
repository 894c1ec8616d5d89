package org.dyad.infra.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.dyad.application.shared.Secrets;
import org.springframework.stereotype.Repository;

import java.util.function.Supplier;

@Repository
public class MongoSecrets implements Secrets {

    private final MongoCollection<Document> collection;

    public MongoSecrets(MongoDatabase database) {
        this.collection = database.getCollection("secrets");
    }

    @Override
    public String getOrCreate(String name, Supplier<String> generator) {
        MongoInserts.insertIfAbsent(collection, new Document("_id", name).append("value", generator.get()));
        return collection.find(Filters.eq("_id", name)).first().getString("value");
    }
}
