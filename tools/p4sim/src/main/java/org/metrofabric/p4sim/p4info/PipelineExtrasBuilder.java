package org.metrofabric.p4sim.p4info;

import org.metrofabric.p4sim.ir.ControlPlaneNames;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.metrofabric.p4sim.frontend.P4CompileException;
import org.metrofabric.p4sim.ir.ControlDecl;
import org.metrofabric.p4sim.ir.Direction;
import org.metrofabric.p4sim.ir.Expr;
import org.metrofabric.p4sim.ir.ExternInstance;
import org.metrofabric.p4sim.ir.Keyset;
import org.metrofabric.p4sim.ir.P4Type;
import org.metrofabric.p4sim.ir.Program;
import org.metrofabric.p4sim.ir.SourceLocation;
import org.metrofabric.p4sim.ir.TableDecl;
import org.metrofabric.p4sim.ir.Variable;
import org.metrofabric.p4sim.runtime.ActionCall;
import org.metrofabric.p4sim.runtime.ConstEntry;
import org.metrofabric.p4sim.runtime.FieldMatch;
import org.metrofabric.p4sim.runtime.PipelineExtras;

/**
 * What a target needs beyond the P4Info, read from the program: selector hash algorithms, initial default
 * actions, const entries and the widths and positions of selector key elements. Names are P4Info names,
 * action arguments are in P4Info parameter order.
 */
public final class PipelineExtrasBuilder {
    private final Program program;
    private final ProgramUse use;

    private PipelineExtrasBuilder(Program program) {
        this.program = program;
        this.use = new ProgramUse(program);
    }

    public static PipelineExtras build(Program program) {
        return new PipelineExtrasBuilder(program).build();
    }

    private PipelineExtras build() {
        PipelineExtras.Builder extras = PipelineExtras.builder();
        for (ExternInstance instance : use.instances(program)) {
            if (instance.externName().equals("action_selector")) {
                extras.selectorAlgorithm(ControlPlaneNames.of(instance),
                        ExternArguments.enumMember(instance, 0, "hash algorithm"));
            }
        }
        for (ControlDecl control : use.controls()) {
            for (TableDecl table : control.tables()) {
                if (use.isUsed(table)) {
                    addTable(table, extras);
                }
            }
        }
        return extras.build();
    }

    private void addTable(TableDecl table, PipelineExtras.Builder extras) {
        String name = ControlPlaneNames.of(table);
        if (table.defaultAction() != null) {
            extras.tableDefault(name, call(table.defaultAction()), table.defaultActionConst());
        } else if (use.noAction() != null) {
            extras.tableDefault(name, new ActionCall(ControlPlaneNames.of(use.noAction()), List.of()), false);
        }
        List<Integer> selectorWidths = new ArrayList<>();
        List<Integer> selectorPositions = new ArrayList<>();
        for (int i = 0; i < table.keys().size(); i++) {
            TableDecl.KeyElement key = table.keys().get(i);
            if (key.matchKind().equals("selector")) {
                selectorWidths.add(width(key.expression().type(), key.location()));
                selectorPositions.add(i);
            }
        }
        if (!selectorWidths.isEmpty()) {
            extras.selectorWidths(name, selectorWidths);
            extras.selectorKeyPositions(name, selectorPositions);
        }
        if (table.entries() != null) {
            List<ConstEntry> entries = new ArrayList<>();
            for (TableDecl.Entry entry : table.entries()) {
                entries.add(new ConstEntry(matches(table, entry), call(entry.action())));
            }
            extras.constEntries(name, entries);
        }
    }

    private static List<FieldMatch> matches(TableDecl table, TableDecl.Entry entry) {
        if (entry.keys().size() != table.keys().size()) {
            throw new P4CompileException(entry.location(), "entry of table " + table.name() + " has "
                    + entry.keys().size() + " keys, the table key has " + table.keys().size());
        }
        List<FieldMatch> matches = new ArrayList<>();
        for (int i = 0; i < table.keys().size(); i++) {
            TableDecl.KeyElement key = table.keys().get(i);
            if (!key.matchKind().equals("selector")) {
                int width = width(key.expression().type(), key.location());
                matches.add(fieldMatch(key.matchKind(), entry.keys().get(i), width, entry.location()));
            }
        }
        return matches;
    }

