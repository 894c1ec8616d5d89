package org.dyad.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class DecisionPageTest {

    @LocalServerPort
    int port;

    /**
     * The dyad's board is open in one browser; the person, signed in in another (its own cookies), opens the
     * decision from their page, sees the options side by side, and chooses in their own words. The open board
     * follows without a reload.
     */
    @Test
    void thePersonChoosesFromTheOptionsSideBySideAndTheDyadsOpenBoardFollowsLive(Browser board) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        RestApi psychiatrist = new RestApi(port, "psychiatrist");
        JsonNode mine = new RestApi(port, "person").get("/api/cases");
        assertThat(mine).as("the person's own case").hasSize(1);
        String caseId = mine.get(0).get("id").asText();

        String question = "What to do about my mornings " + tag;
        String decisionId = psychiatrist.post("/api/cases/" + caseId + "/decisions", Map.of("question", question)).get("id").asText();
        String decision = "/api/cases/" + caseId + "/decisions/" + decisionId;
        String medicine = "A lower dose of the morning medicine " + tag;
        String therapy = "Sleep therapy, six weekly sessions " + tag;
        String walking = "The morning walking group " + tag;
        option(psychiatrist, decision, "MEDICATION", medicine, "Less grogginess within a week",
                "Sleep may get lighter again", "A check-in after two weeks");
        option(psychiatrist, decision, "PSYCHOSOCIAL", therapy, "Lasting change, no side effects",
                "The first weeks can feel harder", "An hour a week and a sleep diary");
        String walkingId = option(new RestApi(port, "peer"), decision, "PEER_SUPPORT", walking,
                "Company, daylight, a reason to get up", "Weather; meeting new people", "Three mornings a week");
        psychiatrist.post(decision + "/present", Map.of());
        int waiting = psychiatrist.get("/api/cases/" + caseId).get("decisionsWaiting").asInt();
        assertThat(waiting).isGreaterThanOrEqualTo(1);

        // The dyad's board, live, as the peer.
        board.signIn("peer");
        board.open("/board/north");
        board.visible(By.cssSelector("#live-status[data-state='live']"));
        By row = By.cssSelector("#board [data-case-id='" + caseId + "']");
        board.waitFor(d -> String.valueOf(waiting).equals(d.findElement(row).getDomAttribute("data-decisions-waiting")));
        assertThat(board.find(row).getText()).contains(waiting + (waiting == 1 ? " decision" : " decisions") + " waiting for the person");
        // Note in the board's own clock when the count changes, to report the latency from the click as well.
        board.js("""
                window.__marker = 1;
                const li = document.querySelector(arguments[0]);
                new MutationObserver(() => {
                  if (li.dataset.decisionsWaiting === arguments[1] && !window.__droppedAt) window.__droppedAt = Date.now();
                }).observe(li, { attributes: true, attributeFilter: ['data-decisions-waiting'] });
                """, "#board [data-case-id='" + caseId + "']", String.valueOf(waiting - 1));

        // The person, in a browser of their own.
        Browser person = Browser.start().at(port);
        try {
            person.signIn("person");
            assertThat(person.currentPath()).isEqualTo("/me");
            By link = By.cssSelector("#decisions-waiting li[data-decision-id='" + decisionId + "'] a");
            assertThat(person.visible(link).getText()).isEqualTo(question);
            person.find(link).click();
            person.waitFor(d -> person.currentPath().equals("/cases/" + caseId + "/decisions/" + decisionId));
            person.waitForText(By.id("decision-question"), question);

            // The options side by side: one column per option, the three "what it is" in one row.
            WebElement grid = person.visible(By.cssSelector("table#option-grid"));
            assertThat(grid.findElements(By.cssSelector("thead th[scope=col]"))).hasSize(3);
            assertThat(grid.findElements(By.cssSelector("tbody th[scope=row]"))).extracting(WebElement::getText)
                    .startsWith("What it is", "Benefits", "Harms", "What it asks of me");
            List<WebElement> whatItIs = grid.findElements(By.cssSelector("tr[data-row='whatItIs'] td"));
            assertThat(whatItIs).extracting(WebElement::getText).containsExactly(medicine, therapy, walking);
            assertThat(whatItIs).allMatch(WebElement::isDisplayed);
            Rectangle first = whatItIs.get(0).getRect();
            Rectangle second = whatItIs.get(1).getRect();
            Rectangle third = whatItIs.get(2).getRect();
            assertThat(List.of(second.getY(), third.getY())).as("in one row").containsOnly(first.getY());
            assertThat(second.getX()).as("side by side").isGreaterThanOrEqualTo(first.getX() + first.getWidth());
            assertThat(third.getX()).isGreaterThanOrEqualTo(second.getX() + second.getWidth());
            assertThat(third.getX() + third.getWidth()).as("all three fit at 1280×720").isLessThanOrEqualTo(1280);
            assertThat(grid.findElement(By.cssSelector("tr[data-row='harms']")).getText()).contains("Weather; meeting new people");

            person.js("document.getElementById('options').scrollIntoView({block: 'start'});");
            Path screenshot = person.screenshot("decision");
            assertThat(Files.size(screenshot)).isPositive();

            // "Not now" is one of the answers, as a card like the others.
            assertThat(person.find(By.cssSelector("#choose-form label[for='choice-not-now']")).getText()).contains("I want more time");
            String words = "I'll try the walking group first; mornings outside are when I feel best. " + tag;
            person.find(By.cssSelector("label[for='choice-" + walkingId + "']")).click();
            person.find(By.id("choose-words")).sendKeys(words);
            WebElement choose = person.find(By.cssSelector("#choose-form button[type=submit]"));
            assertThat(choose.getText()).isEqualTo("Record my choice");
            long clickedAt = (Long) person.js("return Date.now();");
            choose.click();

            person.waitForText(By.id("announce"), "Your choice is recorded.");
            long confirmed = System.nanoTime();
            board.waitFor(Duration.ofSeconds(2), Duration.ofMillis(20),
                    d -> String.valueOf(waiting - 1).equals(d.findElement(row).getDomAttribute("data-decisions-waiting")));
            long latencyMs = (System.nanoTime() - confirmed) / 1_000_000;
            Long droppedAt = (Long) board.js("return window.__droppedAt ?? null;");
            System.out.printf("Board latency: %d ms after the choice was confirmed on the person's page; "
                    + "the board's count dropped %d ms after the click.%n", latencyMs, droppedAt == null ? -1 : droppedAt - clickedAt);
            assertThat(latencyMs).as("board follows within a second of the confirmation").isLessThan(1000);
            assertThat(board.js("return window.__marker;")).as("the board was not reloaded").isEqualTo(1L);
            assertThat(board.find(By.id("live-status")).getText()).isEqualTo("live");

            JsonNode answer = psychiatrist.get(decision).get("latestAnswer");
            assertThat(answer.get("optionId").asText()).isEqualTo(walkingId);
            assertThat(answer.get("chosenBy").asText()).isEqualTo("PERSON");
            assertThat(answer.get("recordedBy").asText()).isEqualTo("person");
            assertThat(answer.get("inTheirWords").asText()).isEqualTo(words);

            // The person's page now says what they chose, in their words, and asks CollaboRATE afterwards.
            assertThat(person.find(By.id("current-answer")).getText()).contains("You chose Option C: " + walking, words);
            assertThat(person.find(By.cssSelector("#option-grid thead th.chosen")).getText()).contains("Your choice");
            for (String item : List.of("explainedIssues", "listenedToWhatMatters", "includedWhatMatters")) {
                person.find(By.cssSelector("#collaborate-form input[name='" + item + "'][value='8']")).click();
            }
            person.find(By.cssSelector("#collaborate-form button[type=submit]")).click();
            person.waitForText(By.id("announce"), "Your answers are recorded.");
            assertThat(psychiatrist.get(decision).get("collaborate").get("listenedToWhatMatters").asInt()).isEqualTo(8);
        } finally {
            person.close();
        }
    }

    @Test
    void theTeamPutsOptionsOnTheTableAndAClinicianMustAttestThePersonChoseThemselves(Browser browser) throws Exception {
        RestApi api = new RestApi(port, "psychiatrist");
        String name = "Rowan Test " + UUID.randomUUID().toString().substring(0, 6);
        String caseId = api.post("/api/cases", Map.of("preferredName", name, "dateOfBirth", "1985-06-01",
                "setting", "OUTPATIENT", "unit", "north")).get("id").asText();

        browser.signIn("psychiatrist");
        browser.open("/cases/" + caseId);
        browser.visible(By.id("decision-question")).sendKeys("Whether to change my medicine");
        browser.find(By.cssSelector("#open-decision button[type=submit]")).click();
        browser.waitFor(d -> browser.currentPath().startsWith("/cases/" + caseId + "/decisions/"));
        browser.waitForText(By.id("decision-question"), "Whether to change my medicine");

        addOption(browser, "MEDICATION", "Switch to another medicine");
        browser.waitForText(By.id("option-grid"), "Switch to another medicine");
        // One option is no choice: the rule says so in its own words, next to the button.
        browser.find(By.cssSelector("#present-form button[type=submit]")).click();
        assertThat(browser.visible(By.cssSelector("#present-form .form-error")).getText())
                .contains("without a real choice: offer at least two options");

        addOption(browser, "NO_CHANGE_WATCHFUL_WAITING", "Keep things as they are for a month");
        browser.waitFor(d -> d.findElements(By.cssSelector("#option-grid thead th[scope=col]")).size() == 2);
        browser.find(By.cssSelector("#present-form button[type=submit]")).click();
        browser.waitForText(By.id("decision-status"), "With the person");

        // A clinician who types the choice without attesting is refused, next to the form.
        browser.visible(By.cssSelector("#choose-form label[for^='choice-']")).click();
        browser.find(By.id("choose-words")).sendKeys("Let's switch.");
        browser.find(By.cssSelector("#choose-form button[type=submit]")).click();
        WebElement refusal = browser.visible(By.cssSelector("#choose-form .form-error"));
        assertThat(refusal.getText()).contains("attesting that the person is present", "Clinicians do not choose for the person");
        assertThat(browser.js("return arguments[0].previousElementSibling.contains(document.getElementById('choose-attest'));", refusal))
                .as("right under the attestation").isEqualTo(true);
        assertThat(browser.find(By.id("decision-status")).getText()).isEqualTo("With the person");

        browser.find(By.cssSelector("label[for='choose-attest']")).click();
        assertThat(browser.find(By.id("choose-attest")).isSelected()).isTrue();
        browser.find(By.cssSelector("#choose-form button[type=submit]")).click();
        browser.waitForText(By.id("current-answer"), name + " chose Option A: Switch to another medicine", "Let's switch.");
        assertThat(browser.find(By.id("answer-history")).getText()).contains("recorded by Dr. Amara Okafor, who was with them");
    }

    private static void addOption(Browser browser, String kind, String whatItIs) {
        WebElement details = browser.find(By.cssSelector("#options details.editor"));
        if (details.getDomAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
        new Select(browser.visible(By.id("option-kind"))).selectByValue(kind);
        browser.find(By.id("option-what")).sendKeys(whatItIs);
        browser.find(By.id("option-benefits")).sendKeys("may help");
        browser.find(By.id("option-harms")).sendKeys("may not");
        browser.find(By.id("option-asks")).sendKeys("time");
        browser.find(By.cssSelector("#option-form button[type=submit]")).click();
    }

    private static String option(RestApi api, String decision, String kind, String whatItIs, String benefits, String harms,
                                 String asks) throws IOException, InterruptedException {
        return api.post(decision + "/options", Map.of("kind", kind, "whatItIs", whatItIs, "benefits", benefits,
                "harms", harms, "whatItAsksOfMe", asks)).get("id").asText();
    }
}
