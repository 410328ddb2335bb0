package org.metrofabric.p4sim.conformance;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import org.metrofabric.p4runtime.codec.P4InfoIndex;
import org.metrofabric.p4runtime.codec.TableInfo;
import org.metrofabric.p4sim.control.SwitchControl;
import org.metrofabric.p4sim.conformance.GoldenCommand.ActionText;
import org.metrofabric.p4sim.conformance.GoldenCommand.Match;
import org.metrofabric.p4sim.conformance.GoldenCommand.Rates;
import org.metrofabric.p4sim.runtime.MeterConfig;
import org.onlab.util.ImmutableByteSequence;
import org.onosproject.net.PortNumber;
import org.onosproject.net.pi.model.PiActionId;
import org.onosproject.net.pi.model.PiActionParamId;
import org.onosproject.net.pi.model.PiActionProfileId;
import org.onosproject.net.pi.model.PiCounterId;
import org.onosproject.net.pi.model.PiMatchFieldId;
import org.onosproject.net.pi.model.PiMeterId;
import org.onosproject.net.pi.model.PiRegisterId;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiActionParam;
import org.onosproject.net.pi.runtime.PiActionProfileGroup;
import org.onosproject.net.pi.runtime.PiActionProfileGroupId;
import org.onosproject.net.pi.runtime.PiActionProfileMember;
import org.onosproject.net.pi.runtime.PiActionProfileMemberId;
import org.onosproject.net.pi.runtime.PiCloneSessionEntry;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.net.pi.runtime.PiExactFieldMatch;
import org.onosproject.net.pi.runtime.PiFieldMatch;
import org.onosproject.net.pi.runtime.PiLpmFieldMatch;
import org.onosproject.net.pi.runtime.PiMatchKey;
import org.onosproject.net.pi.runtime.PiMeterCellId;
import org.onosproject.net.pi.runtime.PiMulticastGroupEntry;
import org.onosproject.net.pi.runtime.PiOptionalFieldMatch;
import org.onosproject.net.pi.runtime.PiPreReplica;
import org.onosproject.net.pi.runtime.PiRangeFieldMatch;
import org.onosproject.net.pi.runtime.PiRegisterCellId;
import org.onosproject.net.pi.runtime.PiTableAction;
import org.onosproject.net.pi.runtime.PiTableEntry;
import org.onosproject.net.pi.runtime.PiTernaryFieldMatch;
import p4.config.v1.P4InfoOuterClass;

/**
 * Turns golden control-plane lines into ONOS PI entities and applies them through {@link SwitchControl}, so
 * they pass the same validation as a P4Runtime write. Values are sent in P4Runtime's canonical byte form;
 * widths are checked by the control API.
 */
final class GoldenControlPlane {
    private final SwitchControl control;
    private final P4InfoIndex p4info;

    GoldenControlPlane(SwitchControl control) {
        this.control = control;
        this.p4info = control.state().p4infoIndex();
    }

