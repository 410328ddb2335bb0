package org.metrofabric.p4sim.runtime;

import java.math.BigInteger;
import java.util.List;

/** Receives the data of each {@code digest()} call; {@code digestName} is the P4Info digest name. */
@FunctionalInterface
public interface DigestListener {
    void onDigest(String digestName, List<BigInteger> fields);
}
