package org.dyad.infra.axon;

import org.axonframework.common.IdentifierFactory;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Axon's message identifiers: random (version 4) UUIDs, as Axon's default makes them, but drawn from a generator of
 * each thread's own, seeded once from {@link SecureRandom}, instead of from the shared {@code SecureRandom} for each
 * one. A processor makes one for every event it handles (the handler's result message), and the default's
 * cost showed in a rebuild's profile. Identifiers need to be unique, not unpredictable. Found by Axon through
 * {@code META-INF/services}.
 */
public final class FastIdentifierFactory extends IdentifierFactory {

    private static final SecureRandom SEEDS = new SecureRandom();
    private static final RandomGeneratorFactory<RandomGenerator> KIND = RandomGeneratorFactory.of("L64X128MixRandom");
    private static final ThreadLocal<RandomGenerator> RANDOM = ThreadLocal.withInitial(() -> {
        byte[] seed = new byte[24];
        SEEDS.nextBytes(seed);
        return KIND.create(seed);
    });

    @Override
    public String generateIdentifier() {
        RandomGenerator random = RANDOM.get();
        long high = random.nextLong() & ~0xF000L | 0x4000L; // version 4
        long low = random.nextLong() & ~(0xC000L << 48) | (0x8000L << 48); // IETF variant
        return new UUID(high, low).toString();
    }
}
