package org.metrofabric.emulator.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.metrofabric.emulator.clock.Scheduler;
import org.metrofabric.emulator.scenario.IntentReport;
import org.metrofabric.emulator.scenario.ScenarioReport;

/**
 * The host-traffic REST API on the JDK's HTTP server; it parses requests and calls
 * {@link HostTraffic}, nothing else:
 * <pre>
 * GET    /hosts            the hosts
 * POST   /ping             {"from", "to", "count", "interval"}: waits for the replies
 * GET    /flows            every flow with its statistics
 * POST   /flows            {"name", "from", "to", "rate", "size", "dscp", "packets", "srcPort", "dstPort"}: 201
 * GET    /flows/NAME       one flow
 * DELETE /flows/NAME       stops it; its statistics
 * </pre>
 * and, when the embedded controller runs ({@link PathIntents}):
 * <pre>
 * GET    /intents          every path intent with its status
 * POST   /intents          {"name", "from", "to", "latency-us", "bandwidth-mbps"}: 201
 * GET    /intents/NAME     one intent
 * DELETE /intents/NAME     withdraws it; its status before
 * </pre>
 * Errors are {@code {"error": "FIELD: reason"}} with 400 (bad request), 404 (no such flow, intent or
 * path), 405 (method), 409 (flow or intent name in use, intent rejected by the planner), 413 (body
 * too large) or 503 (the loop or the controller did not answer, or a switch refused its writes).
 */
public final class HostTrafficRestServer implements AutoCloseable {
    /** Request bodies are a few fields; anything much larger is a mistake. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final int HANDLER_THREADS = 4;
    private static final String FLOWS = "/flows";
    private static final String INTENTS = "/intents";

    private final HttpServer server;
    private final ExecutorService handlers;
    private final HostTraffic traffic;
    /** Set once by {@link #serve}, before the server answers anything. */
    private PathIntents intents;

    private HostTrafficRestServer(HttpServer server, ExecutorService handlers, HostTraffic traffic) {
        this.server = server;
        this.handlers = handlers;
        this.traffic = traffic;
    }

    /** Listens on {@code host:port} (port 0: any free port); a port that cannot be bound is an {@link UncheckedIOException}. */
    public static HostTrafficRestServer start(HostTraffic traffic, String host, int port) {
        return bind(traffic, host, port).serve(null);
    }

