package org.dyad.web.pages;

import org.dyad.web.DyadApplication;
import org.junit.jupiter.api.extension.ExtendWith;
import org.dyad.web.support.TestClockConfig;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application on a random port with the in-memory backend, demo data and a movable clock, and a {@link Browser}
 * for test methods that take one. A context of its own (the marker property), so REST tests' cases do not show up
 * on the pages these tests read.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = DyadApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dyad.embedded.backend=memory", "dyad.demo=true", "dyad.test.context=browser"})
@ExtendWith(SharedBrowser.class)
@Import(TestClockConfig.class)
@interface BrowserTest {
}
