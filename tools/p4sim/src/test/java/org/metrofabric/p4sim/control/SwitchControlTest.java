package org.metrofabric.p4sim.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.metrofabric.p4sim.runtime.ActionCall;
import org.metrofabric.p4sim.runtime.ConstEntry;
import org.metrofabric.p4sim.runtime.FieldMatch;
import org.metrofabric.p4sim.runtime.MeterConfig;
import org.metrofabric.p4sim.runtime.PipelineExtras;
import org.metrofabric.p4sim.runtime.SwitchState;
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
import org.onosproject.net.pi.runtime.PiMeterCellConfig;
import org.onosproject.net.pi.runtime.PiMeterCellId;
import org.onosproject.net.pi.runtime.PiMulticastGroupEntry;
import org.onosproject.net.pi.runtime.PiPreReplica;
import org.onosproject.net.pi.runtime.PiRangeFieldMatch;
import org.onosproject.net.pi.runtime.PiRegisterCellId;
import org.onosproject.net.pi.runtime.PiTableAction;
import org.onosproject.net.pi.runtime.PiTableEntry;
import org.onosproject.net.pi.runtime.PiTernaryFieldMatch;

class SwitchControlTest {
    private static final PiTableId RULES = PiTableId.of("MIngress.rules");
    private static final PiTableId BY_LPM = PiTableId.of("MIngress.byLpm");
    private static final PiTableId FIXED = PiTableId.of("MIngress.fixed");
    private static final PiTableId ECMP = PiTableId.of("EcmpIngress.ecmp_route");
    private static final PiActionProfileId UPLINKS = PiActionProfileId.of("EcmpIngress.uplinks");

    private static ImmutableByteSequence bytes(long value, int width) {
        return PiValues.toBytes(BigInteger.valueOf(value), width);
    }

    private static PiFieldMatch exact(String field, long value, int width) {
        return new PiExactFieldMatch(PiMatchFieldId.of(field), bytes(value, width));
    }

    private static PiAction miss(long rule) {
        return PiAction.builder().withId(PiActionId.of("MIngress.miss"))
                .withParameter(new PiActionParam(PiActionParamId.of("rule"), bytes(rule, 8))).build();
    }

    private static PiTableEntry entry(PiTableId table, PiTableAction action, Integer priority,
                                      PiFieldMatch... matches) {
        PiTableEntry.Builder builder = PiTableEntry.builder().forTable(table)
                .withMatchKey(PiMatchKey.builder().addFieldMatches(List.of(matches)).build()).withAction(action);
        if (priority != null) {
            builder.withPriority(priority);
        }
        return builder.build();
    }

    private static PiTableEntry lpmEntry(long value, int prefix, PiTableAction action) {
        return entry(BY_LPM, action, null,
                new PiLpmFieldMatch(PiMatchFieldId.of("hdr.key.addr"), bytes(value, 32), prefix));
    }

    private static SwitchControl matchkinds() {
        PipelineExtras extras = PipelineExtras.builder()
                .tableDefault("MIngress.rules", ActionCall.of("MIngress.miss", BigInteger.valueOf(0xee)), false)
                .tableDefault("MIngress.fixed", ActionCall.of("NoAction"), true)
                .constEntries("MIngress.fixed", List.of(new ConstEntry(List.of(FieldMatch.exact(BigInteger.ONE)),
                        ActionCall.of("MIngress.mark", BigInteger.valueOf(11)))))
                .build();
        return new SwitchControl(new SwitchState(Corpus.p4info("matchkinds"), extras));
    }

    private static SwitchControl ecmp() {
        PipelineExtras extras = PipelineExtras.builder().selectorAlgorithm("EcmpIngress.uplinks", "crc16")
                .selectorWidths("EcmpIngress.ecmp_route", List.of(32, 32, 8, 16, 16)).build();
        return new SwitchControl(new SwitchState(Corpus.p4info("ecmp"), extras));
    }