    /**
     * Listens on {@code host:port} but answers nothing until {@link #serve}: a busy port fails at once,
     * while requests wait (in the listen backlog) for what they need to be ready.
     */
    public static HostTrafficRestServer bind(HostTraffic traffic, String host, int port) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("REST API: cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService handlers = Executors.newFixedThreadPool(HANDLER_THREADS, task -> {
            Thread thread = new Thread(task, "emulator-rest-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(handlers);
        return new HostTrafficRestServer(server, handlers, traffic);
    }

    /** Starts answering, with /intents when {@code intents} is not null; once only. */
    public HostTrafficRestServer serve(PathIntents intents) {
        this.intents = intents;
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Response response;
            try {
                response = route(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange);
            } catch (HttpError e) {
                response = new Response(e.status, TrafficJson.error(e.getMessage()), e.allow, null);
            } catch (TrafficException e) {
                response = Response.error(switch (e.kind()) {
                    case INVALID -> 400;
                    case NOT_FOUND -> 404;
                    case CONFLICT -> 409;
                    case UNAVAILABLE -> 503;
                }, e.getMessage());
            } catch (Scheduler.LoopUnavailableException e) {
                response = Response.error(503, e.getMessage());
            } catch (RuntimeException e) {
                response = Response.error(500, "internal error: " + e);
            }
            byte[] body = TrafficJson.bytes(response.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            if (response.allow() != null) {
                exchange.getResponseHeaders().set("Allow", response.allow());
            }
            if (response.location() != null) {
                exchange.getResponseHeaders().set("Location", response.location());
            }
            exchange.sendResponseHeaders(response.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private Response route(String method, String path, HttpExchange exchange) throws IOException {
        if (path.equals("/hosts")) {
            requireMethod(method, "GET");
            return Response.ok(TrafficJson.hosts(traffic.hosts()));
        }
        if (path.equals("/ping")) {
            requireMethod(method, "POST");
            TrafficJson.PingRequest ping = TrafficJson.pingRequest(body(exchange));
            return Response.ok(TrafficJson.ping(traffic.ping(ping.from(), ping.to(), ping.count(), ping.intervalNanos())));
        }
        if (path.equals(FLOWS) || path.equals(FLOWS + "/")) {
            requireMethod(method, "GET, POST");
            if (method.equals("GET")) {
                return Response.ok(TrafficJson.flows(traffic.flows()));
            }
            FlowStatus started = traffic.startFlow(TrafficJson.flowRequest(body(exchange)));
            return new Response(201, TrafficJson.flow(started), null, FLOWS + "/" + started.name());
        }
        if (path.startsWith(FLOWS + "/") && path.indexOf('/', FLOWS.length() + 1) < 0) {
            requireMethod(method, "GET, DELETE");
            String name = path.substring(FLOWS.length() + 1);
            return Response.ok(TrafficJson.flow(method.equals("GET") ? traffic.flow(name) : traffic.stopFlow(name)));
        }
        if (path.equals(INTENTS) || path.startsWith(INTENTS + "/")) {
            if (intents == null) {
                return Response.error(404, "no resource " + path + "; intents need the embedded controller "
                        + "(serve with --control onos)");
            }
            return intents(method, path, exchange);
        }
        return Response.error(404, "no resource " + path + "; there are /hosts, /ping, /flows and /flows/NAME"
                + (intents == null ? "" : ", /intents and /intents/NAME"));
    }

    private Response intents(String method, String path, HttpExchange exchange) throws IOException {
        if (path.equals(INTENTS) || path.equals(INTENTS + "/")) {
            requireMethod(method, "GET, POST");
            if (method.equals("GET")) {
                return Response.ok(TrafficJson.intents(intents.list()));
            }
            TrafficJson.IntentRequest request = TrafficJson.intentRequest(body(exchange));
            IntentReport added = intents.add(request.name(), request.from(), request.to(), request.latencyUs(),
                    request.bandwidthMbps());
            return new Response(201, ScenarioReport.intentJson(added), null, INTENTS + "/" + added.name());
        }
        if (path.indexOf('/', INTENTS.length() + 1) < 0) {
            requireMethod(method, "GET, DELETE");
            String name = path.substring(INTENTS.length() + 1);
            IntentReport intent = method.equals("GET") ? intents.get(name) : intents.remove(name);
            return Response.ok(ScenarioReport.intentJson(intent));
        }
        return Response.error(404, "no resource " + path + "; there are /intents and /intents/NAME");
    }

    private static void requireMethod(String method, String allowed) {
        if (!List.of(allowed.split(", ")).contains(method)) {
            throw new HttpError(405, "method " + method + " is not allowed here; allowed: " + allowed, allowed);
        }
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new HttpError(413, "body: larger than " + MAX_BODY_BYTES + " bytes", null);
            }
            return body;
        }
    }

    /** What to answer: a status, a JSON body, and the Allow or Location header when there is one. */
    private record Response(int status, JsonNode body, String allow, String location) {
        static Response ok(JsonNode body) {
            return new Response(200, body, null, null);
        }

        static Response error(int status, String message) {
            return new Response(status, TrafficJson.error(message), null, null);
        }
    }

    /** A request refused at the HTTP level (method, size), before it reaches the service. */
    private static final class HttpError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String allow;

        HttpError(int status, String message, String allow) {
            super(message);
            this.status = status;
            this.allow = allow;
        }
    }
}
