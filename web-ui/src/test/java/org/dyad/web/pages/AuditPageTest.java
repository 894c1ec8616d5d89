package org.dyad.web.pages;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class AuditPageTest {

    @Test
    void anAuditorFindsADemoCaseMovesThroughItsReplayAndSeesItVerified(Browser browser) throws Exception {
        browser.signIn("auditor");
        assertThat(browser.currentPath()).isEqualTo("/audit");
        // The unit's HBIPS charts: Chart.js from its WebJar draws them; the same figures stand in a table.
        browser.waitForText(By.id("hbips"), "HBIPS-2: physical restraint", "HBIPS-3: seclusion");
        browser.waitFor(Duration.ofSeconds(10), d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return !!window.Chart && !!window.Chart.getChart(document.getElementById('hbips-chart-1'))") ? true : null);
        String thisMonth = java.time.YearMonth.now(java.time.ZoneId.of("America/New_York")).toString();
        String seclusion = browser.find(By.cssSelector("#hbips .hbips-table:nth-of-type(1)")).getDomProperty("textContent");
        assertThat(browser.find(By.id("hbips")).getDomProperty("textContent")).contains(thisMonth, "Ages 18–64", "min)");
        assertThat(seclusion).isNotBlank();
        browser.visible(By.id("search-q")).sendKeys("Eli Sandoval");
        browser.find(By.cssSelector("#search-form button[type=submit]")).click();
        browser.waitForText(By.id("search-results"), "Eli Sandoval");
        browser.screenshot("audit-search");
        browser.find(By.linkText("Eli Sandoval")).click();
        browser.waitFor(d -> browser.currentPath().startsWith("/audit/cases/"));

        assertThat(browser.waitForText(By.id("verification"), "Verified")).contains("nothing was altered");
        assertThat(browser.find(By.id("verification")).getDomAttribute("data-state")).isEqualTo("verified");
        WebElement slider = browser.visible(By.id("replay-slider"));
        WebElement progress = browser.find(By.id("replay-progress"));
        assertThat(progress.getDomProperty("value")).isEqualTo(progress.getDomProperty("max"));
        String lastEvent = shownEvent(browser, null);
        String atTheEnd = browser.find(By.id("state")).getText();
        assertThat(atTheEnd).contains("Eli Sandoval", "Jordan Reyes", "peer note — confidential");

        slider.sendKeys(Keys.HOME);
        shownEvent(browser, lastEvent);
        String atTheStart = browser.waitForText(By.id("state"), "State as of event 1 of");
        assertThat(atTheStart).contains("Care team\nnobody").doesNotContain("Jordan Reyes");
        assertThat(browser.find(By.id("current-event")).getText()).contains("Case opened");

        browser.find(By.id("step-forward")).click();
        browser.waitForText(By.id("state"), "State as of event 2 of", "Dr. Amara Okafor");

        new Select(browser.find(By.id("jump-family"))).selectByValue("restraint");
        browser.find(By.id("jump-next")).click();
        browser.waitForText(By.id("current-event"), "Intervention started");
        browser.waitForText(By.id("state-restrictions"), "Restraint and seclusion (1)", "seclusion", "in progress");
        slider.sendKeys(Keys.HOME);
        browser.waitForText(By.id("state"), "State as of event 1 of");
        new Select(browser.find(By.id("jump-family"))).selectByValue("session");
        browser.find(By.id("jump-next")).click();
        browser.waitForText(By.id("current-event"), "Session scheduled");
        browser.waitFor(Duration.ofSeconds(5), d -> browser.find(By.id("state")).getText().contains("Co-treatment sessions (1)") ? true : null);

        WebElement export = browser.find(By.id("export"));
        assertThat(export.getDomAttribute("href")).endsWith("/export");
        assertThat(export.getDomAttribute("download")).isNotNull();
        assertThat(browser.find(By.id("hbips")).getText()).as("quality charts are on the search page, not the replay").isEmpty();
        browser.screenshot("audit");
    }

    /** The event the state panel shows once it has moved on from {@code before}. */
    private static String shownEvent(Browser browser, String before) {
        return browser.waitFor(Duration.ofSeconds(10), d -> {
            WebElement state = d.findElement(By.id("state"));
            String event = state.getDomAttribute("data-event");
            boolean settled = state.getDomAttribute("aria-busy") == null;
            return settled && event != null && !event.isEmpty() && !event.equals(before) ? event : null;
        });
    }
}
