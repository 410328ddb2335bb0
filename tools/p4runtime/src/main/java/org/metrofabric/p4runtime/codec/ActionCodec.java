package org.metrofabric.p4runtime.codec;

import org.onlab.util.ImmutableByteSequence;
import org.onosproject.net.pi.model.PiActionId;
import org.onosproject.net.pi.model.PiActionParamId;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiActionParam;
import p4.config.v1.P4InfoOuterClass.Action;
import p4.v1.P4RuntimeOuterClass;

import java.util.HashMap;
import java.util.Map;

/** Action invocations (action id + every parameter) between PI and P4Runtime. */
final class ActionCodec {

    private final P4InfoIndex p4Info;

    ActionCodec(P4InfoIndex p4Info) {
        this.p4Info = p4Info;
    }

    /** {@code context} names where the action appears, e.g. "table 'T'", for error messages. */
    P4RuntimeOuterClass.Action encode(PiAction action, String context) {
        ActionInfo info = p4Info.action(action.id().id());
        String what = context + " action '" + info.name() + "'";
        Map<String, PiActionParam> given = new HashMap<>();
        for (PiActionParam param : action.parameters()) {
            info.param(param.id().id());
            given.put(param.id().id(), param);
        }
        P4RuntimeOuterClass.Action.Builder out = P4RuntimeOuterClass.Action.newBuilder().setActionId(info.id());
        for (Action.Param param : info.params()) {
            PiActionParam value = given.get(param.getName());
            if (value == null) {
                throw P4RuntimeException.invalidArgument("%s: parameter '%s' is missing", what, param.getName());
            }
            out.addParams(P4RuntimeOuterClass.Action.Param.newBuilder()
                    .setParamId(param.getId())
                    .setValue(ByteStrings.canonical(value.value().asArray(), param.getBitwidth(),
                            what + " parameter '" + param.getName() + "'")));
        }
        return out.build();
    }

    PiAction decode(P4RuntimeOuterClass.Action action, String context) {
        ActionInfo info = p4Info.action(action.getActionId());
        String what = context + " action '" + info.name() + "'";
        Map<Integer, PiActionParam> params = new HashMap<>();
        for (P4RuntimeOuterClass.Action.Param param : action.getParamsList()) {
            Action.Param model = info.param(param.getParamId());
            String paramWhat = what + " parameter '" + model.getName() + "'";
            PiActionParam value = new PiActionParam(PiActionParamId.of(model.getName()), ImmutableByteSequence
                    .copyFrom(ByteStrings.padded(param.getValue(), model.getBitwidth(), paramWhat)));
            if (params.put(model.getId(), value) != null) {
                throw P4RuntimeException.invalidArgument("%s is given twice", paramWhat);
            }
        }
        for (Action.Param model : info.params()) {
            if (!params.containsKey(model.getId())) {
                throw P4RuntimeException.invalidArgument("%s: parameter '%s' is missing", what, model.getName());
            }
        }
        return PiAction.builder().withId(PiActionId.of(info.name())).withParameters(params.values()).build();
    }
}
