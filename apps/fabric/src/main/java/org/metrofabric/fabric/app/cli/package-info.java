/**
 * Karaf commands of the fabric app, one per file: each reads its arguments (intents through
 * {@link org.metrofabric.fabric.api.PathIntentParser}) and calls the fabric services, nothing else.
 */
package org.metrofabric.fabric.app.cli;
