package org.metrofabric.p4runtime.codec;

import p4.config.v1.P4InfoOuterClass.ActionRef;
import p4.config.v1.P4InfoOuterClass.MatchField;
import p4.config.v1.P4InfoOuterClass.Table;

import java.util.List;
import java.util.Optional;

/** A P4Info table with its match fields and action references indexed. */
public final class TableInfo {

    private final Table table;
    private final Catalog<MatchField> fields;
    private final Catalog<ActionRef> actionRefs;
    private final boolean needsPriority;
    private final Integer directCounterId;
    private final Integer directMeterId;

    TableInfo(Table table, Integer directCounterId, Integer directMeterId) {
        this.table = table;
        String name = table.getPreamble().getName();
        this.fields = new Catalog<>("match field of table '" + name + "'", table.getMatchFieldsList(),
                MatchField::getId, MatchField::getName);
        this.actionRefs = new Catalog<>("action of table '" + name + "'", table.getActionRefsList(),
                ActionRef::getId, ref -> Integer.toString(ref.getId()));
        this.needsPriority = table.getMatchFieldsList().stream().anyMatch(f -> switch (f.getMatchType()) {
            case TERNARY, RANGE, OPTIONAL -> true;
            default -> false;
        });
        this.directCounterId = directCounterId;
        this.directMeterId = directMeterId;
    }

    public Table proto() {
        return table;
    }

    public int id() {
        return table.getPreamble().getId();
    }

    public String name() {
        return table.getPreamble().getName();
    }

    public MatchField matchField(int id) {
        return fields.get(id);
    }

    public MatchField matchField(String name) {
        return fields.get(name);
    }

    public List<MatchField> matchFields() {
        return table.getMatchFieldsList();
    }

    /** The reference to {@code actionId}; INVALID_ARGUMENT if the table does not list the action. */
    public ActionRef actionRef(int actionId) {
        return actionRefs.get(actionId);
    }

    /** The reference to {@code actionId}, empty if the table does not list the action. */
    public Optional<ActionRef> findActionRef(int actionId) {
        return actionRefs.find(actionId);
    }

    /** Whether entries may use {@code actionId}: the table lists it, and not as {@code @defaultonly}. */
    public boolean allowsInEntries(int actionId) {
        return findActionRef(actionId).filter(ref -> ref.getScope() != ActionRef.Scope.DEFAULT_ONLY).isPresent();
    }

    /** Whether {@code actionId} may be the default action: the table lists it, and not as {@code @tableonly}. */
    public boolean allowsAsDefault(int actionId) {
        return findActionRef(actionId).filter(ref -> ref.getScope() != ActionRef.Scope.TABLE_ONLY).isPresent();
    }

    /** True iff the table has a TERNARY, RANGE or OPTIONAL field, so entries need a priority. */
    public boolean needsPriority() {
        return needsPriority;
    }

    /** The action profile (or selector) id, 0 if the table holds direct actions. */
    public int implementationId() {
        return table.getImplementationId();
    }

    public boolean supportsIdleTimeout() {
        return table.getIdleTimeoutBehavior() == Table.IdleTimeoutBehavior.NOTIFY_CONTROL;
    }

    public Optional<Integer> directCounterId() {
        return Optional.ofNullable(directCounterId);
    }

    public Optional<Integer> directMeterId() {
        return Optional.ofNullable(directMeterId);
    }

    public long size() {
        return table.getSize();
    }

    public boolean isConst() {
        return table.getIsConstTable();
    }
}