    private static PiAction uplink(int port) {
        return PiAction.builder().withId(PiActionId.of("EcmpIngress.set_uplink"))
                .withParameter(new PiActionParam(PiActionParamId.of("port"), bytes(port, 9)))
                .withParameter(new PiActionParam(PiActionParamId.of("smac"), bytes(0xaa, 48)))
                .withParameter(new PiActionParam(PiActionParamId.of("dmac"), bytes(0xb0 + port, 48))).build();
    }

    private static PiActionProfileMember member(int id, int port) {
        return PiActionProfileMember.builder().forActionProfile(UPLINKS).withId(PiActionProfileMemberId.of(id))
                .withAction(uplink(port)).build();
    }

    private static PiActionProfileGroup group(int id, int... members) {
        PiActionProfileGroup.Builder builder = PiActionProfileGroup.builder().withActionProfileId(UPLINKS)
                .withId(PiActionProfileGroupId.of(id));
        for (int member : members) {
            builder.addMember(PiActionProfileMemberId.of(member));
        }
        return builder.build();
    }

    /** Asserts the call is rejected with {@code code} and the observed state does not change. */
    private static <T> ControlException rejects(ControlException.Code code, Supplier<T> observe, Runnable call) {
        T before = observe.get();
        ControlException error = assertThrows(ControlException.class, call::run);
        assertEquals(code, error.code(), error.getMessage());
        assertEquals(before, observe.get());
        return error;
    }

    @Test
    void insertsReadsModifiesAndDeletesEntries() {
        SwitchControl control = matchkinds();
        PiTableEntry entry = lpmEntry(0x0a000000L, 8, miss(0x80));
        control.insert(entry);
        assertEquals(List.of(entry), control.readTable(BY_LPM));
        PiTableEntry changed = lpmEntry(0x0a000000L, 8, miss(0x81));
        control.modify(changed);
        assertEquals(List.of(changed), control.readTable(BY_LPM));
        control.delete(changed);
        assertEquals(List.of(), control.readTable(BY_LPM));
    }

    @Test
    void rejectsUnknownNames() {
        SwitchControl control = matchkinds();
        Supplier<List<PiTableEntry>> table = () -> control.readTable(BY_LPM);
        assertTrue(rejects(ControlException.Code.INVALID_ARGUMENT, table,
                () -> control.insert(entry(PiTableId.of("MIngress.nope"), miss(1), null)))
                .getMessage().contains("MIngress.nope"));
        assertTrue(rejects(ControlException.Code.INVALID_ARGUMENT, table, () -> control.insert(lpmEntry(0, 8,
                PiAction.builder().withId(PiActionId.of("MIngress.bogus")).build())))
                .getMessage().contains("MIngress.bogus"));
        assertTrue(rejects(ControlException.Code.INVALID_ARGUMENT, table, () -> control.insert(entry(BY_LPM, miss(1),
                null, exact("hdr.key.nope", 1, 8)))).getMessage().contains("hdr.key.nope"));
        PiAction extraParam = PiAction.builder().withId(PiActionId.of("MIngress.miss"))
                .withParameter(new PiActionParam(PiActionParamId.of("rule"), bytes(1, 8)))
                .withParameter(new PiActionParam(PiActionParamId.of("other"), bytes(1, 8))).build();
        assertTrue(rejects(ControlException.Code.INVALID_ARGUMENT, table,
                () -> control.insert(lpmEntry(0, 8, extraParam))).getMessage().contains("other"));
        PiAction missingParam = PiAction.builder().withId(PiActionId.of("MIngress.miss")).build();
        assertTrue(rejects(ControlException.Code.INVALID_ARGUMENT, table,
                () -> control.insert(lpmEntry(0, 8, missingParam))).getMessage().contains("rule"));
        assertTrue(rejects(ControlException.Code.INVALID_ARGUMENT, table, () -> control.insert(lpmEntry(0, 8,
                PiAction.builder().withId(PiActionId.of("MIngress.hit")).build()))).getMessage()
                .contains("not an action of table"));
    }

