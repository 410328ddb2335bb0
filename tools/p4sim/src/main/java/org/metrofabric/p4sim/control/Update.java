package org.metrofabric.p4sim.control;

import java.util.Objects;
import org.onosproject.net.pi.runtime.PiEntity;

/** One update of a write batch. */
public record Update(UpdateType type, PiEntity entity) {
    public Update {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(entity, "entity");
    }
}
