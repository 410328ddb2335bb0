/** Neighbor resolution for fabric hosts: the controller answers their ARP requests. */
package org.metrofabric.fabric.app.neighbor;
