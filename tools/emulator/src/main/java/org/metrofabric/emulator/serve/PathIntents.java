package org.metrofabric.emulator.serve;

import java.util.List;
import java.util.function.Supplier;
import org.metrofabric.emulator.onos.PiWriteException;
import org.metrofabric.emulator.scenario.IntentReport;
import org.metrofabric.emulator.scenario.OnosControl;
import org.metrofabric.fabric.api.IntentRejectedException;
import org.metrofabric.fabric.api.IntentSyntaxException;
import org.metrofabric.fabric.api.PathIntent;
import org.metrofabric.fabric.api.PathIntentParser;

/**
 * The embedded controller's path intents, for the console and the REST API: added in the ONOS CLI's
 * words ({@value PathIntentParser#COMMAND}'s arguments, read by the fabric app's {@link PathIntentParser}),
 * listed and removed through the fabric app. Bad input and refusals are {@link TrafficException}s that
 * name the field; a refused request changed nothing, except when the switches refuse the controller's
 * writes (another controller is primary): the app then holds the change but could not program it.
 */
public final class PathIntents {
    /** The field a refusal names when no single field is at fault. */
    static final String INTENT = "intent";

    private final OnosControl control;

    public PathIntents(OnosControl control) {
        this.control = control;
    }

    /** Adds the intent {@code arguments} describe: {@code NAME FROM TO [--latency-us N] [--bandwidth-mbps N]}. */
    public IntentReport add(String arguments) {
        return add(parsed(() -> PathIntentParser.parseCommand(arguments)));
    }

    /** Adds an intent from its fields; {@code latencyUs} and {@code bandwidthMbps} may be null. */
    public IntentReport add(String name, String from, String to, String latencyUs, String bandwidthMbps) {
        return add(parsed(() -> PathIntentParser.parse(name, from, to, latencyUs, bandwidthMbps)));
    }

    private IntentReport add(PathIntent intent) {
        IntentReport report = programmed(() -> control.submit(intent));
        if (report.state().equals("REJECTED")) {
            boolean nameTaken = IntentRejectedException.NAME_TAKEN.equals(report.constraint());
            throw new TrafficException(TrafficException.Kind.CONFLICT,
                    nameTaken ? PathIntentParser.FIELD_NAME : INTENT,
                    nameTaken ? report.reason() : "rejected (" + report.constraint() + "): " + report.reason());
        }
        return report;
    }

    /** Every intent the fabric app holds, with its status. */
    public List<IntentReport> list() {
        return control.intents();
    }

    /** Intent {@code name}'s status. */
    public IntentReport get(String name) {
        String checked = parsed(() -> PathIntentParser.parseName(name));
        return control.status(checked).orElseThrow(() -> new TrafficException(
                TrafficException.Kind.NOT_FOUND, PathIntentParser.FIELD_NAME, "no intent " + checked));
    }

    /** Withdraws intent {@code name}; its status before. */
    public IntentReport remove(String name) {
        IntentReport before = get(name);
        programmed(() -> control.withdraw(before.name()));
        return before;
    }

    private static <T> T parsed(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IntentSyntaxException e) {
            throw TrafficException.invalid(e.field(), e.reason());
        }
    }

    /**
     * Runs a change through the fabric app; the switches refusing its writes, or the app not answering
     * in time, is {@link TrafficException.Kind#UNAVAILABLE}.
     */
    private static <T> T programmed(Supplier<T> change) {
        try {
            return change.get();
        } catch (PiWriteException e) {
            throw new TrafficException(TrafficException.Kind.UNAVAILABLE, INTENT, "the fabric app holds the change, "
                    + "but a switch refused the embedded controller's writes (" + e.getMessage()
                    + "); a controller with a higher election id may be primary");
        } catch (IllegalStateException e) {
            throw new TrafficException(TrafficException.Kind.UNAVAILABLE, INTENT, e.getMessage());
        }
    }
}
