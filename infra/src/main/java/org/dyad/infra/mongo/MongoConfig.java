package org.dyad.infra.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/** Declaring our own MongoClient makes Boot's Mongo auto-configuration back off. */
@Configuration(proxyBeanMethods = false)
public class MongoConfig {

    @Bean(destroyMethod = "close")
    public MongoConnection mongoConnection(@Value("${dyad.mongodb.uri:}") String uri,
                                           @Value("${dyad.mongodb.database:dyad}") String database,
                                           @Value("${dyad.embedded.backend:h2}") String backend,
                                           @Value("${dyad.data-dir:./data}") String dataDir,
                                           @Value("${dyad.embedded.durability:COMMIT_AND_SYNC}") Durability durability,
                                           @Value("${dyad.embedded.bind-host:127.0.0.1}") String bindHost,
                                           @Value("${dyad.embedded.port:0}") int port) {
        if (uri != null && !uri.isBlank()) {
            return MongoConnection.external(uri, database);
        }
        return MongoConnection.embedded(backend, Path.of(dataDir), durability, bindHost, port, database);
    }

    @Bean(destroyMethod = "")
    public MongoClient mongoClient(MongoConnection connection) {
        return connection.client();
    }

    @Bean
    public MongoDatabase mongoDatabase(MongoConnection connection) {
        return connection.client().getDatabase(connection.databaseName());
    }
}
