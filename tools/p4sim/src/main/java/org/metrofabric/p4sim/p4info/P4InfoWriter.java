package org.metrofabric.p4sim.p4info;

import org.metrofabric.p4sim.ir.ControlPlaneNames;
import com.google.protobuf.TextFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.metrofabric.p4sim.frontend.P4CompileException;
import org.metrofabric.p4sim.ir.ActionDecl;
import org.metrofabric.p4sim.ir.Annotation;
import org.metrofabric.p4sim.ir.ControlDecl;
import org.metrofabric.p4sim.ir.Direction;
import org.metrofabric.p4sim.ir.Expr;
import org.metrofabric.p4sim.ir.ExternInstance;
import org.metrofabric.p4sim.ir.P4Type;
import org.metrofabric.p4sim.ir.Program;
import org.metrofabric.p4sim.ir.SourceLocation;
import org.metrofabric.p4sim.ir.TableDecl;
import org.metrofabric.p4sim.ir.Variable;
import p4.config.v1.P4InfoOuterClass.Action;
import p4.config.v1.P4InfoOuterClass.ActionProfile;
import p4.config.v1.P4InfoOuterClass.ActionRef;
import p4.config.v1.P4InfoOuterClass.ControllerPacketMetadata;
import p4.config.v1.P4InfoOuterClass.Counter;
import p4.config.v1.P4InfoOuterClass.CounterSpec;
import p4.config.v1.P4InfoOuterClass.Digest;
import p4.config.v1.P4InfoOuterClass.DirectCounter;
import p4.config.v1.P4InfoOuterClass.DirectMeter;
import p4.config.v1.P4InfoOuterClass.MatchField;
import p4.config.v1.P4InfoOuterClass.Meter;
import p4.config.v1.P4InfoOuterClass.MeterSpec;
import p4.config.v1.P4InfoOuterClass.P4Ids.Prefix;
import p4.config.v1.P4InfoOuterClass.P4Info;
import p4.config.v1.P4InfoOuterClass.PkgInfo;
import p4.config.v1.P4InfoOuterClass.Register;
import p4.config.v1.P4InfoOuterClass.Table;
import p4.config.v1.P4Types.P4DataTypeSpec;
import p4.config.v1.P4Types.P4TypeInfo;

/**
 * Writes the P4Info of a compiled v1model program exactly as p4c (p4c-bm2-ss 1.2.3.8) does: the same
 * names, ids, aliases, annotations, match fields, action references and scopes, sizes, extern objects,
 * controller packet metadata and {@code type_info}. See {@code package-info} for the rules and the known
 * differences.
 */
public final class P4InfoWriter {
    private static final String ARCH = "v1model";
    private static final long DEFAULT_TABLE_SIZE = 1024;

    private final Program program;
    private final ProgramUse use;
    private final Symbols symbols = new Symbols();
    private final P4TypeInfo.Builder typeInfo = P4TypeInfo.newBuilder();
    /** p4c creates type_info as a side effect of describing tables, parameters, externs and extern calls. */
    private boolean typeInfoTouched;
    private final Map<String, P4DataTypeSpec> digests = new LinkedHashMap<>();

    private P4InfoWriter(Program program) {
        this.program = program;
        this.use = new ProgramUse(program);
    }

    /** The P4Info of {@code program}. */
    public static P4Info write(Program program) {
        return new P4InfoWriter(program).build();
    }

    /** The P4Info of {@code program} in protobuf text format, as {@code p4c --p4runtime-files x.txt} writes it. */
    public static String writeText(Program program) {
        return TextFormat.printer().printToString(write(program));
    }

    private P4Info build() {
        if (program.main() == null || !program.main().packageType().equals("V1Switch")) {
            throw new P4CompileException(program.main() == null ? new SourceLocation(program.sourceFile(), 1, 1)
                    : program.main().location(), "p4sim writes P4Info only for a v1model program (main is a V1Switch)");
        }
        declareSymbols();
        symbols.assignIds();

        P4Info.Builder p4info = P4Info.newBuilder();
        p4info.setPkgInfo(pkgInfo());
        addActions(p4info);
        for (ControlDecl control : use.controls()) {
            for (TableDecl table : control.tables()) {
                if (use.isUsed(table) && !hidden(table.annotations())) {
                    p4info.addTables(table(table, p4info));
                }
            }
        }
        addExternInstances(p4info);
        digests.forEach((name, spec) -> p4info.addDigests(Digest.newBuilder()
                .setPreamble(symbols.preamble(Prefix.DIGEST, name, List.of())).setTypeSpec(spec)));
        addControllerHeaders(p4info);
        if (use.callsExternFunction()) {
            typeInfoTouched = true;
        }
        if (typeInfoTouched) {
            p4info.setTypeInfo(typeInfo);
        }
        return p4info.build();
    }

