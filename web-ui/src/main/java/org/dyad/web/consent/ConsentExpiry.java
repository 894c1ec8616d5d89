package org.dyad.web.consent;

import org.dyad.application.consent.ConsentService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Stores the expiry of consents whose end date has come. Reads already treat them as ended at once; this puts the
 * ending on the record and re-files open screens within a second of the end (UTC midnight). Runs as the system actor.
 */
@Component
class ConsentExpiry {

    private static final Logger log = LoggerFactory.getLogger(ConsentExpiry.class);

    private final ConsentService consents;

    ConsentExpiry(ConsentService consents) {
        this.consents = consents;
    }

    @Scheduled(fixedDelayString = "${dyad.consent-expiry-check:PT1S}", initialDelayString = "PT5S")
    void expireDue() {
        try {
            int expired = consents.expireDue();
            if (expired > 0) {
                log.info("{} consent(s) reached their end date", expired);
            }
        } catch (RuntimeException e) {
            log.warn("Consent expiry check failed; will try again", e);
        }
    }
}
