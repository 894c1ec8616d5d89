package org.dyad.web.pages;

import org.dyad.application.demo.DemoData;
import org.dyad.web.support.TestClock;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class RestraintPageTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    /** An admitted person on north with nurse and peer on the team and a PAD that speaks to restraint. */
    private String admittedCaseWithPad(String name) throws Exception {
        RestApi api = new RestApi(port, "psychiatrist");
        String caseId = api.post("/api/cases", Map.of("preferredName", name, "dateOfBirth", "1988-02-03",
                "setting", "INPATIENT", "unit", "north")).get("id").asText();
        api.post("/api/cases/" + caseId + "/care-team", Map.of("userId", "nurse"));
        api.post("/api/cases/" + caseId + "/care-team", Map.of("userId", "peer"));
        api.post("/api/cases/" + caseId + "/advance-directive", Map.of(
                "viewsOnRestraintAndSeclusion", "Never face down. Let me call Ike before anything else.",
                "whatHelpsInCrisis", "Dim lights, my headphones",
                "whoToCall", List.of(Map.of("name", "Ike", "relationship", "brother", "phone", "555-0199"))));
        api.post("/api/cases/" + caseId + "/admit", Map.of());
        return caseId;
    }

    @Test
    void aNurseStartsASeclusionTheBoardCountsDownWithThePersonsWishesAndTurnsRedWhenTheHourPasses(Browser browser) throws Exception {
        String name = "Rowan " + UUID.randomUUID().toString().substring(0, 6);
        String caseId = admittedCaseWithPad(name);

        browser.signIn("nurse");
        browser.open("/cases/" + caseId);
        browser.visible(By.cssSelector("#restrictions details.add > summary")).click();
        browser.visible(By.id("r-risk")).sendKeys("Threw a chair at the window, shouting at staff");
        browser.find(By.id("r-tried")).sendKeys("Offered the comfort room\nCalled the peer");
        browser.find(By.id("r-prescriber")).sendKeys("psychiatrist");
        browser.find(By.cssSelector("#start-restriction button[type=submit]")).click();
        browser.waitFor(d -> browser.currentPath().contains("/restrictions/") ? true : null);
        String episodePath = browser.currentPath();
        browser.waitForText(By.id("in-progress"), "Seclusion");
        assertThat(browser.find(By.cssSelector(".persons-voice")).getText()).contains("Never face down");

        browser.open("/board/north");
        browser.visible(By.cssSelector("#live-status[data-state='live']"));
        By row = By.cssSelector("#board [data-case-id='" + caseId + "']");
        String card = browser.waitForText(row, name, "Face-to-face evaluation due in", "Order ends in", "Never face down", "Ike");
        assertThat(card).doesNotContain("overdue");
        String before = browser.find(By.cssSelector("[data-case-id='" + caseId + "'] [data-clock='face-to-face'] time")).getText();
        browser.waitFor(Duration.ofSeconds(5), d -> !browser.find(By.cssSelector("[data-case-id='" + caseId
                + "'] [data-clock='face-to-face'] time")).getText().equals(before) ? true : null);
        assertThat(browser.find(row).getDomAttribute("class")).doesNotContain("overdue");
        browser.js("window.__marker = 1;");

        clock.advance(Duration.ofMinutes(61));
        long advanced = System.nanoTime();
        browser.waitFor(Duration.ofSeconds(10), d -> browser.find(row).getDomAttribute("class").contains("overdue") ? true : null);
        long redAfterMillis = (System.nanoTime() - advanced) / 1_000_000;
        System.out.printf("restraint page: the board row turned red %d ms after the face-to-face hour passed%n", redAfterMillis);
        assertThat(browser.find(row).getText()).contains("Face-to-face evaluation overdue");
        assertThat(browser.js("return window.__marker;")).as("the page was not reloaded").isEqualTo(1L);
        browser.screenshot("board-overdue");

        browser.open(episodePath);
        browser.visible(By.id("f2f-findings")).sendKeys("Calmer; asked to call Ike. End soon.");
        browser.find(By.cssSelector("#face-to-face-form button[type=submit]")).click();
        assertThat(browser.waitForText(By.id("face-to-face-view"), "after the hour")).contains("Calmer");
        browser.open("/board/north");
        browser.waitFor(Duration.ofSeconds(10), d -> !browser.find(row).getDomAttribute("class").contains("overdue") ? true : null);
    }

    /** On the person's own demo case, where the nurse is on the care team. */
    @Test
    void thePersonReadsTheirEpisodeAndAddsTheirOwnAccount(Browser browser) throws Exception {
        String caseId = DemoData.stableId("north-0");
        RestApi nurse = new RestApi(port, "nurse");
        String id = nurse.post("/api/cases/" + caseId + "/restrictions", Map.of("kind", "PHYSICAL_HOLD",
                "imminentRisk", "hitting their head on the wall", "alternativesTried", List.of("talking"),
                "order", Map.of("prescriberId", "psychiatrist"))).get("id").asText();
        nurse.post("/api/cases/" + caseId + "/restrictions/" + id + "/end", Map.of());

        browser.signIn("person");
        browser.open("/me");
        WebElement link = browser.waitFor(d -> d.findElements(By.cssSelector("#my-episodes a")).stream()
                .filter(a -> a.getDomAttribute("href").endsWith(id)).findFirst().orElse(null));
        link.click();
        browser.waitForText(By.id("episode-title"), "Physical hold");
        browser.visible(By.cssSelector("#accounts details.add > summary")).click();
        browser.visible(By.id("episode-text")).sendKeys("Nobody said how long it would last.");
        browser.find(By.cssSelector("#episode-account button[type=submit]")).click();
        browser.waitForText(By.id("accounts-list"), "Nobody said how long it would last.");
        assertThat(browser.find(By.id("main")).getText()).doesNotContain("Record the evaluation");
    }
}