    // ------------------------------------------------------------------ symbols

    private void declareSymbols() {
        for (ActionDecl action : actionsInP4Info()) {
            symbols.declare(Prefix.ACTION, ControlPlaneNames.of(action), action.annotations(), action.location());
        }
        for (ControlDecl control : use.controls()) {
            for (TableDecl table : control.tables()) {
                if (use.isUsed(table) && !hidden(table.annotations())) {
                    symbols.declare(Prefix.TABLE, ControlPlaneNames.of(table), table.annotations(),
                            table.location());
                }
            }
        }
        for (ExternInstance instance : use.instances(program)) {
            Prefix kind = instanceKind(instance);
            if (kind != null) {
                symbols.declare(kind, ControlPlaneNames.of(instance), instance.annotations(), instance.location());
            }
        }
        DigestNames digestNames = new DigestNames(program, use);
        for (Expr.ExternCall call : digestNames.calls()) {
            String name = digestNames.nameOf(call);
            if (!digests.containsKey(name)) {
                digests.put(name, TypeSpecs.of(DigestNames.data(call).type(), typeInfo, call.location()));
                symbols.declare(Prefix.DIGEST, name, List.of(), call.location());
            }
        }
        for (P4Type.Struct header : controllerHeaders()) {
            symbols.declare(Prefix.CONTROLLER_HEADER, controllerHeaderSymbol(header), header.annotations(),
                    header.location());
        }
    }

    private static Prefix instanceKind(ExternInstance instance) {
        return switch (instance.externName()) {
            case "counter" -> Prefix.COUNTER;
            case "direct_counter" -> Prefix.DIRECT_COUNTER;
            case "meter" -> Prefix.METER;
            case "direct_meter" -> Prefix.DIRECT_METER;
            case "register" -> Prefix.REGISTER;
            case "action_profile", "action_selector" -> Prefix.ACTION_PROFILE;
            default -> null;
        };
    }

    private static boolean hidden(List<Annotation> annotations) {
        return Annotations.has(annotations, "hidden");
    }

    // ------------------------------------------------------------------ actions

    /** Used actions, top-level ones (NoAction) first, then each control's in declaration order. */
    private List<ActionDecl> actionsInP4Info() {
        List<ActionDecl> all = new ArrayList<>(program.topLevelActions());
        use.controls().forEach(c -> all.addAll(c.actions()));
        return all.stream().filter(a -> use.isUsed(a) && !hidden(a.annotations())).toList();
    }

    private void addActions(P4Info.Builder p4info) {
        Map<String, Action> byName = new LinkedHashMap<>();
        for (ActionDecl action : actionsInP4Info()) {
            byName.putIfAbsent(ControlPlaneNames.of(action), action(action));
        }
        p4info.addAllActions(byName.values());
    }

    private Action action(ActionDecl action) {
        String name = ControlPlaneNames.of(action);
        Action.Builder a = Action.newBuilder()
                .setPreamble(symbols.preamble(Prefix.ACTION, name, action.annotations()));
        // An action only ever called directly gets its arguments at the call; p4c leaves it no parameters.
        List<Variable> params = use.isTableAction(action)
                ? action.parameters().stream().filter(p -> p.direction() == Direction.NONE).toList()
                : List.of();
        List<Integer> ids = FieldIds.allocate(params.stream().map(Variable::annotations).toList(),
                params.stream().map(Variable::location).toList());
        for (int i = 0; i < params.size(); i++) {
            Variable p = params.get(i);
            typeInfoTouched = true;
            Action.Param.Builder param = Action.Param.newBuilder().setId(ids.get(i))
                    .setName(ControlPlaneNames.of(p)).setBitwidth(bitWidth(p.type(), p.location()))
                    .addAllAnnotations(Annotations.forP4Info(p.annotations()));
            var doc = Annotations.documentation(p.annotations());
            if (doc != null) {
                param.setDoc(doc);
            }
            a.addParams(param);
        }
        return a.build();
    }

