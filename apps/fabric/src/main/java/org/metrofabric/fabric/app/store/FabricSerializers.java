package org.metrofabric.fabric.app.store;

import org.metrofabric.fabric.api.Endpoint;
import org.metrofabric.fabric.api.IntentState;
import org.metrofabric.fabric.api.LinkId;
import org.metrofabric.fabric.api.PathIntent;
import org.metrofabric.fabric.app.planner.Constraint;
import org.metrofabric.fabric.app.planner.PathDecision;
import org.metrofabric.fabric.app.planner.PlacedPath;
import org.metrofabric.fabric.app.planner.Rejection;
import org.onlab.util.KryoNamespace;
import org.onosproject.store.serializers.KryoNamespaces;
import org.onosproject.store.service.Serializer;

/** The Kryo namespace of everything the fabric stores: ONOS's API types plus the app's own. */
public final class FabricSerializers {
    /** Every app type that can appear inside a {@link StoredIntent}. */
    static final Class<?>[] APP_TYPES = {
        StoredIntent.class, PathDecision.class, PathIntent.class, Endpoint.class, IntentState.class,
        PlacedPath.class, LinkId.class, Rejection.class, Constraint.class,
    };

    public static final KryoNamespace NAMESPACE = KryoNamespace.newBuilder()
            .register(KryoNamespaces.API)
            .nextId(KryoNamespaces.BEGIN_USER_CUSTOM_ID)
            .register(APP_TYPES)
            .build("metrofabric-fabric");

    public static final Serializer SERIALIZER = Serializer.using(NAMESPACE);

    private FabricSerializers() {
    }
}
