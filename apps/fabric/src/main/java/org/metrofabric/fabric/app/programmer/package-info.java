/**
 * From desired state to the switches: {@link org.metrofabric.fabric.app.programmer.FlowRulePlan}
 * turns routes and path pins into metro.p4 flow rules and ECMP groups (pure), and
 * {@link org.metrofabric.fabric.app.programmer.FabricProgrammer} writes the difference to what is
 * installed, only on the devices this controller instance masters, and clears the app's state off
 * the available switches it masters that are no longer part of the fabric.
 */
package org.metrofabric.fabric.app.programmer;
