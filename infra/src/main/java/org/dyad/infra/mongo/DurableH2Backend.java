package org.dyad.infra.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.util.Set;

/**
 * H2 file backend that makes each write durable before it is acknowledged. As shipped, H2Backend replies before
 * MVStore has saved (about once a second), so a killed process loses acknowledged writes.
 */
class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify", "create",
            "drop", "dropdatabase", "createindexes", "dropindexes", "renamecollection");

    private final Durability durability;

    private DurableH2Backend(MVStore store, Durability durability) {
        super(store);
        this.durability = durability;
    }

    static H2Backend open(String fileName, Durability durability) {
        if (durability == Durability.BACKGROUND) {
            return new H2Backend(fileName);
        }
        MVStore store = new MVStore.Builder().fileName(fileName).autoCommitDisabled().open();
        return new DurableH2Backend(store, durability);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document reply = super.handleCommand(channel, databaseName, command, query);
        if (WRITE_COMMANDS.contains(command.toLowerCase())) {
            persist();
        }
        return reply;
    }

    private synchronized void persist() {
        MVStore store = getMvStore();
        store.commit();
        if (durability == Durability.COMMIT_AND_SYNC) {
            store.sync();
        }
    }
}
