package org.metrofabric.pipeconf;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.onosproject.net.pi.model.PiActionId;
import org.onosproject.net.pi.model.PiActionModel;
import org.onosproject.net.pi.model.PiActionParamId;
import org.onosproject.net.pi.model.PiActionProfileId;
import org.onosproject.net.pi.model.PiActionProfileModel;
import org.onosproject.net.pi.model.PiCounterId;
import org.onosproject.net.pi.model.PiCounterModel;
import org.onosproject.net.pi.model.PiCounterType;
import org.onosproject.net.pi.model.PiMatchFieldId;
import org.onosproject.net.pi.model.PiMatchFieldModel;
import org.onosproject.net.pi.model.PiMatchType;
import org.onosproject.net.pi.model.PiPacketMetadataId;
import org.onosproject.net.pi.model.PiPacketMetadataModel;
import org.onosproject.net.pi.model.PiPacketOperationModel;
import org.onosproject.net.pi.model.PiPacketOperationType;
import org.onosproject.net.pi.model.PiPipeconfId;
import org.onosproject.net.pi.model.PiPipelineModel;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.model.PiTableModel;
import org.onosproject.net.pi.model.PiTableType;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.metrofabric.pipeconf.MetroConstants.CPU_PORT;
import static org.metrofabric.pipeconf.MetroConstants.DROP;
import static org.metrofabric.pipeconf.MetroConstants.DROP_COUNTER;
import static org.metrofabric.pipeconf.MetroConstants.DST_MAC;
import static org.metrofabric.pipeconf.MetroConstants.ECMP;
import static org.metrofabric.pipeconf.MetroConstants.ECMP_GROUP_ID;
import static org.metrofabric.pipeconf.MetroConstants.ECMP_SELECTOR;
import static org.metrofabric.pipeconf.MetroConstants.EGRESS_PORT;
import static org.metrofabric.pipeconf.MetroConstants.HDR_IPV4_DSCP;
import static org.metrofabric.pipeconf.MetroConstants.HDR_IPV4_DST_ADDR;
import static org.metrofabric.pipeconf.MetroConstants.HDR_IPV4_SRC_ADDR;
import static org.metrofabric.pipeconf.MetroConstants.INGRESS_PORT;
import static org.metrofabric.pipeconf.MetroConstants.META_ECMP_GROUP_ID;
import static org.metrofabric.pipeconf.MetroConstants.META_ETHER_TYPE;
import static org.metrofabric.pipeconf.MetroConstants.NO_ACTION;
import static org.metrofabric.pipeconf.MetroConstants.PAD;
import static org.metrofabric.pipeconf.MetroConstants.PAD_BITWIDTH;
import static org.metrofabric.pipeconf.MetroConstants.PATH_PINNING;
import static org.metrofabric.pipeconf.MetroConstants.PATH_PINNING_COUNTER;
import static org.metrofabric.pipeconf.MetroConstants.PORT;
import static org.metrofabric.pipeconf.MetroConstants.PORT_BITWIDTH;
import static org.metrofabric.pipeconf.MetroConstants.PUNT;
import static org.metrofabric.pipeconf.MetroConstants.PUNT_TO_CPU;
import static org.metrofabric.pipeconf.MetroConstants.REASON;
import static org.metrofabric.pipeconf.MetroConstants.ROUTE_VIA_UPLINKS;
import static org.metrofabric.pipeconf.MetroConstants.ROUTING_V4;
import static org.metrofabric.pipeconf.MetroConstants.SET_NEXT_HOP;
import static org.metrofabric.pipeconf.MetroConstants.SRC_MAC;

/**
 * Every constant of {@link MetroConstants} names an entity of the right kind in the P4Info
 * (parsed by ONOS's P4InfoParser, as ONOS will), and every number agrees with metro.p4.
 */
class MetroConstantsTest {

    private static final Path METRO_P4 = Paths.get("../../p4src/metro.p4");

    private static PiPipelineModel model;

    @BeforeAll
    static void parseP4Info() throws Exception {
        model = MetroP4Info.model();
    }

    @TestFactory
    Stream<DynamicTest> everyConstantIsInTheP4InfoWithItsKind() {
        return constantFields().map(field -> DynamicTest.dynamicTest(field.getName(), () -> {
            Object value = field.get(null);
            Optional<String> problem = problemWith(value);
            if (problem.isPresent()) {
                fail("MetroConstants." + field.getName() + " = " + value + ": " + problem.get());
            }
        }));
    }

    private static Stream<Field> constantFields() {
        return Arrays.stream(MetroConstants.class.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && !field.isSynthetic());
    }

