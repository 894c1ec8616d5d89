package org.dyad.application.consent;

import org.dyad.domain.consent.ConsentTerms;
import org.dyad.domain.consent.Purpose;
import org.dyad.domain.consent.Recipient;
import org.dyad.domain.shared.Sensitivity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** One consent as the person and their care team see it. */
public class ConsentView {

    public enum Status { ACTIVE, REVOKED, EXPIRED }

    private String consentId;
    private String caseId;
    private String discloser;
    private List<Recipient> recipients;
    private Set<Sensitivity> categories;
    private Set<Purpose> purposes;
    private String purposeInTheirWords;
    private LocalDate expiresOn;
    private String expiresUpon;
    private String signedBy;
    private LocalDate signedOn;
    private Instant grantedAt;
    private Status status;
    private Instant endedAt;
    private String endedBecause;
    private long version = -1;

    ConsentView() {
    }

    ConsentView(String consentId, String caseId, String discloser, List<Recipient> recipients,
                Set<Sensitivity> categories, Set<Purpose> purposes, String purposeInTheirWords, LocalDate expiresOn,
                String expiresUpon, String signedBy, LocalDate signedOn, Instant grantedAt) {
        this.consentId = consentId;
        this.caseId = caseId;
        this.discloser = discloser;
        this.recipients = List.copyOf(recipients);
        this.categories = Set.copyOf(categories);
        this.purposes = Set.copyOf(purposes);
        this.purposeInTheirWords = purposeInTheirWords;
        this.expiresOn = expiresOn;
        this.expiresUpon = expiresUpon;
        this.signedBy = signedBy;
        this.signedOn = signedOn;
        this.grantedAt = grantedAt;
        this.status = Status.ACTIVE;
    }

    public String getConsentId() { return consentId; }
    public String getCaseId() { return caseId; }
    public String getDiscloser() { return discloser; }
    public List<Recipient> getRecipients() { return recipients; }
    public Set<Sensitivity> getCategories() { return categories; }
    public Set<Purpose> getPurposes() { return purposes; }
    public String getPurposeInTheirWords() { return purposeInTheirWords; }
    public LocalDate getExpiresOn() { return expiresOn; }
    public String getExpiresUpon() { return expiresUpon; }
    public String getSignedBy() { return signedBy; }
    public LocalDate getSignedOn() { return signedOn; }
    public Instant getGrantedAt() { return grantedAt; }
    /** Stored status; a consent whose date has passed is treated as expired at once, before its event is stored. */
    public Status getStatus() { return status; }
    public Instant getEndedAt() { return endedAt; }
    public String getEndedBecause() { return endedBecause; }
    public long getVersion() { return version; }

    public ConsentTerms terms() {
        return new ConsentTerms(consentId, caseId, recipients, categories, purposes, expiresOn,
                status == Status.REVOKED, status == Status.EXPIRED);
    }

    public boolean isActiveAt(Instant at) {
        return terms().isActiveAt(at);
    }

    void end(Status ending, Instant at, String because) {
        status = ending;
        endedAt = at;
        endedBecause = because;
    }

    void applied(long sequence) { version = sequence; }
}
