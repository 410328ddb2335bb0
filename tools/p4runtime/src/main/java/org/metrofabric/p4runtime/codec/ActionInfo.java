package org.metrofabric.p4runtime.codec;

import p4.config.v1.P4InfoOuterClass.Action;

import java.util.List;

/** A P4Info action with its parameters indexed by id and name. */
public final class ActionInfo {

    private final Action action;
    private final Catalog<Action.Param> params;

    ActionInfo(Action action) {
        this.action = action;
        this.params = new Catalog<>("parameter of action '" + action.getPreamble().getName() + "'",
                action.getParamsList(), Action.Param::getId, Action.Param::getName);
    }

    public Action proto() {
        return action;
    }

    public int id() {
        return action.getPreamble().getId();
    }

    public String name() {
        return action.getPreamble().getName();
    }

    public Action.Param param(int id) {
        return params.get(id);
    }

    public Action.Param param(String name) {
        return params.get(name);
    }

    /** The parameters in P4Info order. */
    public List<Action.Param> params() {
        return action.getParamsList();
    }
}
