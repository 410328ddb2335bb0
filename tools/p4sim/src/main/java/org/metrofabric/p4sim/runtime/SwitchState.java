package org.metrofabric.p4sim.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.metrofabric.p4runtime.codec.P4InfoIndex;
import org.metrofabric.p4runtime.codec.TableInfo;
import p4.config.v1.P4InfoOuterClass;
import p4.config.v1.P4InfoOuterClass.MatchField;
import p4.config.v1.P4InfoOuterClass.MeterSpec;
import p4.config.v1.P4InfoOuterClass.P4Info;

/**
 * All data-plane state of one switch, built from a P4Info and the {@link PipelineExtras}; every object is
 * found by its P4Info name. Unknown names throw {@link NoSuchElementException}.
 */
public final class SwitchState {
    private final P4InfoIndex index;
    private final PipelineExtras extras;
    private final Map<String, MatchTable> tables = new LinkedHashMap<>();
    private final Map<String, ActionProfile> actionProfiles = new LinkedHashMap<>();
    private final Map<String, CounterArray> counters = new LinkedHashMap<>();
    private final Map<String, DirectCounter> directCounters = new LinkedHashMap<>();
    private final Map<String, MeterArray> meters = new LinkedHashMap<>();
    private final Map<String, DirectMeter> directMeters = new LinkedHashMap<>();
    private final Map<String, RegisterArray> registers = new LinkedHashMap<>();
    private final PacketReplicationEngine pre = new PacketReplicationEngine();

    public SwitchState(P4Info p4info, PipelineExtras extras) {
        this.index = P4InfoIndex.of(p4info);
        this.extras = extras;
        for (P4InfoOuterClass.ActionProfile profile : p4info.getActionProfilesList()) {
            String name = profile.getPreamble().getName();
            String algorithm = extras.selectorAlgorithms().get(name);
            if (profile.getWithSelector() && algorithm == null) {
                throw new IllegalArgumentException(
                        "action selector " + name + " has no hash algorithm in the pipeline extras");
            }
            actionProfiles.put(name, new ActionProfile(name, profile.getWithSelector(), algorithm,
                    (int) profile.getSize()));
        }
        for (TableInfo table : index.tables()) {
            MatchTable built = buildTable(table);
            tables.put(built.name(), built);
        }
        for (P4InfoOuterClass.Counter counter : p4info.getCountersList()) {
            String name = counter.getPreamble().getName();
            counters.put(name, new CounterArray(name, (int) counter.getSize()));
        }
        for (P4InfoOuterClass.DirectCounter counter : p4info.getDirectCountersList()) {
            String name = counter.getPreamble().getName();
            directCounters.put(name,
                    new DirectCounter(name, tableById(counter.getDirectTableId(), name)));
        }
        for (P4InfoOuterClass.Meter meter : p4info.getMetersList()) {
            String name = meter.getPreamble().getName();
            meters.put(name, new MeterArray(name, (int) meter.getSize(), countsBytes(meter.getSpec())));
        }
        for (P4InfoOuterClass.DirectMeter meter : p4info.getDirectMetersList()) {
            String name = meter.getPreamble().getName();
            directMeters.put(name, new DirectMeter(name, tableById(meter.getDirectTableId(), name),
                    countsBytes(meter.getSpec())));
        }
        for (P4InfoOuterClass.Register register : p4info.getRegistersList()) {
            String name = register.getPreamble().getName();
            p4.config.v1.P4Types.P4BitstringLikeTypeSpec bits = register.getTypeSpec().getBitstring();
            int width = bits.hasBit() ? bits.getBit().getBitwidth()
                    : bits.hasInt() ? bits.getInt().getBitwidth() : bits.getVarbit().getMaxBitwidth();
            registers.put(name, new RegisterArray(name, register.getSize(), width));
        }
    }

    private static boolean countsBytes(MeterSpec spec) {
        return spec.getUnit() == MeterSpec.Unit.BYTES;
    }

    private MatchTable tableById(int tableId, String user) {
        TableInfo table = index.findTable(tableId).orElseThrow(
                () -> new IllegalArgumentException(user + " refers to unknown table id " + tableId));
        return tables.get(table.name());
    }

    private MatchTable buildTable(TableInfo info) {
        P4InfoOuterClass.Table table = info.proto();
        String name = info.name();
        List<KeyField> fields = new ArrayList<>();
        for (MatchField field : table.getMatchFieldsList()) {
            fields.add(new KeyField(field.getName(), field.getBitwidth(), matchKind(name, field)));
        }
        ActionProfile profile = index.implementationOf(info)
                .map(implementation -> actionProfiles.get(implementation.getPreamble().getName())).orElse(null);
        P4InfoOuterClass.DirectMeter directMeter = info.directMeterId().map(index::directMeter).orElse(null);
        TableDefaults defaults = extras.tableDefaults().getOrDefault(name,
                new TableDefaults(ActionCall.of(TableResult.NO_ACTION), false));
        return new MatchTable(new MatchTable.Spec(name, fields,
                extras.selectorWidths().getOrDefault(name, List.of()),
                extras.selectorKeyPositions().getOrDefault(name, List.of()),
                (int) table.getSize(), profile,
                info.directCounterId().isPresent(),
                directMeter != null, directMeter != null && countsBytes(directMeter.getSpec()),
                table.getIsConstTable(), defaults,
                extras.constEntries().getOrDefault(name, List.of()),
                info.supportsIdleTimeout()));
    }

    private static MatchKind matchKind(String table, MatchField field) {
        switch (field.getMatchType()) {
            case EXACT:
                return MatchKind.EXACT;
            case LPM:
                return MatchKind.LPM;
            case TERNARY:
                return MatchKind.TERNARY;
            case RANGE:
                return MatchKind.RANGE;
            case OPTIONAL:
                return MatchKind.OPTIONAL;
            default:
                throw new IllegalArgumentException("table " + table + " field " + field.getName()
                        + ": unsupported match type " + field.getMatchType());
        }
    }

    private static <T> T lookup(Map<String, T> map, String kind, String name) {
        T value = map.get(name);
        if (value == null) {
            throw new NoSuchElementException("no " + kind + " named '" + name + "' (known: " + map.keySet() + ")");
        }
        return value;
    }

    public P4Info p4info() {
        return index.p4Info();
    }

    public P4InfoIndex p4infoIndex() {
        return index;
    }

    public PipelineExtras extras() {
        return extras;
    }

    public MatchTable table(String name) {
        return lookup(tables, "table", name);
    }

    public ActionProfile actionProfile(String name) {
        return lookup(actionProfiles, "action profile", name);
    }

    public CounterArray counter(String name) {
        return lookup(counters, "counter", name);
    }

    public DirectCounter directCounter(String name) {
        return lookup(directCounters, "direct counter", name);
    }

    public MeterArray meter(String name) {
        return lookup(meters, "meter", name);
    }

    public DirectMeter directMeter(String name) {
        return lookup(directMeters, "direct meter", name);
    }

    public RegisterArray register(String name) {
        return lookup(registers, "register", name);
    }

    public PacketReplicationEngine pre() {
        return pre;
    }

    public Map<String, MatchTable> tables() {
        return Map.copyOf(tables);
    }
}
