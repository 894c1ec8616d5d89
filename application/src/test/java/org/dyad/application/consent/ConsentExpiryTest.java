package org.dyad.application.consent;

import org.dyad.application.shared.CommandSender;
import org.dyad.domain.consent.ConsentCommand.ExpireConsent;
import org.dyad.domain.consent.Purpose;
import org.dyad.domain.consent.Recipient;
import org.dyad.domain.consent.RecipientKind;
import org.dyad.domain.shared.Sensitivity;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** A consent whose end date has come is expired on the record, once, and only then. */
class ConsentExpiryTest {

    private final Map<String, ConsentView> stored = new LinkedHashMap<>();
    private final List<Object> sent = new ArrayList<>();

    private final ConsentViews views = new ConsentViews() {
        @Override
        public Optional<ConsentView> find(String consentId) {
            return Optional.ofNullable(stored.get(consentId));
        }

        @Override
        public void save(ConsentView view) {
            stored.put(view.getConsentId(), view);
        }

        @Override
        public List<ConsentView> findByCase(String caseId) {
            return stored.values().stream().filter(v -> v.getCaseId().equals(caseId)).toList();
        }

        @Override
        public List<ConsentView> findActiveOrDue() {
            return stored.values().stream().filter(v -> v.getStatus() == ConsentView.Status.ACTIVE).toList();
        }
    };

    private final CommandSender sender = new CommandSender(null, null, null) {
        @Override
        public void send(Object command, String aggregateId, LongSupplier viewVersion, String reason) {
            sent.add(command);
            if (command instanceof ExpireConsent expire) {
                stored.get(expire.consentId()).end(ConsentView.Status.EXPIRED, expire.at(), expire.because());
            }
        }
    };

    private ConsentService at(String instant) {
        return new ConsentService(sender, views, null, null, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private void consent(String id, LocalDate expiresOn, String expiresUpon) {
        stored.put(id, new ConsentView(id, "case-1", "the team", List.of(new Recipient(RecipientKind.ROLE, "NURSE")),
                Set.of(Sensitivity.GENERAL), Set.of(Purpose.TREATMENT), null, expiresOn, expiresUpon, "Rae",
                LocalDate.of(2026, 1, 1), Instant.parse("2026-01-01T09:00:00Z")));
    }

    @Test
    void theDayBeforeTheEndDateNothingExpires() {
        consent("c1", LocalDate.of(2026, 3, 1), null);
        assertThat(at("2026-02-28T23:59:59Z").expireDue()).isZero();
        assertThat(sent).isEmpty();
    }

    @Test
    void asTheEndDateBeginsTheConsentIsExpiredOnTheRecordOnce() {
        consent("c1", LocalDate.of(2026, 3, 1), null);
        consent("c2", LocalDate.of(2026, 6, 1), null);
        assertThat(at("2026-03-01T00:00:00Z").expireDue()).isEqualTo(1);
        assertThat(sent).singleElement().isInstanceOfSatisfying(ExpireConsent.class, e -> {
            assertThat(e.consentId()).isEqualTo("c1");
            assertThat(e.because()).contains("2026-03-01");
        });
        assertThat(at("2026-03-01T00:00:01Z").expireDue()).isZero();
    }

    @Test
    void aConsentThatRunsUntilAnEventIsNeverExpiredByTheClock() {
        consent("c1", null, "my discharge");
        assertThat(at("2030-01-01T00:00:00Z").expireDue()).isZero();
    }
}
