/** Turns what ONOS knows (fabric netcfg, devices, links, hosts) into a FabricSnapshot for the planners. */
package org.metrofabric.fabric.app.topology;
