package org.metrofabric.pipeconf;

import com.google.protobuf.TextFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onosproject.net.pi.model.PiActionId;
import org.onosproject.net.pi.model.PiActionModel;
import org.onosproject.net.pi.model.PiActionParamModel;
import org.onosproject.net.pi.model.PiActionProfileId;
import org.onosproject.net.pi.model.PiActionProfileModel;
import org.onosproject.net.pi.model.PiCounterId;
import org.onosproject.net.pi.model.PiCounterModel;
import org.onosproject.net.pi.model.PiCounterType;
import org.onosproject.net.pi.model.PiMatchFieldModel;
import org.onosproject.net.pi.model.PiMatchType;
import org.onosproject.net.pi.model.PiPacketMetadataModel;
import org.onosproject.net.pi.model.PiPacketOperationType;
import org.onosproject.net.pi.model.PiPipelineModel;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.model.PiTableModel;
import p4.config.v1.P4InfoOuterClass.Action;
import p4.config.v1.P4InfoOuterClass.ActionProfile;
import p4.config.v1.P4InfoOuterClass.ActionRef;
import p4.config.v1.P4InfoOuterClass.ControllerPacketMetadata;
import p4.config.v1.P4InfoOuterClass.Counter;
import p4.config.v1.P4InfoOuterClass.DirectCounter;
import p4.config.v1.P4InfoOuterClass.MatchField;
import p4.config.v1.P4InfoOuterClass.P4Info;
import p4.config.v1.P4InfoOuterClass.Table;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed P4Info survives a round trip: the text is canonical protobuf text (what p4c and
 * p4sim print), and ONOS's P4InfoParser turns every entity of it into the same model.
 */
class P4InfoRoundTripTest {

