package org.dyad.application.restriction;

import org.dyad.domain.restriction.CoercionKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One entry of the soft-coercion ledger with the person's own accounts beside it. */
public class CoercionView {

    public record Account(String text, Instant recordedAt) {
    }

    private String coercionId;
    private String caseId;
    private CoercionKind kind;
    private String whatHappened;
    private String recordedBy;
    private String recordedByName;
    private boolean recordedByPersonServed;
    private Instant occurredAt;
    private Instant recordedAt;
    private boolean late;
    private List<Account> personsAccounts = new ArrayList<>();
    private long version = -1;

    CoercionView() {
    }

    CoercionView(String coercionId, String caseId, CoercionKind kind, String whatHappened, String recordedBy,
                 String recordedByName, boolean recordedByPersonServed, Instant occurredAt, Instant recordedAt,
                 boolean late) {
        this.coercionId = coercionId;
        this.caseId = caseId;
        this.kind = kind;
        this.whatHappened = whatHappened;
        this.recordedBy = recordedBy;
        this.recordedByName = recordedByName;
        this.recordedByPersonServed = recordedByPersonServed;
        this.occurredAt = occurredAt;
        this.recordedAt = recordedAt;
        this.late = late;
    }

    public String getCoercionId() { return coercionId; }
    public String getCaseId() { return caseId; }
    public CoercionKind getKind() { return kind; }
    public String getWhatHappened() { return whatHappened; }
    public String getRecordedBy() { return recordedBy; }
    public String getRecordedByName() { return recordedByName; }
    public boolean isRecordedByPersonServed() { return recordedByPersonServed; }
    public Instant getOccurredAt() { return occurredAt; }
    public Instant getRecordedAt() { return recordedAt; }
    public boolean isLate() { return late; }
    public List<Account> getPersonsAccounts() { return List.copyOf(personsAccounts); }
    public long getVersion() { return version; }

    void accountAdded(Account account) { personsAccounts.add(account); }

    void applied(long sequence) { version = sequence; }
}