    @Test
    void rejectsValuesThatDoNotFit() {
        SwitchControl control = matchkinds();
        Supplier<List<PiTableEntry>> table = () -> control.readTable(BY_LPM);
        PiAction wide = PiAction.builder().withId(PiActionId.of("MIngress.miss")).withParameter(new PiActionParam(
                PiActionParamId.of("rule"), ImmutableByteSequence.copyFrom(new byte[] {1, 0}))).build();
        assertTrue(rejects(ControlException.Code.OUT_OF_RANGE, table, () -> control.insert(lpmEntry(0, 8, wide)))
                .getMessage().contains("rule"));
        rejects(ControlException.Code.OUT_OF_RANGE, table, () -> control.insert(entry(BY_LPM, miss(1), null,
                new PiLpmFieldMatch(PiMatchFieldId.of("hdr.key.addr"),
                        ImmutableByteSequence.copyFrom(new byte[] {1, 0, 0, 0, 0}), 8))));
    }

    @Test
    void rejectsMatchRuleBreaches() {
        SwitchControl control = matchkinds();
        Supplier<List<PiTableEntry>> lpm = () -> control.readTable(BY_LPM);
        assertTrue(rejects(ControlException.Code.INVALID_ARGUMENT, lpm,
                () -> control.insert(lpmEntry(0x0a000001L, 8, miss(1)))).getMessage().contains("beyond"));
        rejects(ControlException.Code.INVALID_ARGUMENT, lpm, () -> control.insert(lpmEntry(0, 33, miss(1))));
        rejects(ControlException.Code.INVALID_ARGUMENT, lpm, () -> control.insert(entry(BY_LPM, miss(1), null,
                exact("hdr.key.addr", 1, 32))));
        Supplier<List<PiTableEntry>> rules = () -> control.readTable(RULES);
        PiFieldMatch kind = exact("hdr.key.kind", 1, 8);
        PiFieldMatch badTernary = new PiTernaryFieldMatch(PiMatchFieldId.of("hdr.key.tag"), bytes(0x0a1, 12),
                bytes(0xff0, 12));
        assertTrue(rejects(ControlException.Code.INVALID_ARGUMENT, rules,
                () -> control.insert(entry(RULES, miss(1), 1, kind, badTernary))).getMessage().contains("mask"));
        PiFieldMatch zeroMask = new PiTernaryFieldMatch(PiMatchFieldId.of("hdr.key.tag"), bytes(0, 12), bytes(0, 12));
        rejects(ControlException.Code.INVALID_ARGUMENT, rules,
                () -> control.insert(entry(RULES, miss(1), 1, kind, zeroMask)));
        PiFieldMatch inverted = new PiRangeFieldMatch(PiMatchFieldId.of("hdr.key.value"), bytes(9, 16), bytes(3, 16));
        rejects(ControlException.Code.INVALID_ARGUMENT, rules,
                () -> control.insert(entry(RULES, miss(1), 1, kind, inverted)));
        PiFieldMatch full = new PiRangeFieldMatch(PiMatchFieldId.of("hdr.key.value"), bytes(0, 16), bytes(0xffff, 16));
        rejects(ControlException.Code.INVALID_ARGUMENT, rules,
                () -> control.insert(entry(RULES, miss(1), 1, kind, full)));
        PiFieldMatch tag = new PiTernaryFieldMatch(PiMatchFieldId.of("hdr.key.tag"), bytes(0xa0, 12), bytes(0xff0, 12));
        assertTrue(rejects(ControlException.Code.INVALID_ARGUMENT, rules,
                () -> control.insert(entry(RULES, miss(1), 1, tag))).getMessage().contains("mandatory"));
    }

