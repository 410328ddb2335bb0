/**
 * REST API of the fabric app under /onos/metro: the CLI's operations as JSON, through the same
 * intent parser and the same services.
 */
package org.metrofabric.fabric.web;
