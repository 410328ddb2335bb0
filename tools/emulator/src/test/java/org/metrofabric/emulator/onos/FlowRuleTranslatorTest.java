package org.metrofabric.emulator.onos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.metrofabric.emulator.onos.MetroRules.APP;
import static org.metrofabric.emulator.onos.MetroRules.rule;
import static org.metrofabric.emulator.onos.MetroRules.setNextHop;
import static org.metrofabric.emulator.onos.OnosFixture.LEAF1;
import static org.metrofabric.pipeconf.MetroConstants.DROP;
import static org.metrofabric.pipeconf.MetroConstants.ECMP;
import static org.metrofabric.pipeconf.MetroConstants.HDR_IPV4_DST_ADDR;
import static org.metrofabric.pipeconf.MetroConstants.META_ECMP_GROUP_ID;
import static org.metrofabric.pipeconf.MetroConstants.META_ETHER_TYPE;
import static org.metrofabric.pipeconf.MetroConstants.PORT;
import static org.metrofabric.pipeconf.MetroConstants.PUNT;
import static org.metrofabric.pipeconf.MetroConstants.PUNT_TO_CPU;
import static org.metrofabric.pipeconf.MetroConstants.REASON;
import static org.metrofabric.pipeconf.MetroConstants.ROUTING_V4;
import static org.metrofabric.pipeconf.MetroConstants.SET_NEXT_HOP;

import org.junit.jupiter.api.Test;
import org.onlab.packet.Ip4Address;
import org.onosproject.net.flow.DefaultFlowRule;
import org.onosproject.net.flow.DefaultTrafficSelector;
import org.onosproject.net.flow.DefaultTrafficTreatment;
import org.onosproject.net.flow.FlowRule;
import org.onosproject.net.flow.criteria.PiCriterion;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiActionParam;
import org.onosproject.net.pi.runtime.PiActionProfileGroupId;
import org.onosproject.net.pi.runtime.PiTableEntry;

class FlowRuleTranslatorTest {
    private final FlowRuleTranslator translator = new FlowRuleTranslator(OnosFixture.PIPECONF.pipelineModel());
    private final PiAction nextHop = setNextHop(3, "00:bb:00:00:00:01", "00:00:0a:01:01:0a");

    private static String message(Runnable translation) {
        return assertThrows(PiTranslationException.class, translation::run).getMessage();
    }

    @Test
    void ternaryTableEntriesGetTheFlowPriorityPlusOne() {
        PiTableEntry entry = translator.translate(MetroRules.pin(LEAF1, "10.1.1.10", "10.1.2.10", nextHop, 100));
        assertEquals(101, entry.priority().orElseThrow());
        assertEquals(nextHop, entry.action());
        assertFalse(entry.isDefaultAction());
    }

    @Test
    void lpmAndExactTableEntriesHaveNoPriority() {
        PiTableEntry route = translator.translate(MetroRules.route(LEAF1, "10.1.2.0/24", nextHop));
        assertTrue(route.priority().isEmpty(), "routing_v4 is LPM only");
        PiTableEntry ecmp = translator.translate(MetroRules.ecmpEntry(LEAF1, 1, 1));
        assertTrue(ecmp.priority().isEmpty(), "ecmp is exact only");
        assertEquals(PiActionProfileGroupId.of(1), ecmp.action());
    }

    @Test
    void theEntryCarriesTheRuleIdAsCookie() {
        FlowRule rule = MetroRules.route(LEAF1, "10.1.2.0/24", nextHop);
        assertEquals(rule.id().value(), translator.translate(rule).cookie());
    }

    @Test
    void aRuleWithoutMatchIsTheDefaultEntry() {
        FlowRule rule = DefaultFlowRule.builder().forDevice(LEAF1).forTable(ROUTING_V4).fromApp(APP)
                .makePermanent().withPriority(0).withSelector(DefaultTrafficSelector.emptySelector())
                .withTreatment(DefaultTrafficTreatment.builder().piTableAction(PiAction.builder().withId(DROP)
                        .withParameter(new PiActionParam(REASON, 6)).build()).build())
                .build();
        assertTrue(translator.translate(rule).isDefaultAction());
    }

