package org.dyad.application.access;

import java.util.List;

/** Where reads of sensitive content are kept for auditors. */
public interface AccessLog {

    void record(AccessRecord record);

    List<AccessRecord> forCase(String caseId);
}