    @Test
    void enforcesPriorityRules() {
        SwitchControl control = matchkinds();
        PiFieldMatch kind = exact("hdr.key.kind", 1, 8);
        rejects(ControlException.Code.INVALID_ARGUMENT, () -> control.readTable(RULES),
                () -> control.insert(entry(RULES, miss(1), null, kind)));
        rejects(ControlException.Code.INVALID_ARGUMENT, () -> control.readTable(BY_LPM),
                () -> control.insert(entry(BY_LPM, miss(1), 5,
                        new PiLpmFieldMatch(PiMatchFieldId.of("hdr.key.addr"), bytes(0, 32), 8))));
        control.insert(entry(RULES, miss(1), 10, kind));
        control.insert(entry(RULES, miss(2), 11, kind));
        assertEquals(2, control.readTable(RULES).size());
    }

    @Test
    void rejectsDuplicatesAndMissingEntries() {
        SwitchControl control = matchkinds();
        control.insert(lpmEntry(0x0a000000L, 8, miss(1)));
        Supplier<List<PiTableEntry>> lpm = () -> control.readTable(BY_LPM);
        rejects(ControlException.Code.ALREADY_EXISTS, lpm, () -> control.insert(lpmEntry(0x0a000000L, 8, miss(2))));
        rejects(ControlException.Code.NOT_FOUND, lpm, () -> control.modify(lpmEntry(0x0b000000L, 8, miss(2))));
        rejects(ControlException.Code.NOT_FOUND, lpm, () -> control.delete(lpmEntry(0x0a000000L, 16, miss(2))));
    }

    @Test
    void fullTableRejectsInserts() {
        SwitchControl control = matchkinds();
        for (int kind = 0; kind < 64; kind++) {
            control.insert(entry(RULES, miss(1), 1, exact("hdr.key.kind", kind, 8)));
        }
        assertTrue(rejects(ControlException.Code.RESOURCE_EXHAUSTED, () -> control.readTable(RULES),
                () -> control.insert(entry(RULES, miss(1), 1, exact("hdr.key.kind", 64, 8))))
                .getMessage().contains("64"));
    }

    @Test
    void defaultEntryCanOnlyBeModified() {
        SwitchControl control = matchkinds();
        Supplier<PiAction> defaultAction = () -> control.readDefaultAction(RULES);
        assertEquals(miss(0xee), defaultAction.get());
        PiTableEntry newDefault = entry(RULES, miss(0x99), null);
        assertTrue(newDefault.isDefaultAction());
        rejects(ControlException.Code.INVALID_ARGUMENT, defaultAction, () -> control.insert(newDefault));
        rejects(ControlException.Code.INVALID_ARGUMENT, defaultAction, () -> control.delete(newDefault));
        control.modify(newDefault);
        assertEquals(miss(0x99), defaultAction.get());
        control.modify(PiTableEntry.builder().forTable(RULES).withMatchKey(PiMatchKey.EMPTY).build());
        assertEquals(miss(0xee), defaultAction.get());
        rejects(ControlException.Code.PERMISSION_DENIED, () -> control.readDefaultAction(FIXED),
                () -> control.modify(entry(FIXED, PiAction.builder().withId(PiActionId.of("NoAction")).build(), null)));
    }

    @Test
    void constTablesRejectWrites() {
        SwitchControl control = matchkinds();
        PiAction mark = PiAction.builder().withId(PiActionId.of("MIngress.mark"))
                .withParameter(new PiActionParam(PiActionParamId.of("r"), bytes(5, 8))).build();
        rejects(ControlException.Code.PERMISSION_DENIED, () -> control.readTable(FIXED),
                () -> control.insert(entry(FIXED, mark, null, exact("hdr.key.kind", 3, 8))));
        assertEquals(1, control.readTable(FIXED).size());
    }

