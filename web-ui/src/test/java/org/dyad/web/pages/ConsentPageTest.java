package org.dyad.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The person's consents on their own page, and what follows from them on the care team's open pages. */
@BrowserTest
class ConsentPageTest {

    @LocalServerPort
    int port;

    /**
     * The psychiatrist has the session open and reads the peer's confidential note under the person's consent. The
     * person, in a browser of their own, revokes that consent on their page; the psychiatrist's open page withdraws
     * the note at once, without a reload, and shows the calm placeholder instead.
     */
    @Test
    void revokingOnTheirOwnPageWithdrawsThePeersNoteFromThePsychiatristsOpenSession(Browser psychiatristPage) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        RestApi person = new RestApi(port, "person");
        RestApi psychiatrist = new RestApi(port, "psychiatrist");
        JsonNode mine = person.get("/api/cases");
        assertThat(mine).as("the person's own case").hasSize(1);
        String caseId = mine.get(0).get("id").asText();

        String at = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        String sessionId = psychiatrist.post("/api/cases/" + caseId + "/sessions", Map.of("scheduledFor", at)).get("id").asText();
        String session = "/api/cases/" + caseId + "/sessions/" + sessionId;
        psychiatrist.post(session + "/start", Map.of("at", at));
        String noteText = "They told me about the nights they walk to the river to calm down. " + tag;
        new RestApi(port, "peer").post(session + "/notes", Map.of("text", noteText, "category", "PEER_CONFIDENTIAL"));
        String consentId = person.post("/api/cases/" + caseId + "/consents", Map.of(
                "discloser", "Jordan Reyes, my peer specialist",
                "recipients", List.of(Map.of("kind", "ROLE", "id", "PSYCHIATRIST")),
                "categories", List.of("PEER_CONFIDENTIAL"), "purposes", List.of("TREATMENT"),
                "expiresOn", LocalDate.now(org.dyad.web.support.TestClockConfig.UNIT_ZONE).plusDays(30).toString(),
                "signedBy", "Alex Moreno", "signedOn", LocalDate.now(org.dyad.web.support.TestClockConfig.UNIT_ZONE).toString(),
                "rightToRevokeAcknowledged", true)).get("id").asText();

        // Browser A: the psychiatrist reads the peer's note on the open session page.
        psychiatristPage.signIn("psychiatrist");
        psychiatristPage.open("/cases/" + caseId + "/sessions/" + sessionId);
        psychiatristPage.waitForText(By.id("note-peer"), noteText);
        psychiatristPage.visible(By.cssSelector("body[data-live='live']"));
        psychiatristPage.js("""
                window.__marker = 1;
                new MutationObserver(() => {
                  if (!window.__withheldAt && document.querySelector('#note-peer .note-text.withheld')) window.__withheldAt = Date.now();
                }).observe(document.getElementById('main'), { childList: true, subtree: true });
                """);

