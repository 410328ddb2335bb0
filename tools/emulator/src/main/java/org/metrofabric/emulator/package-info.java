/**
 * The MetroFabric emulator: a discrete-event network of p4sim switches running p4src/metro.p4.
 *
 * <ul>
 *   <li>{@code clock}: {@link org.metrofabric.emulator.clock.Scheduler} (virtual time in long
 *       nanoseconds; ties run in scheduling order) and
 *       {@link org.metrofabric.emulator.clock.Randomness} (named streams from one scenario seed).</li>
 *   <li>{@code net}: {@link org.metrofabric.emulator.net.Link}s (rate, propagation, loss, up/down),
 *       {@link org.metrofabric.emulator.net.EgressPort}s (strict-priority bounded queues, tail drops)
 *       and {@link org.metrofabric.emulator.net.SwitchNode} (one p4sim switch, CPU port 255).</li>
 *   <li>{@code hosts}: {@link org.metrofabric.emulator.hosts.Host}s that answer ARP and ping, send
 *       UDP test flows and keep per-flow loss, duplicate, reordering and latency statistics.</li>
 *   <li>{@code fabric}: {@link org.metrofabric.emulator.fabric.Fabric} builds all of it from a
 *       topology file; {@link org.metrofabric.emulator.fabric.StaticRoutes} is the controller-less
 *       baseline routing.</li>
 * </ul>
 *
 * <p>Seams for a controller: program a switch with {@code SwitchNode.control()} (the validated PI
 * write API that a P4Runtime server also uses), receive punted frames with
 * {@code SwitchNode.setPacketInListener}, send with {@code SwitchNode.packetOut} (both carry the
 * program's controller header), follow link failures with {@code Network.addLinkListener}, and
 * hand work in from other threads with {@code Scheduler.post}. A scenario runner builds a
 * {@code Fabric} with its seed, schedules failures ({@code Link.down/up},
 * {@code Fabric.failSwitch}) and traffic ({@code Host.send}, {@code Host.ping}) with
 * {@code Scheduler.at}, runs, and checks {@code FlowStats}.
 */
package org.metrofabric.emulator;
