/** The metro.p4 pipeconf: P4Info, BMv2 JSON, interpreter and pipeliner for ONOS. */
package org.metrofabric.pipeconf;
