package org.metrofabric.emulator.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.metrofabric.emulator.clock.RealTimeLoop;
import org.metrofabric.emulator.fabric.Fabric;

/** The REST API over HTTP against a fabric running in real time: status codes, JSON bodies and errors. */
class HostTrafficRestServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Generous: the loop is real time and the machine may be loaded; polls end as soon as the condition holds. */
    private static final long POLL_TIMEOUT_NANOS = 20_000_000_000L;

    private final RealTimeLoop loop;
    private final HostTrafficRestServer rest;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    HostTrafficRestServerTest() throws Exception {
        Fabric fabric = ServeFixture.routedFabric();
        rest = HostTrafficRestServer.start(new HostTraffic(fabric, EmulatorLoop.posting(fabric.scheduler(), 10)),
                "127.0.0.1", 0);
        loop = RealTimeLoop.start(fabric.scheduler(), "rest-test-loop");
    }

    @AfterEach
    void stop() {
        rest.close();
        loop.close();
    }

    private record Answer(int status, JsonNode body, HttpResponse<String> response) {
        String error() {
            return body.get("error").asText();
        }
    }

    private Answer send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rest.port() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        return new Answer(response.statusCode(), JSON.readTree(response.body()), response);
    }

    @Test
    void listsHosts() throws Exception {
        Answer hosts = send("GET", "/hosts", null);
        assertEquals(200, hosts.status());
        assertEquals(7, hosts.body().size());
        assertEquals(JSON.readTree("{\"name\":\"h1a\",\"ip\":\"10.1.1.10/24\",\"mac\":\"00:00:0a:01:01:0a\","
                + "\"leaf\":\"leaf1\",\"port\":3}"), hosts.body().get(0));
    }

    @Test
    void intentsAreNotServedWithoutTheEmbeddedController() throws Exception {
        Answer intents = send("GET", "/intents", null);
        assertEquals(404, intents.status());
        assertTrue(intents.error().contains("serve with --control onos"), intents.error());
    }

    @Test
    void startsWatchesAndStopsAFlow() throws Exception {
        Answer created = send("POST", "/flows", "{\"name\": \"f1\", \"from\": \"h1a\", \"to\": \"h3a\", \"rate\": 1000, "
                + "\"packets\": 20}");
        assertEquals(201, created.status(), created.body().toString());
        assertEquals("/flows/f1", created.response().headers().firstValue("Location").orElse(""));
        assertEquals("f1", created.body().get("name").asText());
        assertEquals(200, created.body().get("size").asInt());
        assertEquals(5001, created.body().get("dstPort").asInt());

        JsonNode done = pollFlow("f1", flow -> flow.get("received").asLong() == 20);
        assertEquals("stopped", done.get("state").asText());
        assertEquals(20, done.get("sent").asLong());
        assertEquals(0, done.get("lost").asLong());
        assertEquals(0, done.get("duplicates").asLong());
        assertTrue(done.get("latency").get("minNanos").asLong() > 0, done.toString());
        assertTrue(done.has("longestGapNanos"));

        send("POST", "/flows", "{\"name\": \"f2\", \"from\": \"h2a\", \"to\": \"h4a\", \"rate\": 200}");
        pollFlow("f2", flow -> flow.get("received").asLong() > 0);
        Answer stopped = send("DELETE", "/flows/f2", null);
        assertEquals(200, stopped.status());
        assertEquals("stopped", stopped.body().get("state").asText());
        long sent = stopped.body().get("sent").asLong();
        JsonNode settled = pollFlow("f2", flow -> flow.get("received").asLong() == sent);
        assertEquals(sent, settled.get("sent").asLong(), "nothing sent after DELETE");

        Answer all = send("GET", "/flows", null);
        assertEquals(200, all.status());
        assertEquals(2, all.body().size());
        assertEquals("f1", all.body().get(0).get("name").asText());
    }

    private JsonNode pollFlow(String name, java.util.function.Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + POLL_TIMEOUT_NANOS;
        while (true) {
            Answer flow = send("GET", "/flows/" + name, null);
            assertEquals(200, flow.status(), flow.body().toString());
            if (condition.test(flow.body())) {
                return flow.body();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("flow " + name + " never got there: " + flow.body());
            }
            Thread.sleep(20);
        }
    }

    @Test
    void pingsAndWaitsForTheReplies() throws Exception {
        Answer ping = send("POST", "/ping", "{\"from\": \"h1a\", \"to\": \"h2b\", \"count\": 2, \"interval\": \"1ms\"}");
        assertEquals(200, ping.status(), ping.body().toString());
        assertEquals(2, ping.body().get("sent").asInt());
        assertEquals(2, ping.body().get("received").asInt());
        assertEquals(2, ping.body().get("rttNanos").size());
        assertEquals(400, send("POST", "/ping", "{\"from\": \"h1a\", \"to\": \"h1a\"}").status());
        Answer badInterval = send("POST", "/ping", "{\"from\": \"h1a\", \"to\": \"h2a\", \"interval\": 5}");
        assertEquals("interval: must be a string, got 5", badInterval.error());
        Answer badTime = send("POST", "/ping", "{\"from\": \"h1a\", \"to\": \"h2a\", \"interval\": \"5 parsecs\"}");
        assertTrue(badTime.error().startsWith("interval: \"5 parsecs\" is not a time"), badTime.error());
    }

    @Test
    void badRequestsAreNamedWithTheRightStatusAndStartNothing() throws Exception {
        assertError(send("POST", "/flows", "{\"name\": \"f1\", \"from\": \"h1a\""), 400, "body: not valid JSON");
        assertError(send("POST", "/flows", ""), 400, "body: must be a JSON object with the fields name, from, to, rate");
        assertError(send("POST", "/flows", "[1]"), 400, "body: must be a JSON object");
        assertError(send("POST", "/flows", "{\"name\": \"f1\", \"speed\": 5}"), 400,
                "speed: unknown field; known fields: name, from, to, rate, size, dscp, packets, srcPort, dstPort");
        assertError(send("POST", "/flows", "{\"name\": \"f1\", \"name\": \"f2\"}"), 400, "body: not valid JSON: Duplicate field 'name'");
        assertError(send("POST", "/flows", "{\"name\": \"f1\", \"from\": \"h1a\", \"to\": \"h3a\", \"rate\": \"fast\"}"),
                400, "rate: must be a whole number, got \"fast\"");
        assertError(send("POST", "/flows", "{\"name\": \"f1\", \"from\": \"h1a\", \"to\": \"h3a\", \"rate\": 1.5}"),
                400, "rate: must be a whole number, got 1.5");
        assertError(send("POST", "/flows", "{\"name\": 7, \"from\": \"h1a\", \"to\": \"h3a\", \"rate\": 1}"),
                400, "name: must be a string, got 7");
        assertError(send("POST", "/flows", "{\"name\": \"f1\", \"from\": \"h1a\", \"to\": \"h3a\", \"rate\": 0}"),
                400, "rate: must be 1..100000 packets per second, got 0");
        assertError(send("POST", "/flows", "{\"name\": \"f1\", \"from\": \"h1a\", \"to\": \"h3a\", \"rate\": 1, "
                + "\"dscp\": 99}"), 400, "dscp: must be 0..63, got 99");
        assertError(send("POST", "/flows", "{\"name\": \"f1\", \"from\": \"x\", \"to\": \"h3a\", \"rate\": 1}"),
                400, "from: no host named x");
        assertEquals(0, send("GET", "/flows", null).body().size(), "nothing started");

        assertEquals(201, send("POST", "/flows", "{\"name\": \"f1\", \"from\": \"h1a\", \"to\": \"h3a\", \"rate\": 1}")
                .status());
        assertError(send("POST", "/flows", "{\"name\": \"f1\", \"from\": \"h2a\", \"to\": \"h3a\", \"rate\": 1}"),
                409, "name: a flow named f1 already exists (running)");
        assertError(send("GET", "/flows/nope", null), 404, "name: no flow named nope; flows: f1");
        assertError(send("DELETE", "/flows/nope", null), 404, "name: no flow named nope");
        assertError(send("GET", "/nope", null), 404, "no resource /nope");
        assertError(send("GET", "/flows/f1/x", null), 404, "no resource /flows/f1/x");
        Answer put = send("PUT", "/flows", "{}");
        assertError(put, 405, "method PUT is not allowed here; allowed: GET, POST");
        assertEquals("GET, POST", put.response().headers().firstValue("Allow").orElse(""));
        assertError(send("POST", "/hosts", "{}"), 405, "method POST is not allowed here; allowed: GET");
        assertError(send("POST", "/flows", "{\"name\": \"" + "x".repeat(HostTrafficRestServer.MAX_BODY_BYTES) + "\"}"),
                413, "body: larger than");
    }

    private static void assertError(Answer answer, int status, String error) {
        assertEquals(status, answer.status(), answer.body().toString());
        assertTrue(answer.error().startsWith(error), answer.error());
    }
}
