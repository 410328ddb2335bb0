package org.metrofabric.p4runtime.server;

import io.grpc.Status;
import org.metrofabric.p4runtime.codec.P4RuntimeException;
import p4.config.v1.P4InfoOuterClass.Digest;
import p4.config.v1.P4InfoOuterClass.P4Info;
import p4.v1.P4DataOuterClass.P4Data;
import p4.v1.P4RuntimeOuterClass.DigestEntry;
import p4.v1.P4RuntimeOuterClass.DigestList;
import p4.v1.P4RuntimeOuterClass.Update;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Digest delivery of one device (P4Runtime 1.3, DigestEntry and DigestList), as the PI server does
 * it. Nothing is sent for a digest until the controller writes its DigestEntry. Samples are batched
 * into a list, sent when the list holds {@code max_list_size} samples (0: no limit) or
 * {@code max_timeout_ns} after its first sample (0: at once). With {@code ack_timeout_ns} > 0 a
 * sample that is in a list not yet acknowledged is not sent again; the list is forgotten when the
 * controller acks it or {@code ack_timeout_ns} after it was sent.
 */
final class DigestLists {

    /** The digest state of one P4Info digest. */
    private static final class State {
        final int digestId;
        DigestEntry.Config config;
        List<P4Data> pending = new ArrayList<>();
        long pendingGeneration;
        final Set<P4Data> unacknowledged = new HashSet<>();
        final Map<Long, List<P4Data>> sentLists = new HashMap<>();
        long nextListId = 1;

        State(int digestId) {
            this.digestId = digestId;
        }
    }

    private final Map<Integer, State> states = new LinkedHashMap<>();
    private final ScheduledExecutorService timer;
    private final Consumer<DigestList> sink;

    /**
     * @param timer runs batch flushes and ack timeouts
     * @param sink  delivers a list to the controller (the primary client), or drops it if there is none
     */
    DigestLists(P4Info p4Info, ScheduledExecutorService timer, Consumer<DigestList> sink) {
        for (Digest digest : p4Info.getDigestsList()) {
            states.put(digest.getPreamble().getId(), new State(digest.getPreamble().getId()));
        }
        this.timer = timer;
        this.sink = sink;
    }

    /** Applies a DigestEntry update; returns what undoes it. */
    synchronized P4RuntimeTarget.Undo write(Update.Type type, DigestEntry entry) {
        State state = state(entry.getDigestId());
        DigestEntry.Config before = state.config;
        switch (type) {
            case INSERT -> {
                if (before != null) {
                    throw new P4RuntimeException(Status.Code.ALREADY_EXISTS,
                            "digest " + entry.getDigestId() + " is already configured");
                }
                state.config = checked(entry);
            }
            case MODIFY -> {
                requireConfigured(state);
                state.config = checked(entry);
            }
            case DELETE -> {
                requireConfigured(state);
                state.config = null;
                state.pending = new ArrayList<>();
                state.unacknowledged.clear();
                state.sentLists.clear();
            }
            default -> throw P4RuntimeException.invalidArgument("update type %s is not valid", type);
        }
        return () -> restore(state, before);
    }

    private synchronized void restore(State state, DigestEntry.Config config) {
        state.config = config;
    }

    private static DigestEntry.Config checked(DigestEntry entry) {
        if (!entry.hasConfig()) {
            throw P4RuntimeException.invalidArgument("digest %d: the DigestEntry has no config", entry.getDigestId());
        }
        DigestEntry.Config config = entry.getConfig();
        if (config.getMaxTimeoutNs() < 0 || config.getAckTimeoutNs() < 0 || config.getMaxListSize() < 0) {
            throw P4RuntimeException.invalidArgument("digest %d: timeouts and list size must not be negative",
                    entry.getDigestId());
        }
        return config;
    }

    private static void requireConfigured(State state) {
        if (state.config == null) {
            throw P4RuntimeException.notFound("digest %d is not configured", state.digestId);
        }
    }

    private State state(int digestId) {
        State state = states.get(digestId);
        if (state == null) {
            throw P4RuntimeException.invalidArgument("the P4Info has no digest with id %d", digestId);
        }
        return state;
    }

    /** Read: digest id 0 is every configured digest; a given id that is not configured is NOT_FOUND. */
    synchronized List<DigestEntry> read(int digestId) {
        List<DigestEntry> out = new ArrayList<>();
        if (digestId == 0) {
            new TreeMap<>(states).values().stream().filter(s -> s.config != null).forEach(s -> out.add(entry(s)));
            return out;
        }
        State state = state(digestId);
        requireConfigured(state);
        out.add(entry(state));
        return out;
    }

    private static DigestEntry entry(State state) {
        return DigestEntry.newBuilder().setDigestId(state.digestId).setConfig(state.config).build();
    }

    /** One sample from the data plane. */
    synchronized void learn(int digestId, P4Data sample) {
        State state = states.get(digestId);
        if (state == null || state.config == null) {
            return;
        }
        boolean deduplicate = state.config.getAckTimeoutNs() > 0;
        if (deduplicate && (state.unacknowledged.contains(sample) || state.pending.contains(sample))) {
            return;
        }
        state.pending.add(sample);
        int maxSize = state.config.getMaxListSize();
        if (state.config.getMaxTimeoutNs() == 0 || (maxSize > 0 && state.pending.size() >= maxSize)) {
            send(state);
        } else if (state.pending.size() == 1) {
            long generation = state.pendingGeneration;
            timer.schedule(() -> flush(state, generation), state.config.getMaxTimeoutNs(), TimeUnit.NANOSECONDS);
        }
    }

    private synchronized void flush(State state, long generation) {
        if (state.pendingGeneration == generation && !state.pending.isEmpty()) {
            send(state);
        }
    }

    private void send(State state) {
        List<P4Data> samples = state.pending;
        state.pending = new ArrayList<>();
        state.pendingGeneration++;
        long listId = state.nextListId++;
        long ackTimeout = state.config.getAckTimeoutNs();
        if (ackTimeout > 0) {
            state.unacknowledged.addAll(samples);
            state.sentLists.put(listId, samples);
            timer.schedule(() -> acknowledge(state.digestId, listId), ackTimeout, TimeUnit.NANOSECONDS);
        }
        sink.accept(DigestList.newBuilder().setDigestId(state.digestId).setListId(listId).addAllData(samples)
                .setTimestamp(System.currentTimeMillis() * 1_000_000L).build());
    }

    /** The controller acknowledged a list (or its ack timeout passed): its samples may be sent again. */
    synchronized void acknowledge(int digestId, long listId) {
        State state = states.get(digestId);
        if (state == null) {
            return;
        }
        List<P4Data> samples = state.sentLists.remove(listId);
        if (samples != null) {
            state.unacknowledged.removeAll(samples);
        }
    }

    /** Forgets every configuration and buffered sample (a new pipeline was committed). */
    synchronized void clear() {
        for (State state : states.values()) {
            state.config = null;
            state.pending = new ArrayList<>();
            state.pendingGeneration++;
            state.unacknowledged.clear();
            state.sentLists.clear();
        }
    }
}
