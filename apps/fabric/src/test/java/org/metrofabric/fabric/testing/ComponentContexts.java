package org.metrofabric.fabric.testing;

import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.service.component.ComponentContext;

/** Component contexts as Declarative Services hands them to activate and modified methods. */
public final class ComponentContexts {
    private ComponentContexts() {
    }

    /** A context whose {@code getProperties()} holds {@code properties}; nothing else is answered. */
    public static ComponentContext withProperties(Map<String, ?> properties) {
        Dictionary<String, Object> dictionary = new Hashtable<>(properties);
        return (ComponentContext) Proxy.newProxyInstance(ComponentContext.class.getClassLoader(),
                new Class<?>[] {ComponentContext.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getProperties":
                            return dictionary;
                        case "toString":
                            return "component context " + dictionary;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    /** A context without properties, as for a component never configured. */
    public static ComponentContext empty() {
        return withProperties(Map.of());
    }
}