    // ------------------------------------------------------------------ tables

    private Table table(TableDecl table, P4Info.Builder p4info) {
        typeInfoTouched = true;
        String name = ControlPlaneNames.of(table);
        Table.Builder t = Table.newBuilder().setPreamble(symbols.preamble(Prefix.TABLE, name, table.annotations()));
        addMatchFields(table, t);
        addActionRefs(table, t);
        if (table.defaultAction() != null && table.defaultActionConst()) {
            t.setConstDefaultActionId(symbols.id(Prefix.ACTION, ControlPlaneNames.of(table.defaultAction().action())));
        }
        if (table.implementation() != null) {
            t.setImplementationId(symbols.id(Prefix.ACTION_PROFILE, ControlPlaneNames.of(table.implementation())));
        }
        if (table.counters() != null) {
            ExternInstance c = requireKind(table.counters(), "direct_counter", "counters", table);
            String counterName = ControlPlaneNames.of(c);
            t.addDirectResourceIds(symbols.id(Prefix.DIRECT_COUNTER, counterName));
            p4info.addDirectCounters(DirectCounter.newBuilder()
                    .setPreamble(symbols.preamble(Prefix.DIRECT_COUNTER, counterName, c.annotations()))
                    .setSpec(CounterSpec.newBuilder().setUnit(counterUnit(c, 0)))
                    .setDirectTableId(symbols.id(Prefix.TABLE, name)));
        }
        if (table.meters() != null) {
            ExternInstance m = requireKind(table.meters(), "direct_meter", "meters", table);
            String meterName = ControlPlaneNames.of(m);
            t.addDirectResourceIds(symbols.id(Prefix.DIRECT_METER, meterName));
            p4info.addDirectMeters(DirectMeter.newBuilder()
                    .setPreamble(symbols.preamble(Prefix.DIRECT_METER, meterName, m.annotations()))
                    .setSpec(MeterSpec.newBuilder().setUnit(meterUnit(m, 0)))
                    .setDirectTableId(symbols.id(Prefix.TABLE, name)));
        }
        t.setSize(table.size() == null || table.size() == 0 ? DEFAULT_TABLE_SIZE : table.size());
        if (table.entries() != null) {
            if (!table.entriesConst()) {
                throw new P4CompileException(table.location(),
                        "P4Runtime only supports constant table initializers: declare 'const entries'");
            }
            t.setIsConstTable(true);
        }
        Expr timeout = table.otherProperties().get("support_timeout");
        if (timeout instanceof Expr.BoolConstant b && b.value()) {
            t.setIdleTimeoutBehavior(Table.IdleTimeoutBehavior.NOTIFY_CONTROL);
        }
        return t.build();
    }

    private static ExternInstance requireKind(ExternInstance instance, String extern, String property,
                                              TableDecl table) {
        if (!instance.externName().equals(extern)) {
            throw new P4CompileException(table.location(), "table " + table.name() + ": '" + property
                    + "' must name a " + extern + ", not a " + instance.externName());
        }
        return instance;
    }

    private void addMatchFields(TableDecl table, Table.Builder t) {
        List<TableDecl.KeyElement> keys = table.keys();
        List<Integer> ids = FieldIds.allocate(keys.stream().map(TableDecl.KeyElement::annotations).toList(),
                keys.stream().map(TableDecl.KeyElement::location).toList());
        for (int i = 0; i < keys.size(); i++) {
            TableDecl.KeyElement key = keys.get(i);
            if (key.matchKind().equals("selector")) {
                continue;
            }
            MatchField.Builder f = MatchField.newBuilder().setId(ids.get(i)).setName(ControlPlaneNames.of(key))
                    .addAllAnnotations(Annotations.forP4Info(key.annotations()))
                    .setBitwidth(bitWidth(key.expression().type(), key.location()));
            var doc = Annotations.documentation(key.annotations());
            if (doc != null) {
                f.setDoc(doc);
            }
            switch (key.matchKind()) {
                case "exact" -> f.setMatchType(MatchField.MatchType.EXACT);
                case "lpm" -> f.setMatchType(MatchField.MatchType.LPM);
                case "ternary" -> f.setMatchType(MatchField.MatchType.TERNARY);
                case "range" -> f.setMatchType(MatchField.MatchType.RANGE);
                case "optional" -> f.setMatchType(MatchField.MatchType.OPTIONAL);
                default -> f.setOtherMatchType(key.matchKind());
            }
            t.addMatchFields(f);
        }
    }

