package org.metrofabric.emulator.onos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.metrofabric.emulator.onos.MetroRules.setNextHop;
import static org.metrofabric.emulator.onos.OnosFixture.LEAF1;
import static org.metrofabric.pipeconf.MetroConstants.DROP;
import static org.metrofabric.pipeconf.MetroConstants.PATH_PINNING;
import static org.metrofabric.pipeconf.MetroConstants.REASON;
import static org.metrofabric.pipeconf.MetroConstants.ROUTING_V4;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.metrofabric.emulator.fabric.Fabric;
import org.onosproject.net.flow.DefaultFlowRule;
import org.onosproject.net.flow.DefaultTrafficSelector;
import org.onosproject.net.flow.DefaultTrafficTreatment;
import org.onosproject.net.flow.FlowRule;
import org.onosproject.net.flow.FlowRuleEvent;
import org.onosproject.net.flow.FlowRuleOperations;
import org.onosproject.net.flow.FlowRuleOperationsContext;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiActionParam;
import org.onosproject.net.pi.runtime.PiTableEntry;

class EmbeddedFlowRuleServiceTest {
    private final EmbeddedOnos onos = connect(OnosFixture.fabric());
    private final EmbeddedFlowRuleService flows = onos.flowRuleService();
    private final PiDeviceClient leaf1 = onos.client(LEAF1);
    private final PiAction toH1a = setNextHop(3, "00:bb:00:00:00:01", "00:00:0a:01:01:0a");
    private final PiAction toH1b = setNextHop(4, "00:bb:00:00:00:01", "00:00:0a:01:01:0b");

    /** How the embedded ONOS reaches the switches; {@link EmbeddedFlowRuleServiceOverP4RuntimeTest} goes over gRPC. */
    EmbeddedOnos connect(Fabric emulated) {
        return OnosFixture.onos(emulated);
    }

    @AfterEach
    void disconnect() {
        onos.close();
    }

    @Test
    void appliedRulesAreOnTheSwitchWithTheOnosPriority() {
        List<FlowRuleEvent.Type> events = new ArrayList<>();
        flows.addListener(event -> events.add(event.type()));
        flows.applyFlowRules(MetroRules.route(LEAF1, "10.1.1.10/32", toH1a),
                MetroRules.pin(LEAF1, "10.1.1.10", "10.1.2.10", toH1b, 40));
        List<PiTableEntry> routes = leaf1.readTable(ROUTING_V4);
        assertEquals(1, routes.size());
        assertEquals(MetroRules.describe(toH1a), MetroRules.describe(routes.get(0).action()));
        assertTrue(routes.get(0).priority().isEmpty());
        assertEquals(41, leaf1.readTable(PATH_PINNING).get(0).priority().orElseThrow());
        assertEquals(List.of(FlowRuleEvent.Type.RULE_ADDED, FlowRuleEvent.Type.RULE_ADDED), events);
        assertEquals(2, flows.getFlowRuleCount());
    }

    @Test
    void aRuleForAnInstalledMatchModifiesTheEntry() {
        flows.applyFlowRules(MetroRules.route(LEAF1, "10.1.1.10/32", toH1a));
        flows.applyFlowRules(MetroRules.route(LEAF1, "10.1.1.10/32", toH1b));
        List<PiTableEntry> routes = leaf1.readTable(ROUTING_V4);
        assertEquals(1, routes.size());
        assertEquals(MetroRules.describe(toH1b), MetroRules.describe(routes.get(0).action()));
        assertEquals(1, flows.getFlowRuleCount());
    }

    @Test
    void removedRulesLeaveTheSwitch() {
        FlowRule route = MetroRules.route(LEAF1, "10.1.1.10/32", toH1a);
        flows.applyFlowRules(route);
        flows.removeFlowRules(route);
        assertTrue(leaf1.readTable(ROUTING_V4).isEmpty());
        assertEquals(0, flows.getFlowRuleCount());
    }