    /** Applies a control-plane command; throws on rejection. */
    void apply(GoldenCommand command) {
        if (command instanceof GoldenCommand.TableAdd add) {
            control.insert(tableEntry(add.table(), add.match(), target(add.target())));
        } else if (command instanceof GoldenCommand.TableDefault defaults) {
            control.modify(PiTableEntry.builder().forTable(PiTableId.of(defaults.table()))
                    .withMatchKey(PiMatchKey.EMPTY).withAction(action(defaults.action())).build());
        } else if (command instanceof GoldenCommand.MemberAdd member) {
            control.insert(PiActionProfileMember.builder().forActionProfile(PiActionProfileId.of(member.profile()))
                    .withId(PiActionProfileMemberId.of(member.memberId())).withAction(action(member.action()))
                    .build());
        } else if (command instanceof GoldenCommand.GroupAdd group) {
            control.insert(group(group.profile(), group.groupId(), group.members()));
        } else if (command instanceof GoldenCommand.GroupSet group) {
            control.modify(group(group.profile(), group.groupId(), group.members()));
        } else if (command instanceof GoldenCommand.BindProfile bind) {
            checkBinding(bind);
        } else if (command instanceof GoldenCommand.McGroup group) {
            PiMulticastGroupEntry.Builder builder = PiMulticastGroupEntry.builder().withGroupId(group.groupId());
            group.replicas().forEach(r -> builder.addReplica(
                    new PiPreReplica(PortNumber.portNumber(r.port()), r.rid())));
            control.insert(builder.build());
        } else if (command instanceof GoldenCommand.CloneSessionLine session) {
            control.insert(PiCloneSessionEntry.builder().withSessionId(session.sessionId())
                    .addReplica(new PiPreReplica(PortNumber.portNumber(session.port()), 0)).build());
        } else if (command instanceof GoldenCommand.MeterSet meter) {
            control.configureMeter(PiMeterCellId.ofIndirect(PiMeterId.of(meter.meter()), meter.index()),
                    meterConfig(meter.rates()));
        } else if (command instanceof GoldenCommand.DirectMeterSet meter) {
            checkDirectResource(meter.meter(), meter.table(),
                    p4info.findDirectMeter(meter.meter()).map(P4InfoOuterClass.DirectMeter::getDirectTableId),
                    "direct meter");
            control.configureMeter(PiMeterCellId.ofDirect(tableEntry(meter.table(), meter.match(), null)),
                    meterConfig(meter.rates()));
        } else {
            throw new IllegalArgumentException("not a control-plane command: " + command);
        }
    }

    /** Reads the values a read-back line checks, formatted like the golden line. */
    String readBack(GoldenCommand command) {
        if (command instanceof GoldenCommand.CounterCheck counter) {
            PiCounterCell cell = control.readCounter(
                    PiCounterCellId.ofIndirect(PiCounterId.of(counter.counter()), counter.index()));
            return "packets=" + cell.data().packets() + " bytes=" + cell.data().bytes();
        }
        if (command instanceof GoldenCommand.DirectCounterCheck counter) {
            checkDirectResource(counter.counter(), counter.table(),
                    p4info.findDirectCounter(counter.counter()).map(P4InfoOuterClass.DirectCounter::getDirectTableId),
                    "direct counter");
            PiCounterCell cell = control.readCounter(
                    PiCounterCellId.ofDirect(tableEntry(counter.table(), counter.match(), null)));
            return "packets=" + cell.data().packets()
                    + (counter.bytes() == null ? "" : " bytes=" + cell.data().bytes());
        }
        GoldenCommand.RegisterCheck register = (GoldenCommand.RegisterCheck) command;
        BigInteger value = control.readRegister(
                PiRegisterCellId.of(PiRegisterId.of(register.register()), register.index()));
        return "value=" + value;
    }

    static String expectedReadBack(GoldenCommand command) {
        if (command instanceof GoldenCommand.CounterCheck counter) {
            return "packets=" + counter.packets() + " bytes=" + counter.bytes();
        }
        if (command instanceof GoldenCommand.DirectCounterCheck counter) {
            return "packets=" + counter.packets() + (counter.bytes() == null ? "" : " bytes=" + counter.bytes());
        }
        return "value=" + ((GoldenCommand.RegisterCheck) command).value();
    }

    private void checkBinding(GoldenCommand.BindProfile bind) {
        TableInfo table = p4info.findTable(bind.table())
                .orElseThrow(() -> new IllegalArgumentException("unknown table '" + bind.table() + "'"));
        P4InfoOuterClass.ActionProfile profile = p4info.implementationOf(table).orElse(null);
        if (profile == null || !profile.getPreamble().getName().equals(bind.profile())) {
            throw new IllegalArgumentException("table " + bind.table() + " is implemented by "
                    + (profile == null ? "no action profile" : profile.getPreamble().getName())
                    + ", not " + bind.profile());
        }
    }

    private void checkDirectResource(String resource, String table, Optional<Integer> tableId, String kind) {
        if (tableId.isEmpty()) {
            throw new IllegalArgumentException("unknown " + kind + " '" + resource + "'");
        }
        if (!p4info.findTable(tableId.get()).map(TableInfo::name).filter(table::equals).isPresent()) {
            throw new IllegalArgumentException(kind + " " + resource + " does not belong to table " + table);
        }
    }