    @Test
    void actionProfileReferencesAreChecked() {
        SwitchControl control = ecmp();
        control.insert(member(1, 1));
        control.insert(member(2, 2));
        rejects(ControlException.Code.ALREADY_EXISTS, () -> control.state().actionProfile(UPLINKS.id()).memberIds(),
                () -> control.insert(member(1, 3)));
        rejects(ControlException.Code.NOT_FOUND, () -> control.state().actionProfile(UPLINKS.id()).groupIds(),
                () -> control.insert(group(1, 1, 7)));
        control.insert(group(1, 1, 2));
        PiFieldMatch dst = new PiLpmFieldMatch(PiMatchFieldId.of("hdr.ipv4.dstAddr"), bytes(0x0a010000L, 32), 16);
        Supplier<List<PiTableEntry>> routes = () -> control.readTable(ECMP);
        rejects(ControlException.Code.NOT_FOUND, routes,
                () -> control.insert(entry(ECMP, PiActionProfileGroupId.of(9), null, dst)));
        rejects(ControlException.Code.NOT_FOUND, routes,
                () -> control.insert(entry(ECMP, PiActionProfileMemberId.of(9), null, dst)));
        rejects(ControlException.Code.INVALID_ARGUMENT, routes,
                () -> control.insert(entry(ECMP, uplink(1), null, dst)));
        control.insert(entry(ECMP, PiActionProfileGroupId.of(1), null, dst));
        Supplier<List<Integer>> members = () -> control.state().actionProfile(UPLINKS.id()).memberIds();
        rejects(ControlException.Code.FAILED_PRECONDITION, members, () -> control.delete(member(1, 1)));
        rejects(ControlException.Code.FAILED_PRECONDITION, () -> control.state().actionProfile(UPLINKS.id()).groupIds(),
                () -> control.delete(group(1)));
        assertEquals(List.of(group(1, 1, 2)), control.readGroups(UPLINKS));
        control.modify(group(1, 2));
        control.delete(member(1, 1));
        assertEquals(List.of(member(2, 2)), control.readMembers(UPLINKS));
        assertEquals(List.of(2), members.get());
        PiFieldMatch other = new PiLpmFieldMatch(PiMatchFieldId.of("hdr.ipv4.dstAddr"), bytes(0x0a020000L, 32), 16);
        control.insert(entry(ECMP, PiActionProfileMemberId.of(2), null, other));
        control.modify(group(1));
        rejects(ControlException.Code.FAILED_PRECONDITION, members, () -> control.delete(member(2, 2)));
    }

    @Test
    void batchesApplyInOrderAndReportEachFailure() {
        SwitchControl control = ecmp();
        List<Optional<ControlException>> results = control.write(List.of(
                new Update(UpdateType.INSERT, member(1, 1)),
                new Update(UpdateType.INSERT, group(1, 1)),
                new Update(UpdateType.INSERT, group(1, 1)),
                new Update(UpdateType.DELETE, member(5, 1))));
        assertFalse(results.get(0).isPresent());
        assertFalse(results.get(1).isPresent());
        assertEquals(ControlException.Code.ALREADY_EXISTS, results.get(2).orElseThrow().code());
        assertEquals(ControlException.Code.NOT_FOUND, results.get(3).orElseThrow().code());
    }

    @Test
    void replicationEntries() {
        SwitchControl control = ecmp();
        PiMulticastGroupEntry group = PiMulticastGroupEntry.builder().withGroupId(1)
                .addReplica(new PiPreReplica(PortNumber.portNumber(2), 1))
                .addReplica(new PiPreReplica(PortNumber.portNumber(1), 1)).build();
        control.insert(group);
        assertEquals(List.of(group), control.readMulticastGroups());
        rejects(ControlException.Code.ALREADY_EXISTS, control::readMulticastGroups, () -> control.insert(group));
        rejects(ControlException.Code.INVALID_ARGUMENT, control::readMulticastGroups,
                () -> control.insert(PiMulticastGroupEntry.builder().withGroupId(0).build()));
        rejects(ControlException.Code.NOT_FOUND, control::readMulticastGroups,
                () -> control.delete(PiMulticastGroupEntry.builder().withGroupId(4).build()));
        PiCloneSessionEntry session = PiCloneSessionEntry.builder().withSessionId(5)
                .addReplica(new PiPreReplica(PortNumber.portNumber(4), 0)).build();
        control.insert(session);
        assertEquals(4, control.state().pre().cloneSession(5).orElseThrow().port());
        assertEquals(List.of(session), control.readCloneSessions());
        rejects(ControlException.Code.OUT_OF_RANGE, () -> control.state().pre().cloneSessions(),
                () -> control.insert(PiCloneSessionEntry.builder().withSessionId(40000)
                        .addReplica(new PiPreReplica(PortNumber.portNumber(4), 0)).build()));
    }

