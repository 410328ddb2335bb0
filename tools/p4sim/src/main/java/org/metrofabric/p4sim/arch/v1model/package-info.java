/**
 * The v1model architecture as BMv2 simple_switch runs it: {@link org.metrofabric.p4sim.arch.v1model.V1Switch}
 * drives the compiled blocks through the traffic manager (clones, digests, resubmit, multicast, drop,
 * unicast, recirculate) with caller-supplied time and a {@link org.metrofabric.p4sim.arch.v1model.QueueModel}.
 * Differences from BMv2 that are known: one packet at a time (no threads), queues only as the QueueModel
 * reports them, a control-block header stack index out of range drops the packet (BMv2: undefined), division
 * by zero gives 0, the deprecated clone3/resubmit(data)/recirculate(data) preserve no fields.
 */
package org.metrofabric.p4sim.arch.v1model;
