package org.dyad.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The README runs the app with {@code java @web-ui/jvm.options}: this JVM must take every option in it as given. */
class JvmOptionsTest {

    private static final Path OPTIONS = Path.of("jvm.options");

    @Test
    void theJvmTakesEveryOptionOfTheFile() throws Exception {
        List<String> options = options();
        assertThat(options).contains("-XX:PerMethodTrapLimit=0", "-XX:PerBytecodeTrapLimit=0");

        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + OPTIONS.toAbsolutePath(), "-XX:+PrintFlagsFinal", "-version")
                .redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).as(output).isZero();

        for (String option : options) {
            String[] flag = flag(option);
            if (flag != null) {
                assertThat(output).as(option).containsPattern(
                        "\\s" + flag[0] + "\\s+= " + flag[1] + "\\s+\\{product\\} \\{command line\\}");
            }
        }
    }

    /** Name and value of a {@code -XX:} flag as -XX:+PrintFlagsFinal lists it; null for other options. */
    private static String[] flag(String option) {
        if (!option.startsWith("-XX:")) {
            return null;
        }
        String flag = option.substring("-XX:".length());
        if (flag.startsWith("+") || flag.startsWith("-")) {
            return new String[]{flag.substring(1), String.valueOf(flag.startsWith("+"))};
        }
        return flag.split("=", 2);
    }

    /** As the java launcher reads an argument file: whitespace between arguments, # to the end of a line. */
    private static List<String> options() throws IOException {
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(OPTIONS)) {
            int comment = line.indexOf('#');
            for (String option : (comment < 0 ? line : line.substring(0, comment)).trim().split("\\s+")) {
                if (!option.isEmpty()) {
                    options.add(option);
                }
            }
        }
        return options;
    }
}
