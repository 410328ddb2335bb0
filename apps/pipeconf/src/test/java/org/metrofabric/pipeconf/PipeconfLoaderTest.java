package org.metrofabric.pipeconf;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onosproject.net.behaviour.Pipeliner;
import org.onosproject.net.pi.PiPipeconfServiceAdapter;
import org.onosproject.net.pi.model.PiPipeconf;
import org.onosproject.net.pi.model.PiPipeconfId;
import org.onosproject.net.pi.model.PiPipelineInterpreter;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.metrofabric.pipeconf.MetroConstants.PIPECONF_ID;
import static org.metrofabric.pipeconf.MetroConstants.ROUTING_V4;

class PipeconfLoaderTest {

    /** A pipeconf service that keeps what is registered and logs register/unregister calls. */
    private static final class RecordingPipeconfService extends PiPipeconfServiceAdapter {
        private final Map<PiPipeconfId, PiPipeconf> registered = new LinkedHashMap<>();
        private final List<String> calls = new ArrayList<>();

        @Override
        public void register(PiPipeconf pipeconf) {
            if (registered.containsKey(pipeconf.id())) {
                throw new IllegalStateException("already registered: " + pipeconf.id());
            }
            registered.put(pipeconf.id(), pipeconf);
            calls.add("register");
        }

        @Override
        public void unregister(PiPipeconfId id) {
            if (registered.remove(id) == null) {
                throw new IllegalStateException("not registered: " + id);
            }
            calls.add("unregister");
        }

        @Override
        public Optional<PiPipeconf> getPipeconf(PiPipeconfId id) {
            return Optional.ofNullable(registered.get(id));
        }
    }

    private RecordingPipeconfService service;
    private PipeconfLoader loader;

    @BeforeEach
    void setUp() {
        service = new RecordingPipeconfService();
        loader = new PipeconfLoader();
        loader.pipeconfService = service;
    }

    @Test
    void activationRegistersTheMetroPipeconf() throws Exception {
        loader.activate();
        PiPipeconf pipeconf = service.getPipeconf(PIPECONF_ID).orElseThrow();
        assertEquals("org.metrofabric.pipeconf.metro", pipeconf.id().id());
        assertEquals(Optional.of(MetroInterpreter.class), pipeconf.implementation(PiPipelineInterpreter.class));
        assertEquals(Optional.of(MetroPipeliner.class), pipeconf.implementation(Pipeliner.class));
        assertTrue(pipeconf.pipelineModel().table(ROUTING_V4).isPresent());
        try (InputStream p4Info = pipeconf.extension(PiPipeconf.ExtensionType.P4_INFO_TEXT).orElseThrow();
             InputStream resource = MetroP4Info.url().openStream()) {
            assertArrayEquals(resource.readAllBytes(), p4Info.readAllBytes());
        }
        assertEquals(List.of("register"), service.calls);
    }

    @Test
    void activationReplacesAnEarlierRegistration() {
        loader.activate();
        PiPipeconf first = service.getPipeconf(PIPECONF_ID).orElseThrow();
        loader.activate();
        assertEquals(List.of("register", "unregister", "register"), service.calls);
        assertFalse(first == service.getPipeconf(PIPECONF_ID).orElseThrow());
    }

    @Test
    void deactivationUnregisters() {
        loader.activate();
        loader.deactivate();
        assertEquals(Optional.empty(), service.getPipeconf(PIPECONF_ID));
        loader.deactivate();
        assertEquals(List.of("register", "unregister"), service.calls, "a second deactivate changes nothing");
    }

    @Test
    void bmv2JsonIsAddedWhenThereIsOne() throws Exception {
        Path json = Files.createTempFile("bmv2", ".json");
        try {
            Files.write(json, "{\"program\": \"metro.p4\"}".getBytes());
            PiPipeconf pipeconf = MetroPipeconfFactory.build(MetroP4Info.url(), Optional.of(json.toUri().toURL()));
            try (InputStream stream = pipeconf.extension(PiPipeconf.ExtensionType.BMV2_JSON).orElseThrow()) {
                assertArrayEquals(Files.readAllBytes(json), stream.readAllBytes());
            }
            PiPipeconf withoutJson = MetroPipeconfFactory.build(MetroP4Info.url(), Optional.empty());
            assertEquals(Optional.empty(), withoutJson.extension(PiPipeconf.ExtensionType.BMV2_JSON));
        } finally {
            Files.delete(json);
        }
    }

    @Test
    void aBrokenP4InfoIsReportedAsSuch() throws Exception {
        Path broken = Files.createTempFile("broken", ".p4info.txt");
        try {
            Files.write(broken, "tables { preamble { id: ".getBytes());
            URL url = broken.toUri().toURL();
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> MetroPipeconfFactory.build(url, Optional.empty()));
            assertTrue(error.getMessage().contains("cannot parse the P4Info"), error.getMessage());
        } finally {
            Files.delete(broken);
        }
    }
}
