package org.dyad.web.pages;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class BoardPageTest {

    @LocalServerPort
    int port;

    @Test
    void aCaseOpenedElsewhereAppearsOnTheOpenBoardWithItsDyadWithoutAReload(Browser browser) throws Exception {
        browser.signIn("psychiatrist");
        browser.open("/board/north");
        browser.visible(By.cssSelector("#live-status[data-state='live']"));
        WebElement board = browser.find(By.id("board"));
        long versionBefore = Long.parseLong(board.getDomAttribute("data-board-version"));
        assertThat(board.findElements(By.cssSelector("[data-case-id]"))).as("the seeded north cases").hasSizeGreaterThanOrEqualTo(12);
        browser.js("window.__marker = 1;");

        String name = "Wren Test " + UUID.randomUUID().toString().substring(0, 6);
        RestApi api = new RestApi(port, "psychiatrist");
        String caseId = api.post("/api/cases", Map.of("preferredName", name, "pronouns", "they/them",
                "dateOfBirth", "1990-04-12", "setting", "INPATIENT", "unit", "north")).get("id").asText();
        api.post("/api/cases/" + caseId + "/care-team", Map.of("userId", "peer"));
        api.post("/api/cases/" + caseId + "/dyad", Map.of("peerId", "peer", "psychiatristId", "psychiatrist"));

        By row = By.cssSelector("#board [data-case-id='" + caseId + "']");
        String text = browser.waitForText(row, name, "Jordan Reyes", "Dr. Amara Okafor");
        assertThat(text).contains("they/them");
        assertThat(browser.find(row).findElement(By.tagName("a")).getDomAttribute("href")).isEqualTo("/cases/" + caseId);
        assertThat(browser.js("return window.__marker;")).as("the page was not reloaded").isEqualTo(1L);
        assertThat(Long.parseLong(board.getDomAttribute("data-board-version"))).isGreaterThan(versionBefore);
        assertThat(browser.find(By.id("live-status")).getText()).isEqualTo("live");

        Path screenshot = browser.screenshot("board");
        assertThat(Files.size(screenshot)).isPositive();
    }

    /**
     * Records the page's WebSockets and the frames it sends and receives; while {@code __holdSockets} is set, new sockets go to
     * a path without a STOMP endpoint, so the page stays offline until the test lets it back.
     */
    private static final String SOCKET_SPY = """
            (() => {
              const Real = window.WebSocket;
              window.__sockets = [];
              window.__sent = [];
              window.__received = [];
              window.__holdSockets = false;
              window.WebSocket = class extends Real {
                constructor(url, protocols) {
                  super(window.__holdSockets ? url.replace('/ws', '/ws-held') : url, protocols);
                  window.__sockets.push(this);
                  this.addEventListener('message', event => window.__received.push(String(event.data)));
                }
                send(data) { window.__sent.push(String(data)); super.send(data); }
              };
            })();
            """;

    @Test
    void afterAReconnectTheBoardAsksForWhatItMissedAndShowsIt(Browser browser) throws Exception {
        browser.signIn("psychiatrist");
        String spy = browser.onEveryPage(SOCKET_SPY);
        try {
            browser.open("/board/north");
            browser.visible(By.cssSelector("#live-status[data-state='live']"));
            String shownVersion = browser.find(By.id("board")).getDomAttribute("data-board-version");
            browser.js("window.__marker = 1;");

            browser.js("window.__holdSockets = true; window.__sockets[0].close();");
            browser.visible(By.cssSelector("#live-status[data-state='reconnecting']"));
            String name = "Quill Offline " + UUID.randomUUID().toString().substring(0, 6);
            String caseId = new RestApi(port, "psychiatrist").post("/api/cases", Map.of("preferredName", name,
                    "dateOfBirth", "1979-09-09", "setting", "OUTPATIENT", "unit", "north")).get("id").asText();
            By row = By.cssSelector("#board [data-case-id='" + caseId + "']");
            assertThat(browser.driver().findElements(row)).as("nothing reaches an offline page").isEmpty();

            browser.js("window.__holdSockets = false;");
            browser.waitFor(Duration.ofSeconds(15), d -> d.findElements(row).isEmpty() ? null : true);
            assertThat(browser.find(row).getText()).contains(name);
            assertThat(browser.find(By.id("live-status")).getText()).isEqualTo("live");
            @SuppressWarnings("unchecked")
            List<String> subscribes = ((List<String>) browser.js("return window.__sent;")).stream()
                    .filter(frame -> frame.startsWith("SUBSCRIBE")).toList();
            assertThat(subscribes).as("subscribed, then subscribed again after the reconnect").hasSize(2);
            assertThat(subscribes.get(1)).contains("\nversion:" + shownVersion + "\n").contains("\nreceipt:")
                    .contains("\nchanges:true\n");
            @SuppressWarnings("unchecked")
            List<String> boards = ((List<String>) browser.js("return window.__received;")).stream()
                    .filter(frame -> frame.startsWith("MESSAGE")).toList();
            assertThat(boards).as("after the reconnect, only what was missed: the one new row")
                    .anySatisfy(frame -> assertThat(frame).contains("\"since\":" + shownVersion).contains(caseId)
                            .doesNotContain("Alex Moreno"));
            assertThat(browser.js("return window.__marker;")).as("the page was not reloaded").isEqualTo(1L);
        } finally {
            browser.removeScript(spy);
        }
    }

    @Test
    void theBoardOfAnotherUnitSaysWhyItIsNotShown(Browser browser) {
        browser.signIn("psychiatrist");
        browser.open("/board/south");
        assertThat(browser.visible(By.id("board-message")).getText()).contains("Only the south team sees the south board");
        assertThat(browser.find(By.id("live-status")).getDomAttribute("data-state")).isEqualTo("offline");
        assertThat(browser.find(By.id("board")).findElements(By.cssSelector("[data-case-id]"))).isEmpty();
    }
}
