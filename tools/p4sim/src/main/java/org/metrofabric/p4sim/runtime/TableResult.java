package org.metrofabric.p4sim.runtime;

import java.math.BigInteger;
import java.util.List;

/**
 * The outcome of applying a table to a key. {@code actionArgs} are in P4Info parameter order;
 * {@code directMeterColor} is GREEN 0 / YELLOW 1 / RED 2 (0 when the table has no direct meter, the
 * entry's meter is unconfigured, or the table missed).
 *
 * <p>A hit on an empty selector group returns {@code hit() == true} with {@code NoAction}: BMv2 logs an
 * error and runs no action in that case.
 */
public record TableResult(boolean hit, String actionName, List<BigInteger> actionArgs, int directMeterColor) {
    public static final String NO_ACTION = "NoAction";

    public TableResult {
        actionArgs = List.copyOf(actionArgs);
    }

    static TableResult hit(ActionCall action, int directMeterColor) {
        return new TableResult(true, action.actionName(), action.args(), directMeterColor);
    }

    static TableResult miss(ActionCall defaultAction) {
        return new TableResult(false, defaultAction.actionName(), defaultAction.args(), MeterCell.GREEN);
    }
}