    /** One keyset of a const entry as the match it means for a field of {@code width} bits. */
    static FieldMatch fieldMatch(String matchKind, Keyset keyset, int width, SourceLocation location) {
        BigInteger all = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
        if (keyset instanceof Keyset.DontCare) {
            if (matchKind.equals("exact")) {
                throw new P4CompileException(location, "an exact match field cannot be a wildcard");
            }
            return FieldMatch.dontCare();
        }
        switch (matchKind) {
            case "exact":
                if (keyset instanceof Keyset.Exact e) {
                    return FieldMatch.exact(e.value().and(all));
                }
                break;
            case "optional":
                if (keyset instanceof Keyset.Exact e) {
                    return FieldMatch.optional(e.value().and(all));
                }
                break;
            case "ternary":
                if (keyset instanceof Keyset.Exact e) {
                    return FieldMatch.ternary(e.value().and(all), all);
                } else if (keyset instanceof Keyset.Mask m) {
                    BigInteger mask = m.mask().and(all);
                    return mask.signum() == 0 ? FieldMatch.dontCare() : FieldMatch.ternary(m.value().and(mask), mask);
                }
                break;
            case "lpm":
                if (keyset instanceof Keyset.Exact e) {
                    return FieldMatch.lpm(e.value().and(all), width);
                } else if (keyset instanceof Keyset.Mask m) {
                    return lpm(m, width, all, location);
                }
                break;
            case "range":
                if (keyset instanceof Keyset.Exact e) {
                    return FieldMatch.range(e.value().and(all), e.value().and(all));
                } else if (keyset instanceof Keyset.Range r) {
                    BigInteger low = r.low().and(all);
                    BigInteger high = r.high().and(all);
                    if (low.compareTo(high) > 0) {
                        throw new P4CompileException(location, "range " + low + ".." + high + " is empty");
                    }
                    return low.signum() == 0 && high.equals(all) ? FieldMatch.dontCare() : FieldMatch.range(low, high);
                }
                break;
            default:
                throw new P4CompileException(location, "match kind " + matchKind + " cannot have const entries");
        }
        throw new P4CompileException(location, "this keyset cannot be used for a " + matchKind + " match field");
    }

    private static FieldMatch lpm(Keyset.Mask m, int width, BigInteger all, SourceLocation location) {
        BigInteger mask = m.mask().and(all);
        int prefix = mask.bitCount();
        if (!mask.equals(FieldMatch.prefixMask(width, prefix))) {
            throw new P4CompileException(location, "an lpm keyset needs a prefix mask, not 0x" + mask.toString(16));
        }
        return prefix == 0 ? FieldMatch.dontCare() : FieldMatch.lpm(m.value().and(mask), prefix);
    }

    /** An action with its constant arguments, as a target applies it: arguments of directionless parameters. */
    private static ActionCall call(TableDecl.ActionCall call) {
        List<Variable> params = call.action().parameters();
        List<BigInteger> args = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            Variable p = params.get(i);
            if (p.direction() != Direction.NONE) {
                continue;
            }
            if (i >= call.arguments().size() || !(call.arguments().get(i) instanceof Expr.Constant c)) {
                throw new P4CompileException(call.location(), "argument '" + p.name() + "' of "
                        + call.action().name() + " must be a compile-time constant here");
            }
            int width = width(p.type(), p.location());
            args.add(c.value().and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE)));
        }
        return new ActionCall(ControlPlaneNames.of(call.action()), args);
    }

    private static int width(P4Type type, SourceLocation location) {
        if (type instanceof P4Type.Bits b) {
            return b.width();
        } else if (type instanceof P4Type.Bool) {
            return 1;
        } else if (type instanceof P4Type.Enum e && e.underlying() != null) {
            return e.underlying().width();
        }
        throw new P4CompileException(location, "type " + type.describe() + " has no bit width here");
    }
}
