package org.metrofabric.p4runtime.codec;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/** One kind of P4Info object (tables, actions, ...) indexed by id and by name. */
final class Catalog<T> {

    private final String kind;
    private final Map<Integer, T> byId = new LinkedHashMap<>();
    private final Map<String, T> byName = new LinkedHashMap<>();

    Catalog(String kind, Iterable<T> items, ToIntFunction<T> id, Function<T, String> name) {
        this.kind = kind;
        for (T item : items) {
            int itemId = id.applyAsInt(item);
            String itemName = name.apply(item);
            if (byId.putIfAbsent(itemId, item) != null) {
                throw P4RuntimeException.invalidArgument("P4Info: %s id %d appears twice", kind, itemId);
            }
            if (byName.putIfAbsent(itemName, item) != null) {
                throw P4RuntimeException.invalidArgument("P4Info: %s name '%s' appears twice", kind, itemName);
            }
        }
    }

    T get(int id) {
        T item = byId.get(id);
        if (item == null) {
            throw P4RuntimeException.invalidArgument("unknown %s id %d (not in the P4Info)", kind, id);
        }
        return item;
    }

    T get(String name) {
        T item = byName.get(name);
        if (item == null) {
            throw P4RuntimeException.invalidArgument("unknown %s '%s' (not in the P4Info)", kind, name);
        }
        return item;
    }

    Optional<T> find(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    Optional<T> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    boolean contains(int id) {
        return byId.containsKey(id);
    }

    Collection<T> all() {
        return Collections.unmodifiableCollection(byId.values());
    }
}
