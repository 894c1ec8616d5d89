package org.dyad.web.support;

import org.dyad.web.DyadApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The whole application on a random port with the in-memory embedded backend and a movable clock; one shared context. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = DyadApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dyad.embedded.backend=memory", "dyad.demo=true"})
@Import(TestClockConfig.class)
public @interface DyadWebTest {
}