    @Test
    void countersMetersAndRegisters() {
        SwitchControl control = new SwitchControl(new SwitchState(Corpus.p4info("stateful"), PipelineExtras.empty()));
        PiCounterId perIndex = PiCounterId.of("StIngress.perIndex");
        control.state().counter(perIndex.id()).count(3, 60);
        PiCounterCell cell = control.readCounter(PiCounterCellId.ofIndirect(perIndex, 3));
        assertEquals(1, cell.data().packets());
        assertEquals(60, cell.data().bytes());
        assertEquals(64, control.readCounter(perIndex).size());
        rejects(ControlException.Code.OUT_OF_RANGE, () -> control.readCounter(perIndex),
                () -> control.readCounter(PiCounterCellId.ofIndirect(perIndex, 64)));
        rejects(ControlException.Code.NOT_FOUND, () -> control.readCounter(perIndex),
                () -> control.readCounter(PiCounterCellId.ofIndirect(PiCounterId.of("StIngress.none"), 0)));
        PiTableEntry classifier = entry(PiTableId.of("StIngress.classifier"),
                PiAction.builder().withId(PiActionId.of("StIngress.classify"))
                        .withParameter(new PiActionParam(PiActionParamId.of("port"), bytes(2, 9))).build(), null,
                exact("hdr.ethernet.src", 0xaa, 48));
        rejects(ControlException.Code.NOT_FOUND, () -> control.readCounter(perIndex),
                () -> control.readCounter(PiCounterCellId.ofDirect(classifier)));
        control.insert(classifier);
        assertEquals(0, control.readCounter(PiCounterCellId.ofDirect(classifier)).data().packets());
        PiRegisterCellId seq = PiRegisterCellId.of(PiRegisterId.of("StIngress.seq16"), 5);
        control.writeRegister(seq, BigInteger.valueOf(0xffff));
        assertEquals(BigInteger.valueOf(0xffff), control.readRegister(seq));
        rejects(ControlException.Code.OUT_OF_RANGE, () -> control.readRegister(seq),
                () -> control.writeRegister(seq, BigInteger.valueOf(0x10000)));

        SwitchControl meters = new SwitchControl(new SwitchState(Corpus.p4info("meters"), PipelineExtras.empty()));
        PiMeterCellId policer = PiMeterCellId.ofIndirect(PiMeterId.of("MtIngress.policer"), 0);
        meters.writeMeter(PiMeterCellConfig.builder().withMeterCellId(policer).withCommittedBand(10, 1)
                .withPeakBand(20, 2).build());
        assertEquals(Optional.of(new MeterConfig(10, 1, 20, 2)), meters.readMeter(policer));
        assertEquals(20, meters.readMeterCell(policer).peakBand().rate());
        rejects(ControlException.Code.INVALID_ARGUMENT, () -> meters.readMeter(policer),
                () -> meters.writeMeter(PiMeterCellConfig.builder().withMeterCellId(policer)
                        .withCommittedBand(30, 1).withPeakBand(20, 2).build()));
        meters.writeMeter(PiMeterCellConfig.reset(policer));
        assertEquals(Optional.empty(), meters.readMeter(policer));
        assertTrue(meters.readMeterCell(policer).meterBands().isEmpty());
    }
}
