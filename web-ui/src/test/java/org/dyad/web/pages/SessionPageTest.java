package org.dyad.web.pages;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class SessionPageTest {

    @LocalServerPort
    int port;

    @Test
    void allThreeTogetherMakeACoTreatmentSessionAndEachClinicianWritesTheirOwnNote(Browser browser) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        RestApi api = new RestApi(port, "psychiatrist");
        String name = "Ash Test " + tag;
        String caseId = api.post("/api/cases", Map.of("preferredName", name, "dateOfBirth", "1992-03-14",
                "setting", "INPATIENT", "unit", "north")).get("id").asText();
        api.post("/api/cases/" + caseId + "/care-team", Map.of("userId", "peer"));
        api.post("/api/cases/" + caseId + "/dyad", Map.of("peerId", "peer", "psychiatristId", "psychiatrist"));

        // Scheduled from the case page, in an hour, in Room 3.
        browser.signIn("psychiatrist");
        browser.open("/cases/" + caseId);
        browser.setValue(browser.visible(By.id("session-when")),
                (String) browser.js("const d = new Date(Date.now() + 3600e3);"
                        + "return new Date(d - d.getTimezoneOffset() * 60e3).toISOString().slice(0, 16);"));
        browser.find(By.id("session-place")).sendKeys("Room 3");
        browser.find(By.cssSelector("#schedule-session button[type=submit]")).click();
        browser.waitFor(d -> browser.currentPath().matches("/cases/" + caseId + "/sessions/[0-9a-f-]{36}"));
        String sessionPath = browser.currentPath();
        assertThat(browser.waitForText(By.cssSelector(".case-head"), "Scheduled", "Room 3")).contains("Jordan Reyes");

        browser.find(By.cssSelector("#start-form button[type=submit]")).click();
        browser.waitForText(By.id("session-status"), "In progress");
        for (String who : new String[]{"person", "peer", "psychiatrist"}) {
            browser.visible(By.cssSelector("#attendance-form button[data-participant='" + who + "']")).click();
            browser.visible(By.cssSelector("#attendance-form li[data-participant='" + who + "'][data-here='true']"));
        }
        browser.find(By.id("supporter-name")).sendKeys("Robin");
        browser.find(By.cssSelector("#attendance-form button[data-participant='supporter']")).click();
        browser.waitForText(By.id("attendance-table"), name, "Jordan Reyes", "Dr. Amara Okafor", "Robin", "Supporter");
        assertThat(browser.find(By.id("announce")).getText()).isEqualTo("Robin joined.");

        browser.find(By.cssSelector("#end-form button[type=submit]")).click();
        assertThat(browser.waitForText(By.id("session-kind"), "co-treatment session")).isEqualTo("co-treatment session");
        assertThat(browser.find(By.id("billing-flag")).getDomAttribute("data-same-day")).isEqualTo("true");
        assertThat(browser.find(By.id("attendance-table")).getText()).doesNotContain("still here");

        // The psychiatrist writes and signs their own note.
        String psychiatristNote = "Reviewed sleep and mood together; options to weigh before the next visit. " + tag;
        browser.visible(By.id("note-text")).sendKeys(psychiatristNote);
        browser.find(By.cssSelector("#note-form button[type=submit]")).click();
        browser.waitForText(By.id("note-psychiatrist"), psychiatristNote, "Draft");
        browser.find(By.cssSelector("#sign-form button[type=submit]")).click();
        browser.waitForText(By.id("note-psychiatrist"), "Signed");
        assertThat(browser.find(By.id("note-peer")).findElements(By.tagName("form"))).as("no form in the peer's column").isEmpty();

        // The peer, signed in on the same screen, writes their own note and a differing view.
        browser.signIn("peer");
        browser.open(sessionPath);
        String peerNote = "They spoke about the garden and wanting mornings back. " + tag;
        browser.visible(By.cssSelector("#note-peer #note-text")).sendKeys(peerNote);
        browser.find(By.cssSelector("#note-peer #note-form button[type=submit]")).click();
        browser.waitForText(By.id("note-peer"), peerNote);
        String differing = "I heard less about sleep and more about loneliness in the evenings. " + tag;
        browser.visible(By.id("differing-text")).sendKeys(differing);
        browser.find(By.cssSelector("#differing-form button[type=submit]")).click();
        browser.waitForText(By.id("differing-views"), differing);

        // Beside the psychiatrist's note, not under it; the two notes side by side.
        WebElement psychiatrist = browser.find(By.id("note-psychiatrist"));
        WebElement view = browser.find(By.id("differing-views"));
        WebElement peer = browser.find(By.id("note-peer"));
        assertThat(psychiatrist.getText()).contains(psychiatristNote).doesNotContain(differing);
        assertThat(peer.getText()).contains(peerNote).doesNotContain(differing);
        Rectangle p = psychiatrist.getRect();
        Rectangle v = view.getRect();
        Rectangle q = peer.getRect();
        assertThat(v.getY()).as("on the same line as the psychiatrist's note").isEqualTo(p.getY());
        assertThat(v.getX()).as("beside it").isGreaterThanOrEqualTo(p.getX() + p.getWidth());
        assertThat(q.getY()).isEqualTo(p.getY());
        assertThat(p.getX()).as("the notes side by side").isGreaterThanOrEqualTo(q.getX() + q.getWidth());

        // Nobody co-signs the other's note: asked anyway, the rule explains itself.
        psychiatrist.findElement(By.cssSelector(".cosign button")).click();
        assertThat(browser.waitForText(By.cssSelector("#note-psychiatrist .cosign-answer"), "Each clinician signs only their own note"))
                .contains("differing view");

        // A signed note changes only by an amendment with a reason.
        browser.find(By.cssSelector("#note-peer #sign-form button[type=submit]")).click();
        browser.waitForText(By.id("note-peer"), "Signed");
        browser.find(By.cssSelector("#note-peer details.editor summary")).click();
        browser.visible(By.id("amend-text")).sendKeys(" Robin, their sister, was there too.");
        browser.find(By.cssSelector("#amend-form button[type=submit]")).click();
        assertThat(browser.visible(By.id("amend-reason-error")).getText()).isEqualTo("Reason for the amendment is required");
        browser.find(By.id("amend-reason")).sendKeys("Left out who was there");
        browser.find(By.cssSelector("#amend-form button[type=submit]")).click();
        browser.waitForText(By.id("note-peer"), "Amendments", "Left out who was there", "Robin, their sister, was there too.");
        browser.screenshot("session");
    }
}
