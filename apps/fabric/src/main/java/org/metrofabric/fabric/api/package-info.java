/**
 * Fabric API: the topology snapshot and path-intent value types, and the one parser of the
 * path-intent syntax shared by the CLI, REST and scenarios.
 */
package org.metrofabric.fabric.api;
