package org.metrofabric.emulator.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomnessTest {
    private static long[] draw(SplittableRandom random) {
        long[] values = new long[5];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextLong();
        }
        return values;
    }

    @Test
    void sameSeedAndNameReplayTheSameNumbers() {
        assertEquals(java.util.Arrays.toString(draw(new Randomness(42).stream("link a b"))),
                java.util.Arrays.toString(draw(new Randomness(42).stream("link a b"))));
    }

    @Test
    void streamsDependOnSeedAndNameButNotOnOtherStreams() {
        Randomness randomness = new Randomness(42);
        long first = randomness.stream("x").nextLong();
        randomness.stream("y").nextLong();
        assertEquals(first, randomness.stream("x").nextLong());
        assertNotEquals(first, randomness.stream("y").nextLong());
        assertNotEquals(first, new Randomness(43).stream("x").nextLong());
        assertEquals(42, randomness.seed());
    }
}
