/**
 * The embedded ONOS runtime: the core services the MetroFabric apps {@code @Reference}, backed by
 * an emulated fabric, so their components run unchanged inside the emulator.
 *
 * <pre>
 *   Fabric fabric = Fabric.builder(topology, MetroPipeline.load()).build();
 *   EmbeddedOnos onos = EmbeddedOnos.direct(fabric, MetroPipeconf.load());
 *   onos.applyNetcfg(netcfgDocument);               // e.g. NetcfgWriter.write(topology)
 *   ControllerInstance c1 = onos.addInstance("c1");  // masters every device at first
 *   ControllerInstance c2 = onos.addInstance("c2");
 *   onos.setMaster(DeviceId.deviceId("device:leaf2"), "c2");
 *   MyComponent app = c1.activate(new MyComponent()); // sets service fields, calls activate()
 *   fabric.scheduler().runFor(...);
 * </pre>
 *
 * <p>Cluster-wide (one object, every instance): {@code DeviceService}, {@code LinkService},
 * {@code HostService}, {@code NetworkConfigService}/{@code Registry}, {@code FlowRuleService},
 * {@code GroupService}, {@code StorageService} ({@link org.metrofabric.onostesting.SharedStorageService}),
 * {@code CoreService}, {@code ComponentConfigService}, {@code PiPipeconfService}. Per instance: {@code MastershipService},
 * {@code ClusterService}, {@code PacketService} (a device's packet-ins go to its master), and
 * {@code P4RuntimeController} (reads, e.g. indirect counters, and writes over the device clients).
 *
 * <p>Every PI write and read, packet-out and packet-in goes through
 * {@link org.metrofabric.emulator.onos.PiDeviceClient}, one per device:
 * {@link org.metrofabric.emulator.onos.SwitchControlClient} reaches the p4sim switch directly; a
 * P4Runtime client can be passed to {@link org.metrofabric.emulator.onos.EmbeddedOnos#withClients}.
 * Flow rules and groups are translated as ONOS 2.7 does
 * ({@link org.metrofabric.emulator.onos.FlowRuleTranslator},
 * {@link org.metrofabric.emulator.onos.GroupTranslator}) and written all-or-nothing per call.
 */
package org.metrofabric.emulator.onos;
