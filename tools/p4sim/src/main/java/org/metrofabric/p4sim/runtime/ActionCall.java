package org.metrofabric.p4sim.runtime;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * An action with its arguments: {@code actionName} is the P4Info action name, {@code args} one value per
 * P4Info parameter, in P4Info parameter order.
 */
public record ActionCall(String actionName, List<BigInteger> args) implements EntryAction {
    public ActionCall {
        Objects.requireNonNull(actionName, "actionName");
        args = List.copyOf(args);
    }

    public static ActionCall of(String actionName, BigInteger... args) {
        return new ActionCall(actionName, List.of(args));
    }
}
