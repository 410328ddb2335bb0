package org.metrofabric.p4sim.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import p4.config.v1.P4InfoOuterClass.Action;
import p4.config.v1.P4InfoOuterClass.ActionProfile;
import p4.config.v1.P4InfoOuterClass.Counter;
import p4.config.v1.P4InfoOuterClass.DirectCounter;
import p4.config.v1.P4InfoOuterClass.DirectMeter;
import p4.config.v1.P4InfoOuterClass.Meter;
import p4.config.v1.P4InfoOuterClass.P4Info;
import p4.config.v1.P4InfoOuterClass.Register;
import p4.config.v1.P4InfoOuterClass.Table;

/** Lookups into a P4Info by name and by id; lookups return null when there is no such entity. */
public final class P4InfoIndex {
    private final P4Info p4info;
    private final Map<String, Table> tables;
    private final Map<Integer, Table> tablesById;
    private final Map<String, Action> actions;
    private final Map<Integer, Action> actionsById;
    private final Map<String, ActionProfile> actionProfiles;
    private final Map<Integer, ActionProfile> actionProfilesById;
    private final Map<String, Counter> counters;
    private final Map<String, DirectCounter> directCounters;
    private final Map<Integer, DirectCounter> directCountersByTableId;
    private final Map<String, Meter> meters;
    private final Map<String, DirectMeter> directMeters;
    private final Map<Integer, DirectMeter> directMetersByTableId;
    private final Map<String, Register> registers;

    public P4InfoIndex(P4Info p4info) {
        this.p4info = p4info;
        tables = byKey(p4info.getTablesList(), t -> t.getPreamble().getName());
        tablesById = byKey(p4info.getTablesList(), t -> t.getPreamble().getId());
        actions = byKey(p4info.getActionsList(), a -> a.getPreamble().getName());
        actionsById = byKey(p4info.getActionsList(), a -> a.getPreamble().getId());
        actionProfiles = byKey(p4info.getActionProfilesList(), p -> p.getPreamble().getName());
        actionProfilesById = byKey(p4info.getActionProfilesList(), p -> p.getPreamble().getId());
        counters = byKey(p4info.getCountersList(), c -> c.getPreamble().getName());
        directCounters = byKey(p4info.getDirectCountersList(), c -> c.getPreamble().getName());
        directCountersByTableId = byKey(p4info.getDirectCountersList(), DirectCounter::getDirectTableId);
        meters = byKey(p4info.getMetersList(), m -> m.getPreamble().getName());
        directMeters = byKey(p4info.getDirectMetersList(), m -> m.getPreamble().getName());
        directMetersByTableId = byKey(p4info.getDirectMetersList(), DirectMeter::getDirectTableId);
        registers = byKey(p4info.getRegistersList(), r -> r.getPreamble().getName());
    }

    private static <K, V> Map<K, V> byKey(List<V> values, Function<V, K> key) {
        Map<K, V> map = new HashMap<>();
        for (V value : values) {
            map.put(key.apply(value), value);
        }
        return Map.copyOf(map);
    }

    public P4Info p4info() {
        return p4info;
    }

    public Table table(String name) {
        return tables.get(name);
    }

    public Table table(int id) {
        return tablesById.get(id);
    }

    public Action action(String name) {
        return actions.get(name);
    }

    public Action action(int id) {
        return actionsById.get(id);
    }

    public ActionProfile actionProfile(String name) {
        return actionProfiles.get(name);
    }

    public ActionProfile actionProfile(int id) {
        return actionProfilesById.get(id);
    }

    public Counter counter(String name) {
        return counters.get(name);
    }

    public DirectCounter directCounter(String name) {
        return directCounters.get(name);
    }

    public DirectCounter directCounterOfTable(int tableId) {
        return directCountersByTableId.get(tableId);
    }

    public Meter meter(String name) {
        return meters.get(name);
    }

    public DirectMeter directMeter(String name) {
        return directMeters.get(name);
    }

    public DirectMeter directMeterOfTable(int tableId) {
        return directMetersByTableId.get(tableId);
    }

    public Register register(String name) {
        return registers.get(name);
    }

    /** The action profile implementing a table, or null. */
    public ActionProfile implementationOf(Table table) {
        return table.getImplementationId() == 0 ? null : actionProfile(table.getImplementationId());
    }

    /** Whether {@code action} may be used by an entry (not default-only) of {@code table}. */
    public boolean actionAllowedForEntry(Table table, int actionId) {
        return table.getActionRefsList().stream().anyMatch(ref -> ref.getId() == actionId
                && ref.getScope() != p4.config.v1.P4InfoOuterClass.ActionRef.Scope.DEFAULT_ONLY);
    }

    /** Whether {@code action} may be the default action (not table-only) of {@code table}. */
    public boolean actionAllowedAsDefault(Table table, int actionId) {
        return table.getActionRefsList().stream().anyMatch(ref -> ref.getId() == actionId
                && ref.getScope() != p4.config.v1.P4InfoOuterClass.ActionRef.Scope.TABLE_ONLY);
    }
}
