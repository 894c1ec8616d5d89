package org.dyad.application.disclosure;

import org.dyad.domain.consent.Purpose;
import org.dyad.domain.shared.Sensitivity;

import java.time.Instant;

/** One request for information and its answer. */
public class DisclosureView {

    public enum Status { OPEN, SHARED, DECLINED }

    private String disclosureId;
    private String caseId;
    private String requesterId;
    private String requesterName;
    private String requesterRole;
    private String holderId;
    private String holderName;
    private Sensitivity category;
    private Purpose purpose;
    private String whatIsAsked;
    private Instant requestedAt;
    private Status status;
    private String whatIsShared;
    private String consentId;
    private String redisclosureNotice;
    private Instant answeredAt;
    private long version = -1;
    /** Worked out for the reader at read time, never stored: consents change on their own clock. */
    private transient Boolean coveredByConsent;
    /** Worked out for the reader: true when what was asked and shared is replaced by a placeholder. */
    private transient boolean withheld;

    DisclosureView() {
    }

    DisclosureView(String disclosureId, String caseId, String requesterId, String requesterName, String requesterRole,
                   String holderId, String holderName, Sensitivity category, Purpose purpose, String whatIsAsked,
                   Instant requestedAt) {
        this.disclosureId = disclosureId;
        this.caseId = caseId;
        this.requesterId = requesterId;
        this.requesterName = requesterName;
        this.requesterRole = requesterRole;
        this.holderId = holderId;
        this.holderName = holderName;
        this.category = category;
        this.purpose = purpose;
        this.whatIsAsked = whatIsAsked;
        this.requestedAt = requestedAt;
        this.status = Status.OPEN;
    }

    public String getDisclosureId() { return disclosureId; }
    public String getCaseId() { return caseId; }
    public String getRequesterId() { return requesterId; }
    public String getRequesterName() { return requesterName; }
    public String getRequesterRole() { return requesterRole; }
    public String getHolderId() { return holderId; }
    public String getHolderName() { return holderName; }
    public Sensitivity getCategory() { return category; }
    public Purpose getPurpose() { return purpose; }
    public String getWhatIsAsked() { return whatIsAsked; }
    public Instant getRequestedAt() { return requestedAt; }
    public Status getStatus() { return status; }
    /** A decline is a respected outcome, said as such. */
    public String getOutcomeInWords() {
        return switch (status) {
            case OPEN -> "waiting for " + holderName;
            case SHARED -> "shared with the person's consent";
            case DECLINED -> "held in confidence";
        };
    }
    public String getWhatIsShared() { return whatIsShared; }
    public String getConsentId() { return consentId; }
    public String getRedisclosureNotice() { return redisclosureNotice; }
    public Instant getAnsweredAt() { return answeredAt; }
    public long getVersion() { return version; }
    /** For an open request: does a consent in force let the holder share it now? Null once answered. */
    public Boolean getCoveredByConsent() { return coveredByConsent; }
    void coveredByConsent(Boolean covered) { coveredByConsent = covered; }
    public boolean isWithheld() { return withheld; }

    /** A copy for a reader who may not read its words: what was asked and what was shared become {@code placeholder}. */
    public DisclosureView withheld(String placeholder) {
        DisclosureView copy = new DisclosureView(disclosureId, caseId, requesterId, requesterName, requesterRole,
                holderId, holderName, category, purpose, placeholder, requestedAt);
        copy.status = status;
        copy.whatIsShared = whatIsShared == null ? null : placeholder;
        copy.consentId = consentId;
        copy.redisclosureNotice = redisclosureNotice;
        copy.answeredAt = answeredAt;
        copy.version = version;
        copy.withheld = true;
        return copy;
    }

    void shared(String what, String consent, String notice, Instant at) {
        status = Status.SHARED;
        whatIsShared = what;
        consentId = consent;
        redisclosureNotice = notice;
        answeredAt = at;
    }

    void declined(Instant at) {
        status = Status.DECLINED;
        answeredAt = at;
    }

    void applied(long sequence) { version = sequence; }
}
