package org.dyad.application.shared;

import java.util.function.Supplier;

/** Server-side secrets that must outlive a restart (e.g. the key that signs remember-me cookies). */
public interface Secrets {

    /** The stored secret of that name; created from {@code generator} the first time, by whichever node is first. */
    String getOrCreate(String name, Supplier<String> generator);
}
