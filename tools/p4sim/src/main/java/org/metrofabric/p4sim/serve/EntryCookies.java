package org.metrofabric.p4sim.serve;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiMatchKey;
import org.onosproject.net.pi.runtime.PiTableEntry;
import p4.v1.P4RuntimeOuterClass.Update;

/**
 * The controller metadata (ONOS's cookie) of table entries, which p4sim's tables do not hold: BMv2
 * returns what was written, and ONOS 2.7 writes its flow-rule id there, so reads must give it back.
 * Entries are identified by table, match key and priority, as the decoded PI objects carry them.
 */
final class EntryCookies {
    private record Key(PiTableId table, PiMatchKey match, int priority) {
        static Key of(PiTableEntry entry) {
            return new Key(entry.table(), entry.matchKey(), entry.priority().orElse(0));
        }
    }

    private final Map<Key, Long> cookies = new ConcurrentHashMap<>();

    /** Records the cookie an applied update leaves behind; returns what restores the one before. */
    Runnable applied(Update.Type type, PiTableEntry entry) {
        if (entry.isDefaultAction()) {
            return () -> { };
        }
        Key key = Key.of(entry);
        Long before = cookies.get(key);
        if (type == Update.Type.DELETE || entry.cookie() == 0) {
            cookies.remove(key);
        } else {
            cookies.put(key, entry.cookie());
        }
        return () -> {
            if (before == null) {
                cookies.remove(key);
            } else {
                cookies.put(key, before);
            }
        };
    }

    /** {@code entry} as read from the switch, with the cookie it was written with. */
    PiTableEntry withCookie(PiTableEntry entry) {
        Long cookie = cookies.get(Key.of(entry));
        if (cookie == null) {
            return entry;
        }
        PiTableEntry.Builder out = PiTableEntry.builder().forTable(entry.table()).withMatchKey(entry.matchKey())
                .withCookie(cookie);
        if (entry.action() != null) {
            out.withAction(entry.action());
        }
        entry.priority().ifPresent(out::withPriority);
        if (entry.counter() != null) {
            out.withCounterCellData(entry.counter());
        }
        entry.timeout().ifPresent(out::withTimeout);
        return out.build();
    }

    void clear() {
        cookies.clear();
    }
}
