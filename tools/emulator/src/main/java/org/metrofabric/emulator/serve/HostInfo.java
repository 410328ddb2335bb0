package org.metrofabric.emulator.serve;

/** An emulated host: its address with the subnet's prefix length, MAC, and the leaf port it hangs off. */
public record HostInfo(String name, String ip, String mac, String leaf, int port) {
}