    private static String text;
    private static P4Info p4Info;
    private static PiPipelineModel model;
    private static Map<Integer, String> actionNames;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream stream = MetroP4Info.url().openStream()) {
            text = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
        P4Info.Builder builder = P4Info.newBuilder();
        TextFormat.getParser().merge(text, builder);
        p4Info = builder.build();
        model = MetroP4Info.model();
        actionNames = new HashMap<>();
        for (Action action : p4Info.getActionsList()) {
            actionNames.put(action.getPreamble().getId(), action.getPreamble().getName());
        }
    }

    @Test
    void textIsCanonical() {
        assertEquals(text, TextFormat.printer().printToString(p4Info));
    }

    @Test
    void everyIdIsUniqueAndCarriesItsTypePrefix() {
        Map<Integer, String> seen = new HashMap<>();
        checkIds(seen, 0x02, p4Info.getTablesList().stream().map(t -> t.getPreamble()).collect(Collectors.toList()));
        checkIds(seen, 0x01, p4Info.getActionsList().stream().map(a -> a.getPreamble()).collect(Collectors.toList()));
        checkIds(seen, 0x11, p4Info.getActionProfilesList().stream().map(a -> a.getPreamble())
                .collect(Collectors.toList()));
        checkIds(seen, 0x12, p4Info.getCountersList().stream().map(c -> c.getPreamble()).collect(Collectors.toList()));
        checkIds(seen, 0x13, p4Info.getDirectCountersList().stream().map(c -> c.getPreamble())
                .collect(Collectors.toList()));
        checkIds(seen, 0x04, p4Info.getControllerPacketMetadataList().stream().map(c -> c.getPreamble())
                .collect(Collectors.toList()));
        assertFalse(seen.isEmpty());
    }

    private static void checkIds(Map<Integer, String> seen, int prefix,
                                 List<p4.config.v1.P4InfoOuterClass.Preamble> preambles) {
        for (p4.config.v1.P4InfoOuterClass.Preamble preamble : preambles) {
            assertEquals(prefix, preamble.getId() >>> 24, preamble.getName() + " id prefix");
            String previous = seen.put(preamble.getId(), preamble.getName());
            assertEquals(null, previous, "id " + preamble.getId() + " used twice");
        }
    }

    @Test
    void everyTableIsInTheModel() {
        assertEquals(p4Info.getTablesCount(), model.tables().size());
        for (Table table : p4Info.getTablesList()) {
            String name = table.getPreamble().getName();
            PiTableModel piTable = model.table(PiTableId.of(name)).orElseThrow();
            assertEquals(table.getSize(), piTable.maxSize(), name);
            assertEquals(table.getIsConstTable(), piTable.isConstantTable(), name);
            assertEquals(table.getMatchFieldsCount(), piTable.matchFields().size(), name);
            for (MatchField field : table.getMatchFieldsList()) {
                PiMatchFieldModel piField = piTable.matchFields().stream()
                        .filter(f -> f.id().id().equals(field.getName())).findFirst().orElseThrow();
                assertEquals(field.getBitwidth(), piField.bitWidth(), name + " " + field.getName());
                assertEquals(PiMatchType.valueOf(field.getMatchType().name()), piField.matchType(),
                             name + " " + field.getName());
            }
            assertEquals(table.getActionRefsList().stream().map(ref -> actionNames.get(ref.getId()))
                                 .collect(Collectors.toSet()),
                         piTable.actions().stream().map(a -> a.id().id()).collect(Collectors.toSet()), name);
            for (ActionRef ref : table.getActionRefsList()) {
                checkAction(piTable.action(PiActionId.of(actionNames.get(ref.getId()))).orElseThrow());
            }
            if (table.getConstDefaultActionId() != 0) {
                assertEquals(actionNames.get(table.getConstDefaultActionId()),
                             piTable.constDefaultAction().orElseThrow().id().id(), name);
            }
        }
    }

    private static void checkAction(PiActionModel piAction) {
        Action action = p4Info.getActionsList().stream()
                .filter(a -> a.getPreamble().getName().equals(piAction.id().id())).findFirst().orElseThrow();
        assertEquals(action.getParamsCount(), piAction.params().size(), piAction.id().id());
        for (Action.Param param : action.getParamsList()) {
            PiActionParamModel piParam = piAction.params().stream()
                    .filter(p -> p.id().id().equals(param.getName())).findFirst().orElseThrow();
            assertEquals(param.getBitwidth(), piParam.bitWidth(), piAction.id() + " " + param.getName());
        }
    }

    @Test
    void everyActionProfileAndCounterIsInTheModel() {
        for (ActionProfile profile : p4Info.getActionProfilesList()) {
            PiActionProfileModel piProfile = model.actionProfiles(
                    PiActionProfileId.of(profile.getPreamble().getName())).orElseThrow();
            assertEquals(profile.getWithSelector(), piProfile.hasSelector());
            assertEquals(profile.getSize(), piProfile.size());
            assertEquals(profile.getTableIdsCount(), piProfile.tables().size());
        }
        for (Counter counter : p4Info.getCountersList()) {
            PiCounterModel piCounter = model.counter(PiCounterId.of(counter.getPreamble().getName())).orElseThrow();
            assertEquals(PiCounterType.INDIRECT, piCounter.counterType());
            assertEquals(counter.getSize(), piCounter.size());
        }
        for (DirectCounter counter : p4Info.getDirectCountersList()) {
            PiCounterModel piCounter = model.counter(PiCounterId.of(counter.getPreamble().getName())).orElseThrow();
            assertEquals(PiCounterType.DIRECT, piCounter.counterType());
            String table = p4Info.getTablesList().stream()
                    .filter(t -> t.getPreamble().getId() == counter.getDirectTableId())
                    .findFirst().orElseThrow().getPreamble().getName();
            assertEquals(table, piCounter.table().id());
        }
        assertEquals(p4Info.getCountersCount() + p4Info.getDirectCountersCount(), model.counters().size());
    }

    @Test
    void controllerHeadersAreThePacketOperations() {
        assertEquals(2, p4Info.getControllerPacketMetadataCount());
        for (ControllerPacketMetadata header : p4Info.getControllerPacketMetadataList()) {
            PiPacketOperationType type = header.getPreamble().getName().equals("packet_in")
                    ? PiPacketOperationType.PACKET_IN : PiPacketOperationType.PACKET_OUT;
            List<PiPacketMetadataModel> metadata = model.packetOperationModel(type).orElseThrow().metadatas();
            assertEquals(header.getMetadataCount(), metadata.size());
            for (int i = 0; i < metadata.size(); i++) {
                assertEquals(header.getMetadata(i).getName(), metadata.get(i).id().id());
                assertEquals(header.getMetadata(i).getBitwidth(), metadata.get(i).bitWidth());
            }
            assertTrue(header.getPreamble().getAnnotationsList().contains(
                    "@controller_header(\"" + header.getPreamble().getName() + "\")"));
        }
    }
}
