package org.metrofabric.p4sim.interp;

import java.util.SplittableRandom;
import org.metrofabric.p4sim.runtime.DigestListener;

/** Architecture settings and services that compiled code reads at run time. */
public final class Environment {
    /** Port meaning "drop" (BMv2 --drop-port, default 511); mark_to_drop writes it to egress_spec. */
    public volatile int dropPort = 511;
    public volatile DigestListener digestListener = (name, fields) -> { };
    /** random() draws from this; seeded so runs repeat. */
    public final SplittableRandom random = new SplittableRandom(0x5EED);
}
