package org.metrofabric.emulator.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.metrofabric.emulator.clock.SimTime;
import org.metrofabric.emulator.fabric.Fabric;
import org.metrofabric.emulator.hosts.FlowPayload;
import org.metrofabric.emulator.hosts.FlowReport;
import org.metrofabric.emulator.hosts.Host;
import org.metrofabric.emulator.hosts.PingSession;
import org.metrofabric.emulator.hosts.TrafficPattern;
import org.metrofabric.emulator.hosts.UdpFlow;
import org.metrofabric.emulator.hosts.UdpSender;
import org.metrofabric.emulator.scenario.Durations;
import org.metrofabric.emulator.serve.TrafficException.Kind;

/**
 * What the serve console and REST API can do with the emulated hosts: list them, ping between
 * them, and start, stop and watch UDP test flows (the scenario's flows, with the same
 * statistics). Every operation runs on the fabric's loop through an {@link EmulatorLoop}, so
 * callers on any thread never touch fabric state themselves. A refused request throws a
 * {@link TrafficException} and changes nothing.
 */
public final class HostTraffic {
    public static final int DEFAULT_SIZE = 200;
    public static final int MAX_SIZE = 1472;
    public static final int DEFAULT_DST_PORT = 5_001;
    public static final int SRC_PORT_BASE = 10_000;
    /** Packets per second a live flow may ask for: the loop sends in real time and falls behind beyond this. */
    public static final long MAX_RATE = 100_000;
    public static final int DEFAULT_PING_COUNT = 3;
    public static final int MAX_PING_COUNT = 1_000;
    public static final long DEFAULT_PING_INTERVAL_NANOS = SimTime.millis(10);
    public static final long MAX_PING_INTERVAL_NANOS = SimTime.seconds(10);
    /** From the first echo request to the last: a ping holds its console or REST caller that long. */
    public static final long MAX_PING_SPAN_NANOS = SimTime.seconds(60);
    /** How long after its last echo request a ping waits for replies. */
    public static final long PING_GRACE_NANOS = SimTime.seconds(1);
    /** How long a blocking ping waits beyond its own length for the loop. */
    private static final long PING_WAIT_SLACK_SECONDS = 10;
    /** Flow names go into URLs ({@code /flows/NAME}) and console lines, so they are plain words. */
    private static final Pattern FLOW_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Fabric fabric;
    private final EmulatorLoop loop;
    /** Live and stopped flows by name, in start order; only touched on the loop. */
    private final Map<String, LiveFlow> flows = new LinkedHashMap<>();
    private int nextFlowId = 1;

    private record LiveFlow(FlowRequest request, UdpSender sender, Host destination) {
        FlowStatus status() {
            return new FlowStatus(request.name(), request.from(), request.to(), request.rate(), sender.flow(),
                    !sender.isFinished(), FlowReport.of(sender, destination.flowStats(sender.flow().flowId())));
        }
    }

    public HostTraffic(Fabric fabric, EmulatorLoop loop) {
        this.fabric = fabric;
        this.loop = loop;
    }

    /** The hosts in topology order. */
    public List<HostInfo> hosts() {
        return loop.call(() -> fabric.topology().hosts().stream()
                .map(h -> new HostInfo(h.name(), h.ip().toString(), h.mac().toString(), h.leaf(), h.port()))
                .toList());
    }

    /**
     * Starts {@code count} echo requests from host {@code from} to host {@code to},
     * {@code intervalNanos} apart; the result completes {@link #PING_GRACE_NANOS} after the last
     * request, on the loop's clock.
     */
    public CompletableFuture<PingResult> startPing(String from, String to, int count, long intervalNanos) {
        return loop.call(() -> {
            Host source = host("from", from);
            Host destination = host("to", to);
            if (source == destination) {
                throw TrafficException.invalid("to", "a ping needs two different hosts, both are " + from);
            }
            if (count < 1 || count > MAX_PING_COUNT) {
                throw TrafficException.invalid("count", "must be 1.." + MAX_PING_COUNT + ", got " + count);
            }
            if (intervalNanos <= 0 || intervalNanos > MAX_PING_INTERVAL_NANOS) {
                throw TrafficException.invalid("interval", "must be longer than 0 and at most 10 s, got "
                        + intervalNanos + " ns");
            }
            if ((count - 1) * intervalNanos > MAX_PING_SPAN_NANOS) {
                throw TrafficException.invalid("interval", "count " + count + " at this interval spans "
                        + Durations.format((count - 1) * intervalNanos) + "; a ping holds its caller until done, "
                        + "so it may span at most " + Durations.format(MAX_PING_SPAN_NANOS));
            }
            PingSession session = source.ping(destination.ip(), count, intervalNanos);
            CompletableFuture<PingResult> result = new CompletableFuture<>();
            fabric.scheduler().after((count - 1) * intervalNanos + PING_GRACE_NANOS, () -> result.complete(
                    new PingResult(from, to, session.sent(), session.received(), session.rttNanos())));
            return result;
        });
    }

