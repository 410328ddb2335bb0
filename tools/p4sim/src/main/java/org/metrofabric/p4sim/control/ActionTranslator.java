package org.metrofabric.p4sim.control;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.metrofabric.p4runtime.codec.ActionInfo;
import org.metrofabric.p4runtime.codec.P4InfoIndex;
import org.metrofabric.p4runtime.codec.TableInfo;
import org.metrofabric.p4sim.runtime.ActionCall;
import org.onosproject.net.pi.model.PiActionId;
import org.onosproject.net.pi.model.PiActionParamId;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiActionParam;
import p4.config.v1.P4InfoOuterClass.Action;

/** Validates {@link PiAction}s against the P4Info and converts them to and from {@link ActionCall}s. */
final class ActionTranslator {
    private final P4InfoIndex p4info;

    ActionTranslator(P4InfoIndex p4info) {
        this.p4info = p4info;
    }

    /** The P4Info action of a PiAction; every parameter present once, known, and fitting its width. */
    ActionCall toCall(PiAction piAction, String context) {
        String name = piAction.id().id();
        ActionInfo action = p4info.findAction(name)
                .orElseThrow(() -> ControlException.invalid(context + ": unknown action '" + name + "'"));
        Map<String, PiActionParam> given = new HashMap<>();
        for (PiActionParam param : piAction.parameters()) {
            if (given.put(param.id().id(), param) != null) {
                throw ControlException.invalid(context + ": action " + name + " parameter '"
                        + param.id().id() + "' given twice");
            }
        }
        List<BigInteger> args = new ArrayList<>();
        for (Action.Param param : action.params()) {
            PiActionParam value = given.remove(param.getName());
            if (value == null) {
                throw ControlException.invalid(context + ": action " + name + " is missing parameter '"
                        + param.getName() + "'");
            }
            args.add(PiValues.toValue(value.value(), param.getBitwidth(),
                    context + ": action " + name + " parameter " + param.getName()));
        }
        if (!given.isEmpty()) {
            throw ControlException.invalid(context + ": action " + name + " has no parameter "
                    + given.keySet());
        }
        return new ActionCall(name, args);
    }

    /** As {@link #toCall}, first checking that {@code table} lists the action for entries or defaults. */
    ActionCall toCallForTable(PiAction piAction, TableInfo table, boolean asDefault, String context) {
        String name = piAction.id().id();
        p4info.findAction(name).ifPresent(action -> {
            int actionId = action.id();
            boolean allowed = asDefault ? table.allowsAsDefault(actionId) : table.allowsInEntries(actionId);
            if (!allowed) {
                boolean listed = table.findActionRef(actionId).isPresent();
                throw ControlException.invalid(context + ": action " + name
                        + (listed ? (asDefault ? " is table-only" : " is default-only") : " is not an action")
                        + " of table " + table.name());
            }
        });
        return toCall(piAction, context);
    }

    PiAction toPi(ActionCall call) {
        PiAction.Builder builder = PiAction.builder().withId(PiActionId.of(call.actionName()));
        p4info.findAction(call.actionName()).ifPresent(action -> {
            for (int i = 0; i < action.params().size(); i++) {
                Action.Param param = action.params().get(i);
                builder.withParameter(new PiActionParam(PiActionParamId.of(param.getName()),
                        PiValues.toBytes(call.args().get(i), param.getBitwidth())));
            }
        });
        return builder.build();
    }
}