    @Test
    void theHighestFlowPriorityStillFits() {
        PiTableEntry entry = translator.translate(MetroRules.pin(LEAF1, "10.1.1.10", "10.1.2.10", nextHop, 65535));
        assertEquals(65536, entry.priority().orElseThrow());
    }

    @Test
    void numberedTablesAreRejected() {
        FlowRule rule = DefaultFlowRule.builder().forDevice(LEAF1).forTable(0).fromApp(APP).makePermanent()
                .withPriority(1).withSelector(DefaultTrafficSelector.builder().matchPi(PiCriterion.builder()
                        .matchExact(META_ECMP_GROUP_ID, 1).build()).build())
                .withTreatment(DefaultTrafficTreatment.builder().piTableAction(nextHop).build()).build();
        assertTrue(message(() -> translator.translate(rule)).contains("numbered table"));
    }

    @Test
    void nonPiCriteriaAreRejected() {
        FlowRule rule = DefaultFlowRule.builder().forDevice(LEAF1).forTable(ROUTING_V4).fromApp(APP).makePermanent()
                .withPriority(1).withSelector(DefaultTrafficSelector.builder()
                        .matchIPDst(Ip4Address.valueOf("10.1.2.0").toIpPrefix()).build())
                .withTreatment(DefaultTrafficTreatment.builder().piTableAction(nextHop).build()).build();
        assertTrue(message(() -> translator.translate(rule)).contains("is not a PiCriterion"));
    }

    @Test
    void fieldsMustBelongToTheTableWithTheirMatchKind() {
        String unknown = message(() -> translator.translate(rule(LEAF1, ECMP,
                PiCriterion.builder().matchExact(META_ETHER_TYPE, 0x800).build(),
                PiActionProfileGroupId.of(1), 1)));
        assertTrue(unknown.contains("has no match field meta.ether_type"), unknown);
        String kind = message(() -> translator.translate(rule(LEAF1, ROUTING_V4,
                PiCriterion.builder().matchExact(HDR_IPV4_DST_ADDR, 1).build(), nextHop, 1)));
        assertTrue(kind.contains("is matched LPM, the rule gives EXACT"), kind);
    }

    @Test
    void actionsMustBelongToTheTableWithAllParametersThatFit() {
        PiCriterion route = PiCriterion.builder().matchLpm(HDR_IPV4_DST_ADDR, 0x0a010200, 24).build();
        String wrongAction = message(() -> translator.translate(rule(LEAF1, ROUTING_V4, route,
                PiAction.builder().withId(PUNT_TO_CPU).build(), 1)));
        assertTrue(wrongAction.contains("is not an action of the table"), wrongAction);
        String missing = message(() -> translator.translate(rule(LEAF1, ROUTING_V4, route,
                PiAction.builder().withId(SET_NEXT_HOP).withParameter(new PiActionParam(PORT, 3)).build(), 1)));
        assertTrue(missing.contains("misses parameter src_mac"), missing);
        String wide = message(() -> translator.translate(rule(LEAF1, ROUTING_V4, route,
                setNextHop(512, "00:bb:00:00:00:01", "00:00:0a:01:01:0a"), 1)));
        assertTrue(wide.contains("does not fit in 9 bits"), wide);
    }

    @Test
    void groupReferencesNeedATableWithAnActionProfile() {
        String error = message(() -> translator.translate(rule(LEAF1, ROUTING_V4,
                PiCriterion.builder().matchLpm(HDR_IPV4_DST_ADDR, 0x0a010200, 24).build(),
                PiActionProfileGroupId.of(1), 1)));
        assertTrue(error.contains("has no action profile"), error);
    }

    @Test
    void constTablesCannotBeWritten() {
        String error = message(() -> translator.translate(rule(LEAF1, PUNT,
                PiCriterion.builder().matchExact(META_ETHER_TYPE, 0x0806).build(),
                PiAction.builder().withId(PUNT_TO_CPU).build(), 1)));
        assertTrue(error.contains("const entries"), error);
    }
}
