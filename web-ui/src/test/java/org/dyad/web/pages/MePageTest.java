package org.dyad.web.pages;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class MePageTest {

    @Test
    void thePersonServedRecordsTheirWrapInTheirOwnWordsThenSignsOut(Browser browser) {
        browser.signIn("person");
        assertThat(browser.currentPath()).isEqualTo("/me");
        browser.waitForText(By.id("main"), "Your record with the North unit", "Jordan Reyes");

        String tool = "my playlist " + UUID.randomUUID().toString().substring(0, 6);
        browser.visible(By.cssSelector("#mine-0-wrap summary")).click();
        browser.visible(By.id("mine-0-wrap-tools")).sendKeys("\n" + tool);
        browser.find(By.cssSelector("#mine-0-wrap form button[type=submit]")).click();
        browser.waitForText(By.cssSelector("[data-view='mine-0-wrap']"), tool);
        assertThat(browser.find(By.id("announce")).getText()).isEqualTo("WRAP saved.");

        browser.find(By.cssSelector("form.signout button")).click();
        browser.waitFor(d -> browser.currentPath().equals("/login?logout"));
        browser.open("/me");
        browser.waitFor(d -> browser.currentPath().equals("/login"));
    }
}