    private void addActionRefs(TableDecl table, Table.Builder t) {
        boolean listsNoAction = false;
        for (TableDecl.ActionRef ref : table.actions()) {
            listsNoAction |= ref.action() == use.noAction();
            boolean tableOnly = Annotations.has(ref.annotations(), "tableonly");
            boolean defaultOnly = Annotations.has(ref.annotations(), "defaultonly");
            if (tableOnly && defaultOnly) {
                throw new P4CompileException(ref.location(), "action " + ref.action().name()
                        + " cannot be both @tableonly and @defaultonly");
            }
            ActionRef.Builder r = ActionRef.newBuilder()
                    .setId(symbols.id(Prefix.ACTION, ControlPlaneNames.of(ref.action())))
                    .addAllAnnotations(Annotations.forP4Info(ref.annotations()));
            if (tableOnly) {
                r.setScope(ActionRef.Scope.TABLE_ONLY);
            } else if (defaultOnly) {
                r.setScope(ActionRef.Scope.DEFAULT_ONLY);
            }
            t.addActionRefs(r);
        }
        if (table.defaultAction() == null && !listsNoAction && use.noAction() != null) {
            // What p4c's front end adds to a table that declares no default action.
            t.addActionRefs(ActionRef.newBuilder()
                    .setId(symbols.id(Prefix.ACTION, ControlPlaneNames.of(use.noAction())))
                    .addAnnotations("@defaultonly").setScope(ActionRef.Scope.DEFAULT_ONLY));
        }
    }

    // ------------------------------------------------------------------ extern instances

    private void addExternInstances(P4Info.Builder p4info) {
        for (ExternInstance instance : use.instances(program)) {
            typeInfoTouched = true;
            String name = ControlPlaneNames.of(instance);
            switch (instance.externName()) {
                case "counter" -> p4info.addCounters(Counter.newBuilder()
                        .setPreamble(symbols.preamble(Prefix.COUNTER, name, instance.annotations()))
                        .setSpec(CounterSpec.newBuilder().setUnit(counterUnit(instance, 1)))
                        .setSize(ExternArguments.integer(instance, 0, "size")));
                case "meter" -> p4info.addMeters(Meter.newBuilder()
                        .setPreamble(symbols.preamble(Prefix.METER, name, instance.annotations()))
                        .setSpec(MeterSpec.newBuilder().setUnit(meterUnit(instance, 1)))
                        .setSize(ExternArguments.integer(instance, 0, "size")));
                case "register" -> p4info.addRegisters(register(instance, name));
                case "action_profile" -> p4info.addActionProfiles(actionProfile(instance, name, false, 0));
                case "action_selector" -> p4info.addActionProfiles(actionProfile(instance, name, true, 1));
                default -> {
                    // direct counters and meters are described with their table; other externs have no P4Info.
                }
            }
        }
    }

    private Register register(ExternInstance instance, String name) {
        List<P4Type> typeArgs = instance.type().typeArguments();
        if (typeArgs.isEmpty()) {
            throw new P4CompileException(instance.location(), "register '" + instance.name()
                    + "' needs its cell type, e.g. register<bit<32>>(64)");
        }
        return Register.newBuilder()
                .setPreamble(symbols.preamble(Prefix.REGISTER, name, instance.annotations()))
                .setTypeSpec(TypeSpecs.of(typeArgs.get(0), typeInfo, instance.location()))
                .setSize((int) ExternArguments.integer(instance, 0, "size"))
                .build();
    }

    private ActionProfile actionProfile(ExternInstance instance, String name, boolean withSelector, int sizeArg) {
        ActionProfile.Builder p = ActionProfile.newBuilder()
                .setPreamble(symbols.preamble(Prefix.ACTION_PROFILE, name, instance.annotations()))
                .setWithSelector(withSelector)
                .setSize(ExternArguments.integer(instance, sizeArg, "size"));
        TreeSet<String> tables = new TreeSet<>();
        for (ControlDecl control : use.controls()) {
            for (TableDecl table : control.tables()) {
                if (use.isUsed(table) && table.implementation() == instance) {
                    tables.add(ControlPlaneNames.of(table));
                }
            }
        }
        tables.forEach(t -> p.addTableIds(symbols.id(Prefix.TABLE, t)));
        return p.build();
    }

