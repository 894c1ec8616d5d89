package org.dyad.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads the app's own classes, and two library packages whose classes a replay is the first to need (Axon's event
 * processing, Jackson's typed values), as the app starts, on a thread of its own. The JIT compiler compiles the hot
 * paths for the classes loaded so far; a class loaded later (the first event of a kind this process has not seen,
 * or the first rebuild of the read models) makes it throw compiled code away and compile it again, on the
 * cores the rebuild needs.
 */
final class ClassPreloading {

    /** Switches it off: {@code -Ddyad.class-preloading=false}. */
    static final String SWITCH = "dyad.class-preloading";

    /** Class files, as resource patterns: ours; Axon's event processing (its replay); Jackson's typed values. */
    static final List<String> PATTERNS = List.of(
            "org/dyad/**/*.class",
            "org/axonframework/eventhandling/*.class",
            "com/fasterxml/jackson/databind/jsontype/impl/*.class");

    private static final Logger log = LoggerFactory.getLogger(ClassPreloading.class);

    /**
     * The classes loaded, and what could not be: a class (a library's, for an optional dependency) or a pattern whose
     * files could not be listed.
     */
    record Result(Set<String> loaded, Set<String> failed, long millis) {
    }

    private ClassPreloading() {
    }

    static void startUnlessSwitchedOff(ClassLoader loader) {
        if (!Boolean.parseBoolean(System.getProperty(SWITCH, "true"))) {
            return;
        }
        Thread thread = new Thread(() -> {
            Result result = preload(loader, PATTERNS);
            log.debug("Loaded {} classes ahead in {} ms ({} could not be loaded)", result.loaded().size(),
                    result.millis(), result.failed().size());
        }, "class-preloading");
        thread.setDaemon(true);
        thread.start();
    }

    /** Loads, without initializing, every class whose file matches one of {@code patterns} on the class path. */
    static Result preload(ClassLoader loader, List<String> patterns) {
        long start = System.nanoTime();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(loader);
        Set<String> loaded = new TreeSet<>();
        Set<String> failed = new TreeSet<>();
        for (String pattern : patterns) {
            String root = pattern.substring(0, pattern.indexOf('*'));
            Resource[] files;
            try {
                files = resolver.getResources("classpath*:" + pattern);
            } catch (IOException e) {
                failed.add(pattern);
                continue;
            }
            for (Resource file : files) {
                String name = className(file, root);
                if (name == null) {
                    continue;
                }
                try {
                    Class.forName(name, false, loader);
                    loaded.add(name);
                } catch (LinkageError | ClassNotFoundException e) {
                    failed.add(name);
                }
            }
        }
        return new Result(loaded, failed, (System.nanoTime() - start) / 1_000_000);
    }

    private static String className(Resource file, String root) {
        String path;
        try {
            path = file.getURL().toString();
        } catch (IOException e) {
            return null;
        }
        int at = path.lastIndexOf(root);
        if (at < 0 || !path.endsWith(".class") || path.endsWith("module-info.class")
                || path.endsWith("package-info.class")) {
            return null;
        }
        return path.substring(at, path.length() - ".class".length()).replace('/', '.');
    }
}
