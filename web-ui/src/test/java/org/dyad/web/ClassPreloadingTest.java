package org.dyad.web;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

class ClassPreloadingTest {

    /** Records the classes it is asked for and hands them to the class path's loader. */
    static final class RecordingLoader extends ClassLoader {
        final Set<String> asked = ConcurrentHashMap.newKeySet();

        RecordingLoader() {
            super(ClassPreloadingTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            asked.add(name);
            return super.loadClass(name, resolve);
        }
    }

    @Test
    void loadsOurClassesAndTheLibraryClassesOfAReplayFromEveryJarOfTheClassPath() {
        RecordingLoader loader = new RecordingLoader();

        ClassPreloading.Result result = ClassPreloading.preload(loader, ClassPreloading.PATTERNS);

        List<String> expected = List.of(
                "org.dyad.domain.restriction.InterventionEvent$DeathReported",
                "org.dyad.domain.decision.DecisionEvent$OptionWithdrawn",
                "org.dyad.application.cotreatment.SessionFold",
                "org.dyad.infra.readmodel.ViewWriter",
                "org.dyad.web.DyadApplication",
                "org.axonframework.eventhandling.ReplayToken",
                "org.axonframework.eventhandling.TrackingEventProcessor$WrappedMessageStream",
                "com.fasterxml.jackson.databind.jsontype.impl.AsPropertyTypeDeserializer");
        assertThat(result.loaded()).containsAll(expected);
        assertThat(loader.asked).containsAll(expected);
        assertThat(result.failed()).isEmpty();
        assertThat(result.loaded()).allMatch(name -> name.startsWith("org.dyad.")
                || name.startsWith("org.axonframework.eventhandling.")
                || name.startsWith("com.fasterxml.jackson.databind.jsontype.impl."));
        assertThat(result.loaded()).noneMatch(name -> name.contains("/") || name.endsWith("package-info"));
        // one level only outside our packages: the replay's classes, not all of Axon's event handling
        assertThat(result.loaded()).noneMatch(name -> name.startsWith("org.axonframework.eventhandling.deadletter."));
    }

    @Test
    void aPatternThatMatchesNothingLoadsNothing() {
        RecordingLoader loader = new RecordingLoader();

        ClassPreloading.Result result = ClassPreloading.preload(loader, List.of("org/dyad/nothing/here/*.class"));

        assertThat(result.loaded()).isEmpty();
        assertThat(result.failed()).isEmpty();
        assertThat(loader.asked).noneMatch(name -> name.startsWith("org.dyad."));
    }
}