    /** Empty when the value is a known entity of its kind, else what is wrong with it. */
    private static Optional<String> problemWith(Object value) {
        boolean found;
        if (value instanceof PiTableId) {
            found = model.table((PiTableId) value).isPresent();
        } else if (value instanceof PiActionId) {
            found = model.tables().stream().anyMatch(table -> table.action((PiActionId) value).isPresent());
        } else if (value instanceof PiMatchFieldId) {
            found = model.tables().stream().anyMatch(table -> table.matchField((PiMatchFieldId) value).isPresent());
        } else if (value instanceof PiActionParamId) {
            found = model.tables().stream().flatMap(table -> table.actions().stream())
                    .anyMatch(action -> action.param((PiActionParamId) value).isPresent());
        } else if (value instanceof PiActionProfileId) {
            found = model.actionProfiles((PiActionProfileId) value).isPresent();
        } else if (value instanceof PiCounterId) {
            found = model.counter((PiCounterId) value).isPresent();
        } else if (value instanceof PiPacketMetadataId) {
            found = Arrays.stream(PiPacketOperationType.values())
                    .map(model::packetOperationModel)
                    .flatMap(Optional::stream)
                    .flatMap(operation -> operation.metadatas().stream())
                    .anyMatch(metadata -> metadata.id().equals(value));
        } else if (value instanceof PiPipeconfId || value instanceof Integer || value instanceof Long) {
            // Not P4Info entities: checked by the tests below.
            return Optional.empty();
        } else {
            return Optional.of("a constant of a kind this test does not check; add the check");
        }
        return found ? Optional.empty() : Optional.of("no such " + value.getClass().getSimpleName() + " in the P4Info");
    }

    @Test
    void detectsANameThatIsNotInTheP4Info() {
        assertTrue(problemWith(PiTableId.of("IngressPipe.no_such_table")).isPresent());
        assertTrue(problemWith(PiActionId.of("IngressPipe.no_such_action")).isPresent());
        assertTrue(problemWith(PiMatchFieldId.of("hdr.ipv4.no_such_field")).isPresent());
        assertTrue(problemWith(PiActionParamId.of("no_such_param")).isPresent());
        assertTrue(problemWith(PiActionProfileId.of("IngressPipe.ecmp")).isPresent());
        assertTrue(problemWith(PiCounterId.of("IngressPipe.no_such_counter")).isPresent());
        assertTrue(problemWith(PiPacketMetadataId.of("no_such_metadata")).isPresent());
        assertTrue(problemWith("a string").isPresent());
    }

    @Test
    void puntTableMatchesTheEtherTypeAndOnlyPunts() {
        PiTableModel punt = table(PUNT);
        assertMatch(punt, META_ETHER_TYPE, PiMatchType.EXACT, 16);
        assertEquals(1, punt.matchFields().size());
        assertTrue(punt.isConstantTable(), "ONOS must not write to the punt table");
        assertTrue(punt.action(PUNT_TO_CPU).isPresent());
        assertTrue(punt.action(PUNT_TO_CPU).get().params().isEmpty());
        assertEquals(Optional.of(NO_ACTION), punt.constDefaultAction().map(PiActionModel::id));
    }

    @Test
    void routingTableForwardsRoutesOrDrops() {
        PiTableModel routing = table(ROUTING_V4);
        assertMatch(routing, HDR_IPV4_DST_ADDR, PiMatchType.LPM, 32);
        assertEquals(Set.of(SET_NEXT_HOP, ROUTE_VIA_UPLINKS, DROP), actionIds(routing));
        assertEquals(Optional.of(DROP), routing.constDefaultAction().map(PiActionModel::id));
        assertParam(routing.action(DROP).get(), REASON, 8);
        assertParam(routing.action(ROUTE_VIA_UPLINKS).get(), ECMP_GROUP_ID, 16);
        PiActionModel nextHop = routing.action(SET_NEXT_HOP).get();
        assertParam(nextHop, PORT, PORT_BITWIDTH);
        assertParam(nextHop, SRC_MAC, 48);
        assertParam(nextHop, DST_MAC, 48);
    }

    @Test
    void pathPinningMatchesPrefixesAndDscpAndIsCounted() {
        PiTableModel pinning = table(PATH_PINNING);
        assertMatch(pinning, HDR_IPV4_SRC_ADDR, PiMatchType.TERNARY, 32);
        assertMatch(pinning, HDR_IPV4_DST_ADDR, PiMatchType.TERNARY, 32);
        assertMatch(pinning, HDR_IPV4_DSCP, PiMatchType.OPTIONAL, 6);
        assertTrue(pinning.action(SET_NEXT_HOP).isPresent());
        PiCounterModel counter = model.counter(PATH_PINNING_COUNTER).get();
        assertEquals(PiCounterType.DIRECT, counter.counterType());
        assertEquals(PATH_PINNING, counter.table());
    }

