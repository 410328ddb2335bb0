package org.metrofabric.pipeconf;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onlab.packet.Ethernet;
import org.onlab.packet.Ip4Prefix;
import org.onosproject.core.ApplicationId;
import org.onosproject.core.DefaultApplicationId;
import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;
import org.onosproject.net.flow.DefaultTrafficSelector;
import org.onosproject.net.flow.DefaultTrafficTreatment;
import org.onosproject.net.flow.TrafficSelector;
import org.onosproject.net.flow.TrafficTreatment;
import org.onosproject.net.flowobjective.DefaultFilteringObjective;
import org.onosproject.net.flowobjective.DefaultForwardingObjective;
import org.onosproject.net.flowobjective.DefaultNextObjective;
import org.onosproject.net.flowobjective.ForwardingObjective;
import org.onosproject.net.flowobjective.Objective;
import org.onosproject.net.flowobjective.ObjectiveContext;
import org.onosproject.net.flowobjective.ObjectiveError;
import org.onosproject.net.flow.criteria.Criteria;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MetroPipelinerTest {

    private static final DeviceId LEAF = DeviceId.deviceId("device:leaf1");
    private static final ApplicationId APP = new DefaultApplicationId(7, "org.onosproject.lldpprovider");
    /** The treatment ONOS's PacketManager puts into every packet request. */
    private static final TrafficTreatment PUNT = DefaultTrafficTreatment.builder().punt().wipeDeferred().build();

    private MetroPipeliner pipeliner;
    private RecordingContext context;

    /** Records what the pipeliner reports for each objective. */
    private static final class RecordingContext implements ObjectiveContext {
        private final List<Objective> succeeded = new ArrayList<>();
        private final List<ObjectiveError> errors = new ArrayList<>();

        @Override
        public void onSuccess(Objective objective) {
            succeeded.add(objective);
        }

        @Override
        public void onError(Objective objective, ObjectiveError error) {
            errors.add(error);
        }
    }

    @BeforeEach
    void setUp() {
        pipeliner = new MetroPipeliner();
        pipeliner.init(LEAF, null);
        context = new RecordingContext();
    }

    private static DefaultForwardingObjective.Builder packetRequest(TrafficSelector selector,
                                                                    TrafficTreatment treatment) {
        return DefaultForwardingObjective.builder()
                .withSelector(selector)
                .withTreatment(treatment)
                .withFlag(ForwardingObjective.Flag.VERSATILE)
                .withPriority(40000)
                .fromApp(APP)
                .makePermanent();
    }

    private static TrafficSelector ethType(short type) {
        return DefaultTrafficSelector.builder().matchEthType(type).build();
    }

    private void assertUnsupported(ForwardingObjective objective) {
        pipeliner.forward(objective);
        assertEquals(List.of(), context.succeeded);
        assertEquals(List.of(ObjectiveError.UNSUPPORTED), context.errors);
    }

    @Test
    void discoveryPacketRequestsAreMetByThePuntTable() {
        for (short type : new short[]{Ethernet.TYPE_ARP, Ethernet.TYPE_LLDP, Ethernet.TYPE_BSN}) {
            ForwardingObjective objective = packetRequest(ethType(type), PUNT).add(context);
            pipeliner.forward(objective);
            assertEquals(objective, context.succeeded.get(context.succeeded.size() - 1));
        }
        assertEquals(3, context.succeeded.size());
        assertEquals(List.of(), context.errors);
    }

    @Test
    void withdrawingADiscoveryRequestSucceeds() {
        ForwardingObjective objective = packetRequest(ethType(Ethernet.TYPE_LLDP), PUNT).remove(context);
        pipeliner.forward(objective);
        assertEquals(List.of(objective), context.succeeded);
    }

    @Test
    void otherEtherTypesAreUnsupported() {
        assertUnsupported(packetRequest(ethType(Ethernet.TYPE_IPV4), PUNT).add(context));
    }

    @Test
    void selectorsWithMoreThanTheEtherTypeAreUnsupported() {
        TrafficSelector arpOnPort = DefaultTrafficSelector.builder()
                .matchEthType(Ethernet.TYPE_ARP).matchInPort(PortNumber.portNumber(1)).build();
        assertUnsupported(packetRequest(arpOnPort, PUNT).add(context));
    }

    @Test
    void selectorsWithoutEtherTypeAreUnsupported() {
        TrafficSelector ipv4Dst = DefaultTrafficSelector.builder()
                .matchIPDst(Ip4Prefix.valueOf("10.0.1.0/24")).build();
        assertUnsupported(packetRequest(ipv4Dst, PUNT).add(context));
    }

    @Test
    void treatmentsOtherThanPuntAreUnsupported() {
        TrafficTreatment toPort = DefaultTrafficTreatment.builder().setOutput(PortNumber.portNumber(2)).build();
        assertUnsupported(packetRequest(ethType(Ethernet.TYPE_ARP), toPort).add(context));
    }

    @Test
    void objectivesPointingAtANextObjectiveAreUnsupported() {
        assertUnsupported(DefaultForwardingObjective.builder()
                                  .withSelector(ethType(Ethernet.TYPE_ARP))
                                  .nextStep(12)
                                  .withFlag(ForwardingObjective.Flag.SPECIFIC)
                                  .withPriority(100)
                                  .fromApp(APP)
                                  .makePermanent()
                                  .add(context));
    }

    @Test
    void filteringAndNextObjectivesAreUnsupported() {
        pipeliner.filter(DefaultFilteringObjective.builder()
                                 .withKey(Criteria.matchInPort(PortNumber.portNumber(1)))
                                 .addCondition(Criteria.matchEthType(Ethernet.TYPE_IPV4))
                                 .permit()
                                 .withPriority(100)
                                 .fromApp(APP)
                                 .add(context));
        pipeliner.next(DefaultNextObjective.builder()
                               .withId(1)
                               .withType(org.onosproject.net.flowobjective.NextObjective.Type.SIMPLE)
                               .addTreatment(DefaultTrafficTreatment.builder()
                                                     .setOutput(PortNumber.portNumber(1)).build())
                               .fromApp(APP)
                               .add(context));
        assertEquals(List.of(ObjectiveError.UNSUPPORTED, ObjectiveError.UNSUPPORTED), context.errors);
        assertEquals(List.of(), context.succeeded);
    }
}
