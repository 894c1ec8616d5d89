package org.dyad.infra.readmodel;

import org.dyad.application.access.AccessLog;
import org.dyad.application.access.AccessRecord;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.UUID;

@Repository
public class MongoAccessLog implements AccessLog {

    private final JsonViewCollection<AccessRecord> records;

    public MongoAccessLog(ViewCollections collections) {
        this.records = collections.open("access_log", AccessRecord.class, "caseId");
    }

    @Override
    public void record(AccessRecord record) {
        records.save(UUID.randomUUID().toString(), record);
    }

    @Override
    public List<AccessRecord> forCase(String caseId) {
        return records.findWhere("caseId", caseId);
    }
}
