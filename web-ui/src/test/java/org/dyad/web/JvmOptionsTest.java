package org.dyad.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The README runs the app with {@code java @web-ui/jvm.options}: this JVM must start with it and take its flags. */
class JvmOptionsTest {

    @Test
    void theJvmStartsWithTheFileAndTakesItsFlags() throws Exception {
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + Path.of("jvm.options").toAbsolutePath(), "-XX:+PrintFlagsFinal", "-version")
                .redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).as(output).isZero();

        assertThat(output)
                .containsPattern("\\sPerMethodTrapLimit\\s+= 0\\s+\\{product\\} \\{command line\\}")
                .containsPattern("\\sPerBytecodeTrapLimit\\s+= 0\\s+\\{product\\} \\{command line\\}")
                .containsPattern("\\sUseParallelGC\\s+= true\\s+\\{product\\} \\{command line\\}");
    }
}
