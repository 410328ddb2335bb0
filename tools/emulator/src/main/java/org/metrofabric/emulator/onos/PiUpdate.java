package org.metrofabric.emulator.onos;

import java.util.Objects;
import org.onosproject.net.pi.runtime.PiEntity;

/** One PI write: insert, modify or delete an entity. */
public record PiUpdate(Type type, PiEntity entity) {

    /** The P4Runtime update types. */
    public enum Type {
        INSERT, MODIFY, DELETE
    }

    public PiUpdate {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(entity, "entity");
    }

    public static PiUpdate insert(PiEntity entity) {
        return new PiUpdate(Type.INSERT, entity);
    }

    public static PiUpdate modify(PiEntity entity) {
        return new PiUpdate(Type.MODIFY, entity);
    }

    public static PiUpdate delete(PiEntity entity) {
        return new PiUpdate(Type.DELETE, entity);
    }
}
