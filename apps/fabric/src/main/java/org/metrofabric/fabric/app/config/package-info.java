/** Netcfg of the fabric app: each switch's role, leaf kind, router MAC, subnets and host ports. */
package org.metrofabric.fabric.app.config;