    @Test
    void ecmpIsImplementedByTheSelector() {
        PiTableModel ecmp = table(ECMP);
        assertEquals(PiTableType.INDIRECT, ecmp.tableType());
        assertMatch(ecmp, META_ECMP_GROUP_ID, PiMatchType.EXACT, 16);
        assertTrue(ecmp.action(SET_NEXT_HOP).isPresent());
        PiActionProfileModel selector = model.actionProfiles(ECMP_SELECTOR).get();
        assertTrue(selector.hasSelector());
        assertEquals(Set.of(ECMP), Set.copyOf(selector.tables()));
        assertEquals(ECMP_SELECTOR, ecmp.actionProfile().id());
    }

    @Test
    void dropCounterHasACellForEveryReason() throws Exception {
        PiCounterModel counter = model.counter(DROP_COUNTER).get();
        assertEquals(PiCounterType.INDIRECT, counter.counterType());
        Map<String, Long> p4Constants = metroP4Constants();
        long reasons = p4Constants.get("DROP_REASONS");
        assertEquals(reasons, counter.size());
        Map<String, Integer> javaReasons = new HashMap<>();
        for (Field field : MetroConstants.class.getDeclaredFields()) {
            if (field.getName().startsWith("DROP_") && field.getType() == int.class) {
                javaReasons.put(field.getName(), field.getInt(null));
            }
        }
        Set<String> p4Reasons = p4Constants.keySet().stream()
                .filter(name -> name.startsWith("DROP_") && !name.equals("DROP_REASONS"))
                .collect(Collectors.toSet());
        assertEquals(p4Reasons, javaReasons.keySet(), "drop reasons of metro.p4 and MetroConstants");
        for (Map.Entry<String, Integer> reason : javaReasons.entrySet()) {
            assertEquals(p4Constants.get(reason.getKey()).intValue(), reason.getValue(), reason.getKey());
            assertTrue(reason.getValue() < reasons, reason.getKey() + " has no counter cell");
        }
    }

    @Test
    void cpuPortAndPortWidthAgreeWithMetroP4() throws IOException {
        assertEquals(metroP4Constants().get("CPU_PORT"), Long.valueOf(CPU_PORT));
        assertTrue(CPU_PORT < 1L << PORT_BITWIDTH);
    }

    @Test
    void controllerHeadersCarryThePortsAndPadding() {
        assertMetadata(PiPacketOperationType.PACKET_IN, INGRESS_PORT);
        assertMetadata(PiPacketOperationType.PACKET_OUT, EGRESS_PORT);
    }

    private static void assertMetadata(PiPacketOperationType type, PiPacketMetadataId port) {
        PiPacketOperationModel operation = model.packetOperationModel(type).get();
        Map<PiPacketMetadataId, Integer> widths = operation.metadatas().stream()
                .collect(Collectors.toMap(PiPacketMetadataModel::id, PiPacketMetadataModel::bitWidth));
        assertEquals(Map.of(port, PORT_BITWIDTH, PAD, PAD_BITWIDTH), widths, type.toString());
        assertEquals(port, operation.metadatas().get(0).id(), "the port comes first in " + type);
    }

    private static PiTableModel table(PiTableId id) {
        return model.table(id).orElseThrow(() -> new AssertionError("no table " + id));
    }

    private static Set<PiActionId> actionIds(PiTableModel table) {
        return table.actions().stream().map(PiActionModel::id).collect(Collectors.toSet());
    }

    private static void assertMatch(PiTableModel table, PiMatchFieldId id, PiMatchType type, int width) {
        PiMatchFieldModel field = table.matchField(id)
                .orElseThrow(() -> new AssertionError(table.id() + " does not match " + id));
        assertEquals(type, field.matchType(), id + " in " + table.id());
        assertEquals(width, field.bitWidth(), id + " in " + table.id());
    }

    private static void assertParam(PiActionModel action, PiActionParamId id, int width) {
        assertEquals(width, action.param(id)
                .orElseThrow(() -> new AssertionError(action.id() + " has no " + id)).bitWidth());
    }

    /** The {@code const TYPE NAME = NUMBER;} declarations of metro.p4. */
    private static Map<String, Long> metroP4Constants() throws IOException {
        assertTrue(Files.exists(METRO_P4), METRO_P4.toAbsolutePath() + " not found");
        String source = new String(Files.readAllBytes(METRO_P4), StandardCharsets.UTF_8);
        Matcher matcher = Pattern.compile("const\\s+\\S+\\s+(\\w+)\\s*=\\s*(0x[0-9a-fA-F]+|\\d+)\\s*;")
                .matcher(source);
        Map<String, Long> constants = new HashMap<>();
        while (matcher.find()) {
            constants.put(matcher.group(1), Long.decode(matcher.group(2)));
        }
        assertFalse(constants.isEmpty(), "no constants found in " + METRO_P4);
        return constants;
    }
}
