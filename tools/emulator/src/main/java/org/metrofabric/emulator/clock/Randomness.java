package org.metrofabric.emulator.clock;

import java.util.SplittableRandom;

/**
 * All randomness of one scenario, derived from a single seed. Each consumer (a link's loss
 * process, a traffic source) asks for its own stream by a stable name, so adding a consumer
 * never changes the numbers another one draws, and the same seed replays the same run.
 */
public final class Randomness {
    private final long seed;

    public Randomness(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** An independent generator for the consumer called {@code name}; equal names give equal streams. */
    public SplittableRandom stream(String name) {
        return new SplittableRandom(mix(seed ^ fnv1a(name)));
    }

    private static long fnv1a(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** SplitMix64's finaliser: spreads nearby inputs over the whole 64-bit space. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
