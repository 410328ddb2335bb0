/**
 * Pure planners: a {@link org.metrofabric.fabric.api.FabricSnapshot} (and intents) in, desired
 * forwarding state out, with no ONOS service in sight. The desired state is written in the terms
 * of metro.p4's tables (routes to one next hop or to an ECMP group of uplinks, and path pins),
 * but without PI ids: the programmer maps it onto MetroConstants.
 */
package org.metrofabric.fabric.app.planner;
