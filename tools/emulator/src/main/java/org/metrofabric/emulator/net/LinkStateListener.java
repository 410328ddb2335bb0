package org.metrofabric.emulator.net;

/** Told when a link goes down or comes back up (the seam for an emulated ONOS link/device provider). */
@FunctionalInterface
public interface LinkStateListener {
    void linkStateChanged(Link link, boolean up, long timeNanos);
}
