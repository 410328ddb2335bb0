package org.metrofabric.fabric.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrofabric.fabric.app.FabricManager;
import org.metrofabric.fabric.app.Instances;
import org.metrofabric.fabric.testing.FakeNetwork;
import org.onosproject.net.DeviceId;

/** The resource's methods called directly, on a running FabricManager on metro-2x4. */
class FabricWebResourceTest {
    private Instances cluster;
    private FabricManager manager;
    private FabricWebResource resource;

    @BeforeEach
    void start() {
        cluster = new Instances(FakeNetwork.shipped("metro-2x4"));
        manager = Instances.single(cluster);
        resource = new FabricWebResource(manager);
    }

    @AfterEach
    void stop() {
        Instances.stop(manager);
    }

    private Response post(String json) {
        return resource.addPath(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode body(Response response) {
        return (JsonNode) response.getEntity();
    }

    @Test
    void addGetListRemove() {
        Response created = post("{\"name\":\"p1\",\"from\":\"h1a\",\"to\":\"h4a\",\"latencyUs\":260,\"bandwidthMbps\":\"1000\"}");
        assertEquals(201, created.getStatus());
        assertEquals("INSTALLED", body(created).get("state").asText());
        assertEquals("device:spine1", body(created).get("spine").asText());
        assertEquals(255_000, body(created).get("latencyNanos").asLong());

        assertEquals(body(created), body(resource.path("p1")));
        assertEquals(1, body(resource.paths()).get("paths").size());
        JsonNode fabric = body(resource.fabric());
        assertEquals(6, fabric.get("devices").size());
        long reserved = 0;
        for (JsonNode link : fabric.get("links")) {
            reserved += link.get("reservedMbps").asLong();
        }
        assertEquals(2000, reserved);

        assertEquals(204, resource.removePath("p1").getStatus());
        assertEquals(404, resource.removePath("p1").getStatus());
        assertEquals(404, resource.path("p1").getStatus());
    }

    @Test
    void badInputIs400NamingTheFieldAndChangesNothing() {
        Map<DeviceId, String> before = cluster.switches.contents();
        assertError(post("not json"), 400, "body");
        assertError(post("[1]"), 400, "body");
        assertError(post("{\"name\":\"p1\",\"from\":\"h1a\",\"to\":\"h4a\",\"speed\":1}"), 400, "speed");
        assertError(post("{\"name\":\"p1\",\"from\":\"h1a\",\"to\":\"h4a\",\"latencyUs\":-5}"), 400, "latency-us");
        assertError(post("{\"name\":\"p1\",\"from\":{\"host\":\"h1a\"},\"to\":\"h4a\"}"), 400, "from");
        assertError(post("{\"from\":\"h1a\",\"to\":\"h4a\"}"), 400, "name");
        Response rejected = post("{\"name\":\"p1\",\"from\":\"h1a\",\"to\":\"h4a\",\"latencyUs\":250}");
        assertEquals(409, rejected.getStatus());
        assertEquals("LATENCY", body(rejected).get("constraint").asText());
        assertEquals(5_000, body(rejected).get("amount").asLong());
        assertTrue(manager.intents().isEmpty());
        assertEquals(before, cluster.switches.contents());
    }

    private static void assertError(Response response, int status, String field) {
        assertEquals(status, response.getStatus(), String.valueOf(response.getEntity()));
        assertEquals(field, body(response).get("field").asText(), String.valueOf(response.getEntity()));
    }
}