    /** {@link #startPing} and wait for its result (for callers on threads other than the loop's). */
    public PingResult ping(String from, String to, int count, long intervalNanos) {
        CompletableFuture<PingResult> result = startPing(from, to, count, intervalNanos);
        long waitNanos = (count - 1) * intervalNanos + PING_GRACE_NANOS;
        try {
            return result.get(TimeUnit.NANOSECONDS.toSeconds(waitNanos) + PING_WAIT_SLACK_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrafficException(Kind.UNAVAILABLE, "ping", "interrupted waiting for " + from + " -> " + to);
        } catch (ExecutionException | TimeoutException e) {
            throw new TrafficException(Kind.UNAVAILABLE, "ping", from + " -> " + to
                    + " got no result from the emulator loop in time");
        }
    }

    /** Validates {@code request} and starts sending now; the flow's status just after starting. */
    public FlowStatus startFlow(FlowRequest request) {
        return loop.call(() -> {
            String name = request.name();
            if (name == null || !FLOW_NAME.matcher(name).matches()) {
                throw TrafficException.invalid(FlowRequest.NAME, "must be 1..64 letters, digits, '.', '_' or '-' "
                        + "starting with a letter or digit, got " + (name == null ? "nothing" : "'" + name + "'"));
            }
            LiveFlow existing = flows.get(name);
            if (existing != null) {
                throw new TrafficException(Kind.CONFLICT, FlowRequest.NAME, "a flow named " + name + " already exists ("
                        + existing.status().state() + "); pick another name");
            }
            Host source = host(FlowRequest.FROM, request.from());
            Host destination = host(FlowRequest.TO, request.to());
            if (source == destination) {
                throw TrafficException.invalid(FlowRequest.TO, "a flow needs two different hosts, both are "
                        + request.from());
            }
            long rate = required(FlowRequest.RATE, request.rate());
            within(FlowRequest.RATE, rate, 1, MAX_RATE, " packets per second");
            int size = orDefault(request.size(), DEFAULT_SIZE);
            within(FlowRequest.SIZE, size, FlowPayload.BYTES, MAX_SIZE,
                    " UDP payload bytes (the flow header needs " + FlowPayload.BYTES + ", one unfragmented 1500-byte "
                            + "IPv4 packet holds " + MAX_SIZE + ")");
            int dscp = orDefault(request.dscp(), 0);
            within(FlowRequest.DSCP, dscp, 0, 63, "");
            long packets = request.packets() == null ? 0 : request.packets();
            within(FlowRequest.PACKETS, packets, 0, Integer.MAX_VALUE, " (0 = until stopped)");
            int flowId = nextFlowId;
            int srcPort = orDefault(request.srcPort(), SRC_PORT_BASE + (flowId & 0x7fff));
            within(FlowRequest.SRC_PORT, srcPort, 1, 0xffff, "");
            int dstPort = orDefault(request.dstPort(), DEFAULT_DST_PORT);
            within(FlowRequest.DST_PORT, dstPort, 1, 0xffff, "");
            UdpFlow flow = new UdpFlow(flowId, destination.ip(), srcPort, dstPort, size, dscp,
                    new TrafficPattern.ConstantRate(rate), fabric.scheduler().now(), packets);
            nextFlowId++;
            LiveFlow live = new LiveFlow(new FlowRequest(name, request.from(), request.to(), rate, size, dscp, packets,
                    srcPort, dstPort), source.send(flow), destination);
            flows.put(name, live);
            return live.status();
        });
    }

    /** Stops flow {@code name} sending (packets in flight still land and count); its status then. */
    public FlowStatus stopFlow(String name) {
        return loop.call(() -> {
            LiveFlow live = live(name);
            live.sender().stop();
            return live.status();
        });
    }

    public FlowStatus flow(String name) {
        return loop.call(() -> live(name).status());
    }

    /** Every flow started, running or stopped, in start order. */
    public List<FlowStatus> flows() {
        return loop.call(() -> {
            List<FlowStatus> statuses = new ArrayList<>();
            flows.values().forEach(live -> statuses.add(live.status()));
            return statuses;
        });
    }

    private LiveFlow live(String name) {
        LiveFlow live = flows.get(name);
        if (live == null) {
            throw new TrafficException(Kind.NOT_FOUND, FlowRequest.NAME, "no flow named " + name
                    + (flows.isEmpty() ? "; none has been started" : "; flows: " + String.join(", ", flows.keySet())));
        }
        return live;
    }

    private Host host(String field, String name) {
        if (name == null || name.isBlank()) {
            throw TrafficException.invalid(field, "a host name is required");
        }
        Host host = fabric.hosts().get(name);
        if (host == null) {
            throw TrafficException.invalid(field, "no host named " + name + "; hosts: "
                    + String.join(", ", fabric.hosts().keySet()));
        }
        return host;
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw TrafficException.invalid(field, "is required");
        }
        return value;
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private static void within(String field, long value, long min, long max, String unit) {
        if (value < min || value > max) {
            throw TrafficException.invalid(field, "must be " + min + ".." + max + unit + ", got " + value);
        }
    }
}