    private static MeterConfig meterConfig(Rates rates) {
        return new MeterConfig(rates.committedRate(), rates.committedBurst(), rates.peakRate(), rates.peakBurst());
    }

    private static PiActionProfileGroup group(String profile, int groupId, Iterable<Integer> members) {
        PiActionProfileGroup.Builder builder = PiActionProfileGroup.builder()
                .withActionProfileId(PiActionProfileId.of(profile)).withId(PiActionProfileGroupId.of(groupId));
        members.forEach(member -> builder.addMember(PiActionProfileMemberId.of(member)));
        return builder.build();
    }

    private static PiTableAction target(GoldenCommand.EntryTarget target) {
        if (target instanceof GoldenCommand.MemberTarget member) {
            return PiActionProfileMemberId.of(member.memberId());
        }
        if (target instanceof GoldenCommand.GroupTarget group) {
            return PiActionProfileGroupId.of(group.groupId());
        }
        return action(((GoldenCommand.DirectAction) target).action());
    }

    private static PiAction action(ActionText text) {
        PiAction.Builder builder = PiAction.builder().withId(PiActionId.of(text.name()));
        text.params().forEach((name, value) ->
                builder.withParameter(new PiActionParam(PiActionParamId.of(name), canonical(value))));
        return builder.build();
    }

    private PiTableEntry tableEntry(String table, Match match, PiTableAction action) {
        PiMatchKey.Builder key = PiMatchKey.builder();
        for (Map.Entry<String, MatchValue> field : match.fields().entrySet()) {
            key.addFieldMatch(fieldMatch(table, field.getKey(), field.getValue()));
        }
        PiTableEntry.Builder entry = PiTableEntry.builder().forTable(PiTableId.of(table)).withMatchKey(key.build());
        if (action != null) {
            entry.withAction(action);
        }
        if (match.priority() != null) {
            entry.withPriority(match.priority());
        }
        return entry.build();
    }

    private PiFieldMatch fieldMatch(String table, String field, MatchValue value) {
        PiMatchFieldId id = PiMatchFieldId.of(field);
        if (value instanceof MatchValue.Prefix prefix) {
            return new PiLpmFieldMatch(id, canonical(prefix.value()), prefix.length());
        }
        if (value instanceof MatchValue.Masked masked) {
            int size = Math.max(canonical(masked.value()).size(), canonical(masked.mask()).size());
            return new PiTernaryFieldMatch(id, padded(masked.value(), size), padded(masked.mask(), size));
        }
        if (value instanceof MatchValue.Range range) {
            return new PiRangeFieldMatch(id, canonical(range.low()), canonical(range.high()));
        }
        BigInteger plain = ((MatchValue.Plain) value).value();
        return isOptional(table, field) ? new PiOptionalFieldMatch(id, canonical(plain))
                : new PiExactFieldMatch(id, canonical(plain));
    }

    private boolean isOptional(String table, String field) {
        return p4info.findTable(table).stream().flatMap(info -> info.matchFields().stream()).anyMatch(
                f -> f.getName().equals(field) && f.getMatchType() == P4InfoOuterClass.MatchField.MatchType.OPTIONAL);
    }

    /** ONOS requires a ternary value and mask of one length: both get the longer canonical length. */
    private static ImmutableByteSequence padded(BigInteger value, int size) {
        byte[] bytes = new byte[size];
        byte[] raw = canonical(value).asArray();
        System.arraycopy(raw, 0, bytes, size - raw.length, raw.length);
        return ImmutableByteSequence.copyFrom(bytes);
    }

    /** P4Runtime's canonical byte string: the shortest big-endian form, at least one byte. */
    private static ImmutableByteSequence canonical(BigInteger value) {
        byte[] raw = value.toByteArray();
        int skip = raw.length > 1 && raw[0] == 0 ? 1 : 0;
        byte[] bytes = new byte[raw.length - skip];
        System.arraycopy(raw, skip, bytes, 0, bytes.length);
        return ImmutableByteSequence.copyFrom(bytes);
    }
}