    private static CounterSpec.Unit counterUnit(ExternInstance instance, int index) {
        String unit = ExternArguments.enumMember(instance, index, "counter type");
        return switch (unit) {
            case "packets" -> CounterSpec.Unit.PACKETS;
            case "bytes" -> CounterSpec.Unit.BYTES;
            case "packets_and_bytes" -> CounterSpec.Unit.BOTH;
            default -> throw new P4CompileException(instance.location(), "unknown CounterType." + unit);
        };
    }

    private static MeterSpec.Unit meterUnit(ExternInstance instance, int index) {
        String unit = ExternArguments.enumMember(instance, index, "meter type");
        return switch (unit) {
            case "packets" -> MeterSpec.Unit.PACKETS;
            case "bytes" -> MeterSpec.Unit.BYTES;
            default -> throw new P4CompileException(instance.location(), "unknown MeterType." + unit);
        };
    }

    // ------------------------------------------------------------------ packet I/O and package

    private List<P4Type.Struct> controllerHeaders() {
        return program.structTypes().stream()
                .filter(s -> s.isHeader() && Annotations.has(s.annotations(), "controller_header")
                        && !hidden(s.annotations()))
                .toList();
    }

    /** p4c hashes the header type's name for the id; the P4Info shows the annotation's value. */
    private static String controllerHeaderSymbol(P4Type.Struct header) {
        return ControlPlaneNames.qualified(null, header.name(), header.annotations());
    }

    private void addControllerHeaders(P4Info.Builder p4info) {
        for (P4Type.Struct header : controllerHeaders()) {
            String shown = Annotation.find(header.annotations(), "controller_header").orElseThrow().stringValue();
            ControllerPacketMetadata.Builder c = ControllerPacketMetadata.newBuilder()
                    .setPreamble(symbols.preamble(Prefix.CONTROLLER_HEADER, controllerHeaderSymbol(header),
                            shown, shown, header.annotations()));
            List<P4Type.Field> fields = header.fields();
            List<Integer> ids = FieldIds.allocate(fields.stream().map(P4Type.Field::annotations).toList(),
                    fields.stream().map(P4Type.Field::location).toList());
            for (int i = 0; i < fields.size(); i++) {
                P4Type.Field f = fields.get(i);
                if (hidden(f.annotations())) {
                    continue;
                }
                typeInfoTouched = true;
                c.addMetadata(ControllerPacketMetadata.Metadata.newBuilder().setId(ids.get(i))
                        .setName(Annotation.find(f.annotations(), "name").map(Annotation::stringValue)
                                .orElse(f.name()))
                        .addAllAnnotations(Annotations.forP4Info(f.annotations()))
                        .setBitwidth(bitWidth(f.type(), f.location())));
            }
            p4info.addControllerPacketMetadata(c);
        }
    }

    private PkgInfo pkgInfo() {
        PkgInfo.Builder pkg = PkgInfo.newBuilder().setArch(ARCH);
        List<Annotation> annotations = program.main().annotations();
        Annotation.find(annotations, "pkginfo").ifPresent(a -> PkgInfoAnnotation.apply(a, pkg));
        pkg.addAllAnnotations(Annotations.forP4Info(
                annotations.stream().filter(a -> !a.name().equals("pkginfo")).toList()));
        var doc = Annotations.documentation(annotations);
        if (doc != null) {
            pkg.setDoc(doc);
        }
        return pkg.build();
    }

    private static int bitWidth(P4Type type, SourceLocation location) {
        if (type instanceof P4Type.Bits b) {
            return b.width();
        } else if (type instanceof P4Type.Bool) {
            return 1;
        } else if (type instanceof P4Type.Error) {
            return 0;
        } else if (type instanceof P4Type.Enum e && e.underlying() != null) {
            return e.underlying().width();
        }
        throw new P4CompileException(location, "a value of type " + type.describe()
                + " cannot be a match field, action parameter or packet metadata field");
    }
}
