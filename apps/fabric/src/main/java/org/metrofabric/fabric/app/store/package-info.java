/**
 * Where path intents live: in ONOS StorageService maps shared by every controller instance, so
 * any instance can admit an intent and every instance programs the switches it masters from it.
 */
package org.metrofabric.fabric.app.store;