    @Test
    void aBatchWithAnUntranslatableRuleWritesNothing() {
        FlowRule good = MetroRules.route(LEAF1, "10.1.1.10/32", toH1a);
        FlowRule bad = MetroRules.route(LEAF1, "10.1.1.11/32", PiAction.builder().withId(DROP).build());
        PiTranslationException error = assertThrows(PiTranslationException.class,
                () -> flows.applyFlowRules(good, bad));
        assertTrue(error.getMessage().contains("misses parameter reason"), error.getMessage());
        assertTrue(leaf1.readTable(ROUTING_V4).isEmpty());
        assertEquals(0, flows.getFlowRuleCount());
    }

    @Test
    void aSwitchRejectionUndoesTheRestOfTheBatchAndReportsToTheContext() {
        flows.applyFlowRules(MetroRules.route(LEAF1, "10.1.1.11/32", toH1b));
        AtomicReference<String> outcome = new AtomicReference<>();
        FlowRuleOperations ops = FlowRuleOperations.builder()
                .add(MetroRules.route(LEAF1, "10.1.1.10/32", toH1a))
                .add(MetroRules.route(LEAF1, "10.1.1.11/32", toH1a))
                .add(MetroRules.ecmpEntry(LEAF1, 1, 99))
                .build(new FlowRuleOperationsContext() {
                    @Override
                    public void onSuccess(FlowRuleOperations ops) {
                        outcome.set("success");
                    }

                    @Override
                    public void onError(FlowRuleOperations ops) {
                        outcome.set("error");
                    }
                });
        PiWriteException error = assertThrows(PiWriteException.class, () -> flows.apply(ops));
        assertEquals("NOT_FOUND", error.code());
        assertEquals("error", outcome.get());
        List<PiTableEntry> routes = leaf1.readTable(ROUTING_V4);
        assertEquals(1, routes.size(), "the insert of 10.1.1.10 was undone");
        assertEquals(MetroRules.describe(toH1b), MetroRules.describe(routes.get(0).action()),
                "the modify of 10.1.1.11 was undone");
        assertEquals(1, flows.getFlowRuleCount());
    }

    @Test
    void aRemovalInARejectedBatchIsUndoneAndTheRuleStaysRemovable() {
        FlowRule route = MetroRules.route(LEAF1, "10.1.1.10/32", toH1a);
        flows.applyFlowRules(route);
        FlowRuleOperations ops = FlowRuleOperations.builder().remove(route)
                .add(MetroRules.ecmpEntry(LEAF1, 1, 99)).build();
        assertThrows(PiWriteException.class, () -> flows.apply(ops));
        assertEquals(1, leaf1.readTable(ROUTING_V4).size(), "the delete was undone on the switch");
        assertEquals(route.id(), flows.getFlowEntry(route).id());
        flows.removeFlowRules(route);
        assertTrue(leaf1.readTable(ROUTING_V4).isEmpty());
        assertEquals(0, flows.getFlowRuleCount());
    }

    @Test
    void aRuleWithoutMatchModifiesTheDefaultEntryWhichMetroP4KeepsConst() {
        PiAction blackhole = PiAction.builder().withId(DROP).withParameter(new PiActionParam(REASON, 6)).build();
        FlowRule rule = DefaultFlowRule.builder().forDevice(LEAF1).forTable(ROUTING_V4).fromApp(MetroRules.APP)
                .makePermanent().withPriority(0).withSelector(DefaultTrafficSelector.emptySelector())
                .withTreatment(DefaultTrafficTreatment.builder().piTableAction(blackhole).build()).build();
        PiAction programDefault = onos.fabric().switchNode("leaf1").control().readDefaultAction(ROUTING_V4);
        PiWriteException error = assertThrows(PiWriteException.class, () -> flows.applyFlowRules(rule));
        assertEquals("PERMISSION_DENIED", error.code(), "metro.p4's routing_v4 default is const");
        assertEquals(programDefault, onos.fabric().switchNode("leaf1").control().readDefaultAction(ROUTING_V4));
        assertEquals(0, flows.getFlowRuleCount());
    }
}