        // Browser B: the person, with their own cookies, revokes it on their page.
        Browser personPage = Browser.start().at(port);
        try {
            personPage.signIn("person");
            assertThat(personPage.currentPath()).isEqualTo("/me");
            By item = By.id("consent-" + consentId);
            assertThat(personPage.waitForText(item, "In force")).contains("every psychiatrist on my care team",
                    "What I tell my peer specialist in confidence", "My treatment", "Alex Moreno");
            WebElement revoke = personPage.find(By.cssSelector("#consent-" + consentId + " button[data-action='revoke']"));
            assertThat(revoke.getText()).isEqualTo("Revoke");
            revoke.click();
            WebElement confirm = personPage.visible(By.cssSelector("#consent-" + consentId + " button[data-action='confirm-revoke']"));
            assertThat(personPage.find(By.id("consent-" + consentId + "-confirm")).getText())
                    .contains("every psychiatrist on my care team can no longer see", "stays listed under “Who saw what”");
            assertThat(personPage.js("return document.activeElement === arguments[0];", confirm))
                    .as("the confirmation takes the focus, for the keyboard").isEqualTo(true);
            long clickedAt = (Long) personPage.js("return Date.now();");
            long started = System.nanoTime();
            confirm.click();

            psychiatristPage.waitFor(Duration.ofSeconds(5), Duration.ofMillis(20),
                    d -> !d.findElement(By.id("note-peer")).getText().contains(noteText)
                            && !d.findElements(By.cssSelector("#note-peer .note-text.withheld")).isEmpty());
            long seenMs = (System.nanoTime() - started) / 1_000_000;
            Long withheldAt = (Long) psychiatristPage.js("return window.__withheldAt ?? null;");
            System.out.printf("Revocation reached the psychiatrist's open session page %d ms after the person's click "
                    + "(page clock: %d ms).%n", seenMs, withheldAt == null ? -1 : withheldAt - clickedAt);
            assertThat(seenMs).as("within a few seconds").isLessThan(5000);
            assertThat(psychiatristPage.js("return window.__marker;")).as("the page was not reloaded").isEqualTo(1L);
            assertThat(psychiatristPage.find(By.cssSelector("#note-peer .note-text.withheld")).getText())
                    .isEqualTo("peer note — confidential");
            assertThat(psychiatristPage.find(By.id("main")).getText()).doesNotContain(noteText);

            personPage.waitForText(By.id("announce"), "You revoked your consent");
            assertThat(personPage.waitForText(item, "You revoked it")).doesNotContain("In force");
            assertThat(personPage.find(item).findElements(By.cssSelector("button[data-action='revoke']"))).isEmpty();
            assertThat(person.get("/api/me/consents").toString()).contains(consentId);
            for (JsonNode c : person.get("/api/me/consents")) {
                if (c.get("consentId").asText().equals(consentId)) {
                    assertThat(c.get("status").asText()).isEqualTo("REVOKED");
                }
            }
        } finally {
            personPage.close();
        }
    }

    /** A colleague asks; the peer declines with one click, no reason asked, and it reads as held in confidence. */
    @Test
    void thePeerDeclinesARequestWithOneClickAndItIsHeldInConfidence(Browser browser) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        RestApi psychiatrist = new RestApi(port, "psychiatrist");
        String caseId = psychiatrist.post("/api/cases", Map.of("preferredName", "Quinn Test " + tag, "dateOfBirth", "1990-02-02",
                "setting", "OUTPATIENT", "unit", "north")).get("id").asText();
        psychiatrist.post("/api/cases/" + caseId + "/care-team", Map.of("userId", "peer"));
        String asked = "What worries them most about going home? " + tag;
        String requestId = psychiatrist.post("/api/cases/" + caseId + "/disclosures", Map.of("holderId", "peer",
                "category", "PEER_CONFIDENTIAL", "purpose", "CARE_COORDINATION", "whatIsAsked", asked)).get("id").asText();

        browser.signIn("peer");
        browser.open("/board/north");
        By row = By.cssSelector("#board [data-case-id='" + caseId + "']");
        browser.waitFor(d -> "1".equals(d.findElement(row).getDomAttribute("data-open-requests")));
        assertThat(browser.find(row).getText()).contains("1 request for information to you");

        browser.open("/cases/" + caseId);
        By item = By.cssSelector("#requests-to-me li[data-disclosure-id='" + requestId + "']");
        assertThat(browser.waitForText(item, asked)).contains("Dr. Amara Okafor", "for care coordination", "Peer note (confidential)");
        WebElement share = browser.find(By.cssSelector("#requests-to-me li[data-disclosure-id='" + requestId + "'] button[data-answer='share']"));
        WebElement decline = browser.find(By.cssSelector("#requests-to-me li[data-disclosure-id='" + requestId + "'] button[data-answer='decline']"));
        Rectangle s = share.getRect();
        Rectangle d = decline.getRect();
        assertThat(List.of(d.getWidth(), d.getHeight())).as("Share and Decline weigh the same").isEqualTo(List.of(s.getWidth(), s.getHeight()));
        assertThat(decline.getDomAttribute("class")).isEqualTo(share.getDomAttribute("class"));
        assertThat(decline.getCssValue("background-color")).isEqualTo(share.getCssValue("background-color"));

        decline.click();
        String answered = browser.waitForText(item, "Held in confidence");
        assertThat(answered).doesNotContain("Share", "Decline");
        assertThat(browser.find(By.cssSelector("#requests-to-me li[data-disclosure-id='" + requestId + "'] .outcome"))
                .getDomAttribute("class")).contains("held").doesNotContain("error");
        assertThat(browser.driver().findElements(By.cssSelector("#requests .form-error, #requests .field-error:not([hidden])"))).isEmpty();
        assertThat(browser.find(By.id("announce")).getText()).isEqualTo("You declined. It is held in confidence.");

        for (JsonNode r : psychiatrist.get("/api/cases/" + caseId + "/disclosures")) {
            if (r.get("disclosureId").asText().equals(requestId)) {
                assertThat(r.get("status").asText()).isEqualTo("DECLINED");
                assertThat(r.get("outcomeInWords").asText()).isEqualTo("held in confidence");
            }
        }
        browser.open("/board/north");
        browser.waitFor(dr -> "0".equals(dr.findElement(row).getDomAttribute("data-open-requests")));

        // The one who asked sees the same respected outcome.
        browser.signIn("psychiatrist");
        browser.open("/cases/" + caseId);
        assertThat(browser.waitForText(By.cssSelector("#requests-by-me li[data-disclosure-id='" + requestId + "']"), "Held in confidence"))
                .contains(asked);
    }

    /** Nothing filled: each missing §2.31 element is named next to its own field, and nothing is stored. */
    @Test
    void anEmptyConsentFormNamesEveryMissingElementBesideItAndStoresNothing(Browser browser) throws Exception {
        RestApi person = new RestApi(port, "person");
        int before = person.get("/api/me/consents").size();
        browser.signIn("person");
        browser.visible(By.id("consents-title"));
        WebElement details = browser.find(By.id("grant-details"));
        if (details.getDomAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
        browser.visible(By.id("consent-discloser"));
        browser.js("document.getElementById('consents').scrollIntoView();");
        browser.screenshot("consents");

        // Every field has a label.
        Long unlabelled = (Long) browser.js("""
                return [...document.querySelectorAll('#consent-form input, #consent-form select, #consent-form textarea')]
                  .filter(el => !(el.labels && el.labels.length) && !el.closest('label')).length;""");
        assertThat(unlabelled).isZero();

        browser.setValue(browser.find(By.id("consent-signed-on")), "");
        browser.find(By.cssSelector("#consent-form button[type=submit]")).click();
        Map<String, String> expected = Map.of(
                "consent-discloser", "Say who may share your information.",
                "consent-recipients", "Choose at least one: a person, everyone in a role, or an organisation.",
                "consent-categories", "Tick at least one kind of information.",
                "consent-purposes", "Tick at least one reason.",
                "consent-until-date", "Say until when: a date, or an event such as “my discharge”.",
                "consent-signed-by", "Sign with your name.",
                "consent-signed-on", "Say the date you sign.",
                "consent-revocable", "Tick this to show you know you can take your consent back at any time.");
        browser.visible(By.id("consent-revocable-error"));
        for (Map.Entry<String, String> e : expected.entrySet()) {
            WebElement error = browser.visible(By.id(e.getKey() + "-error"));
            assertThat(error.getText()).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(browser.js("const c = document.getElementById(arguments[0]);"
                    + "return (c.closest('.field') ?? c).contains(arguments[1]);", e.getKey(), error))
                    .as("%s: the error sits with its field", e.getKey()).isEqualTo(true);
        }
        assertThat(browser.js("return document.activeElement.id;")).as("focus on the first missing element").isEqualTo("consent-discloser");
        assertThat(person.get("/api/me/consents").size()).as("nothing stored").isEqualTo(before);

        // On a phone the section fits the width: nothing runs off the side.
        Dimension size = browser.driver().manage().window().getSize();
        try {
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            browser.waitFor(d -> ((Number) browser.js("return window.innerWidth;")).intValue() < 500);
            assertThat((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth;")).isTrue();
            browser.js("document.getElementById('consents').scrollIntoView();");
            browser.screenshot("consents-phone");
        } finally {
            browser.driver().manage().window().setSize(size);
        }
    }
}
