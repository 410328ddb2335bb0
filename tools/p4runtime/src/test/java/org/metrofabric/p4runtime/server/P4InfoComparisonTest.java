package org.metrofabric.p4runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.TextFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import p4.config.v1.P4InfoOuterClass.ControllerPacketMetadata;
import p4.config.v1.P4InfoOuterClass.P4Info;
import p4.config.v1.P4InfoOuterClass.Table;

class P4InfoComparisonTest {

    private static P4Info load(String program) throws IOException {
        try (InputStream in = P4InfoComparisonTest.class.getResourceAsStream("/p4info/" + program + ".p4info.txt")) {
            P4Info.Builder builder = P4Info.newBuilder();
            TextFormat.getParser().merge(new String(in.readAllBytes(), StandardCharsets.UTF_8), builder);
            return builder.build();
        }
    }

    @Test
    void equalP4InfosMatch() throws IOException {
        assertEquals(Optional.empty(), P4InfoComparison.difference(load("ecmp"), load("ecmp")));
    }

    @Test
    void orderOfRepeatedEntriesDoesNotMatterAtAnyDepth() throws IOException {
        P4Info p4Info = load("matchkinds");
        List<Table> tables = new ArrayList<>(p4Info.getTablesList());
        Collections.reverse(tables);
        List<Table> reorderedFields = new ArrayList<>();
        for (Table table : tables) {
            List<p4.config.v1.P4InfoOuterClass.MatchField> fields = new ArrayList<>(table.getMatchFieldsList());
            Collections.reverse(fields);
            reorderedFields.add(table.toBuilder().clearMatchFields().addAllMatchFields(fields).build());
        }
        P4Info reordered = p4Info.toBuilder().clearTables().addAllTables(reorderedFields).build();
        assertEquals(Optional.empty(), P4InfoComparison.difference(reordered, p4Info));
    }

    @Test
    void aDifferentProgramIsNamedByItsEntries() throws IOException {
        Optional<String> difference = P4InfoComparison.difference(load("routing"), load("ecmp"));
        assertTrue(difference.isPresent());
        assertTrue(difference.get().contains("RoutingIngress.ipv4_lpm"), difference.get());
    }

    @Test
    void aChangedSizeIsADifference() throws IOException {
        P4Info p4Info = load("routing");
        P4Info bigger = p4Info.toBuilder().setTables(0, p4Info.getTables(0).toBuilder().setSize(2048)).build();
        assertTrue(P4InfoComparison.difference(bigger, p4Info).isPresent());
    }

    @Test
    void controllerHeaderMetadataKeepTheirOrderBecauseTheyDefineTheHeaderLayout() throws IOException {
        P4Info p4Info = load("packetio");
        ControllerPacketMetadata header = p4Info.getControllerPacketMetadata(0);
        assertTrue(header.getMetadataCount() > 1, "packetio has a multi-field controller header");
        List<ControllerPacketMetadata.Metadata> metadata = new ArrayList<>(header.getMetadataList());
        Collections.reverse(metadata);
        P4Info swapped = p4Info.toBuilder().setControllerPacketMetadata(0,
                header.toBuilder().clearMetadata().addAllMetadata(metadata)).build();
        Optional<String> difference = P4InfoComparison.difference(swapped, p4Info);
        assertTrue(difference.isPresent());
        assertTrue(difference.get().contains("controller_packet_metadata"), difference.get());
    }
}
