package org.dyad.web.pages;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class CasePageTest {

    @Test
    void openACaseThenAddThePeerFormTheDyadAndRecordGoals(Browser browser) {
        browser.signIn("psychiatrist");
        browser.open("/cases/new");

        // Errors from the API land next to the field they name.
        browser.visible(By.cssSelector("#new-case button[type=submit]")).click();
        WebElement nameError = browser.visible(By.id("preferredName-error"));
        assertThat(nameError.getText()).isNotBlank();
        WebElement nameInput = browser.find(By.id("preferredName"));
        assertThat(nameInput.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(nameInput.getDomAttribute("aria-describedby")).contains("preferredName-error");
        assertThat(browser.find(By.id("dateOfBirth-error")).isDisplayed()).isTrue();

        String name = "Sky Test " + UUID.randomUUID().toString().substring(0, 6);
        nameInput.sendKeys(name);
        browser.find(By.id("pronouns")).sendKeys("she/they");
        browser.js("arguments[0].value = '1988-02-29';", browser.find(By.id("dateOfBirth")));
        browser.find(By.cssSelector("input[name=setting][value=OUTPATIENT]")).click();
        browser.find(By.cssSelector("#new-case button[type=submit]")).click();

        browser.waitFor(d -> browser.currentPath().matches("/cases/[0-9a-f-]{36}"));
        assertThat(browser.waitForText(By.id("case-title"), name)).contains("she/they");
        assertThat(browser.find(By.cssSelector(".case-head .facts")).getText()).contains("North unit", "Outpatient", "Born 1988-02-29");
        assertThat(browser.find(By.id("dyad-view")).getText()).contains("Add a peer specialist");

        new Select(browser.visible(By.id("add-member-user"))).selectByValue("peer");
        browser.find(By.cssSelector("#add-member button[type=submit]")).click();
        browser.waitForText(By.id("care-team-list"), "Jordan Reyes", "Peer specialist", "Dr. Amara Okafor");
        assertThat(browser.find(By.id("announce")).getText()).contains("Jordan Reyes joined the care team");

        new Select(browser.visible(By.id("dyad-peer"))).selectByValue("peer");
        new Select(browser.find(By.id("dyad-psychiatrist"))).selectByValue("psychiatrist");
        browser.find(By.cssSelector("#form-dyad button[type=submit]")).click();
        browser.waitForText(By.id("dyad-view"), "Jordan Reyes", "Dr. Amara Okafor");

        browser.visible(By.cssSelector("#case-goals summary")).click();
        browser.visible(By.id("case-goals-wmm")).sendKeys("Getting back on my bike.");
        browser.find(By.id("case-goals-goals")).sendKeys("ride to work\nsleep through the night");
        browser.find(By.id("case-goals-pm")).sendKeys("cycling");
        browser.find(By.cssSelector("#case-goals form button[type=submit]")).click();

        By goals = By.cssSelector("[data-view='case-goals']");
        browser.waitForText(goals, "Getting back on my bike.", "ride to work", "sleep through the night", "cycling");
        assertThat(browser.find(goals).findElements(By.cssSelector("dd li"))).extracting(WebElement::getText)
                .containsExactly("ride to work", "sleep through the night", "cycling");
    }
}
