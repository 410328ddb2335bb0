package org.metrofabric.p4runtime.codec;

import com.google.protobuf.TextFormat;
import p4.config.v1.P4InfoOuterClass.ActionProfile;
import p4.config.v1.P4InfoOuterClass.Counter;
import p4.config.v1.P4InfoOuterClass.DirectCounter;
import p4.config.v1.P4InfoOuterClass.DirectMeter;
import p4.config.v1.P4InfoOuterClass.Meter;
import p4.config.v1.P4InfoOuterClass.P4Info;
import p4.config.v1.P4InfoOuterClass.Preamble;
import p4.config.v1.P4InfoOuterClass.Register;
import p4.config.v1.P4InfoOuterClass.Table;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Name and id lookups over one P4Info, built once per pipeline. Every lookup of something the
 * P4Info does not have throws {@link P4RuntimeException} with INVALID_ARGUMENT (the code the PI
 * server gives for an unknown table, field, action or parameter) and a message naming it; the
 * {@code find*} lookups return empty instead, for callers that report unknown names in their own terms
 * (p4sim's switch control API).
 */
public final class P4InfoIndex {

    /** Preamble names of the controller headers (P4Runtime spec, ControllerPacketMetadata). */
    public static final String PACKET_IN = "packet_in";
    public static final String PACKET_OUT = "packet_out";

    private final P4Info p4Info;
    private final Catalog<TableInfo> tables;
    private final Catalog<ActionInfo> actions;
    private final Catalog<ActionProfile> actionProfiles;
    private final Catalog<Counter> counters;
    private final Catalog<DirectCounter> directCounters;
    private final Catalog<Meter> meters;
    private final Catalog<DirectMeter> directMeters;
    private final Catalog<Register> registers;
    private final Catalog<ControllerHeaderInfo> controllerHeaders;

    private P4InfoIndex(P4Info p4Info) {
        this.p4Info = Objects.requireNonNull(p4Info, "p4Info");
        this.actions = new Catalog<>("action", p4Info.getActionsList().stream().map(ActionInfo::new).toList(),
                ActionInfo::id, ActionInfo::name);
        this.actionProfiles = catalog("action profile", p4Info.getActionProfilesList(),
                ActionProfile::getPreamble);
        this.counters = catalog("counter", p4Info.getCountersList(), Counter::getPreamble);
        this.directCounters = catalog("direct counter", p4Info.getDirectCountersList(), DirectCounter::getPreamble);
        this.meters = catalog("meter", p4Info.getMetersList(), Meter::getPreamble);
        this.directMeters = catalog("direct meter", p4Info.getDirectMetersList(), DirectMeter::getPreamble);
        this.registers = catalog("register", p4Info.getRegistersList(), Register::getPreamble);
        this.controllerHeaders = new Catalog<>("controller header",
                p4Info.getControllerPacketMetadataList().stream().map(ControllerHeaderInfo::new).toList(),
                ControllerHeaderInfo::id, ControllerHeaderInfo::name);
        this.tables = new Catalog<>("table", p4Info.getTablesList().stream().map(this::tableInfo).toList(),
                TableInfo::id, TableInfo::name);
        checkReferences();
    }

    public static P4InfoIndex of(P4Info p4Info) {
        return new P4InfoIndex(p4Info);
    }

    /** Parses a P4Info in protobuf text format, as p4c writes it with {@code --p4runtime-files x.txt}. */
    public static P4InfoIndex parseText(CharSequence text) {
        P4Info.Builder builder = P4Info.newBuilder();
        try {
            TextFormat.getParser().merge(text, builder);
        } catch (TextFormat.ParseException e) {
            throw P4RuntimeException.invalidArgument("P4Info text does not parse: %s", e.getMessage());
        }
        return of(builder.build());
    }

    public P4Info p4Info() {
        return p4Info;
    }

    public TableInfo table(int id) {
        return tables.get(id);
    }

    public TableInfo table(String name) {
        return tables.get(name);
    }

    public Collection<TableInfo> tables() {
        return tables.all();
    }

    public ActionInfo action(int id) {
        return actions.get(id);
    }

    public ActionInfo action(String name) {
        return actions.get(name);
    }

    public ActionProfile actionProfile(int id) {
        return actionProfiles.get(id);
    }

    public ActionProfile actionProfile(String name) {
        return actionProfiles.get(name);
    }

    public Counter counter(int id) {
        return counters.get(id);
    }

    public Counter counter(String name) {
        return counters.get(name);
    }

    public Collection<Counter> counters() {
        return counters.all();
    }

    public DirectCounter directCounter(int id) {
        return directCounters.get(id);
    }

    public DirectCounter directCounter(String name) {
        return directCounters.get(name);
    }

    public Meter meter(int id) {
        return meters.get(id);
    }

    public Meter meter(String name) {
        return meters.get(name);
    }

    public Collection<Meter> meters() {
        return meters.all();
    }

    public DirectMeter directMeter(int id) {
        return directMeters.get(id);
    }

    public DirectMeter directMeter(String name) {
        return directMeters.get(name);
    }

    public Optional<TableInfo> findTable(String name) {
        return tables.find(name);
    }

    public Optional<TableInfo> findTable(int id) {
        return tables.find(id);
    }

    public Optional<ActionInfo> findAction(String name) {
        return actions.find(name);
    }

    public Optional<ActionProfile> findActionProfile(String name) {
        return actionProfiles.find(name);
    }

    public Optional<Counter> findCounter(String name) {
        return counters.find(name);
    }

    public Optional<DirectCounter> findDirectCounter(String name) {
        return directCounters.find(name);
    }

    public Optional<Meter> findMeter(String name) {
        return meters.find(name);
    }

    public Optional<DirectMeter> findDirectMeter(String name) {
        return directMeters.find(name);
    }

    public Optional<Register> findRegister(String name) {
        return registers.find(name);
    }

    /** The action profile (or selector) implementing {@code table}, empty if it holds direct actions. */
    public Optional<ActionProfile> implementationOf(TableInfo table) {
        return table.implementationId() == 0 ? Optional.empty() : Optional.of(actionProfile(table.implementationId()));
    }

    /** The controller header named {@link #PACKET_IN} or {@link #PACKET_OUT}. */
    public ControllerHeaderInfo controllerHeader(String name) {
        return controllerHeaders.get(name);
    }

    public boolean hasControllerHeader(String name) {
        return controllerHeaders.all().stream().anyMatch(h -> h.name().equals(name));
    }

    private TableInfo tableInfo(Table table) {
        Integer directCounter = null;
        Integer directMeter = null;
        for (int resourceId : table.getDirectResourceIdsList()) {
            if (directCounters.contains(resourceId)) {
                directCounter = resourceId;
            } else if (directMeters.contains(resourceId)) {
                directMeter = resourceId;
            } else {
                throw P4RuntimeException.invalidArgument("P4Info: table '%s' has direct resource id %d, "
                        + "which is neither a direct counter nor a direct meter",
                        table.getPreamble().getName(), resourceId);
            }
        }
        return new TableInfo(table, directCounter, directMeter);
    }

    /** Dangling ids would otherwise surface as confusing errors on the first write. */
    private void checkReferences() {
        for (TableInfo table : tables.all()) {
            for (var ref : table.proto().getActionRefsList()) {
                if (!actions.contains(ref.getId())) {
                    throw P4RuntimeException.invalidArgument("P4Info: table '%s' refers to action id %d, "
                            + "which the P4Info does not define", table.name(), ref.getId());
                }
            }
            if (table.implementationId() != 0 && !actionProfiles.contains(table.implementationId())) {
                throw P4RuntimeException.invalidArgument("P4Info: table '%s' has implementation id %d, "
                        + "which is not an action profile", table.name(), table.implementationId());
            }
        }
    }

    private static <T> Catalog<T> catalog(String kind, List<T> items,
                                          java.util.function.Function<T, Preamble> preamble) {
        return new Catalog<>(kind, items, item -> preamble.apply(item).getId(),
                item -> preamble.apply(item).getName());
    }
}
