package org.metrofabric.emulator.onos;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onosproject.cfg.ComponentConfigService;
import org.onosproject.cluster.ClusterService;
import org.onosproject.cluster.NodeId;
import org.onosproject.core.CoreService;
import org.onosproject.mastership.MastershipService;
import org.onosproject.net.DeviceId;
import org.onosproject.net.config.NetworkConfigRegistry;
import org.onosproject.net.config.NetworkConfigService;
import org.onosproject.net.device.DeviceService;
import org.onosproject.net.driver.AbstractHandlerBehaviour;
import org.onosproject.net.flow.FlowRuleService;
import org.onosproject.net.group.GroupService;
import org.onosproject.net.host.HostService;
import org.onosproject.net.link.LinkService;
import org.onosproject.net.packet.PacketService;
import org.onosproject.net.pi.model.PiPipeconf;
import org.onosproject.net.pi.model.PiPipelineInterpreter;
import org.onosproject.net.pi.service.PiPipeconfService;
import org.onosproject.p4runtime.api.P4RuntimeController;
import org.onosproject.store.service.StorageService;

/**
 * One ONOS controller instance of an {@link EmbeddedOnos}: the services an app component
 * references, and the OSGi work of starting it. {@link #activate} sets each field of the component
 * whose type is an offered service interface (as Declarative Services sets @Reference fields) and
 * calls its {@code activate} method, so app components run unchanged.
 */
public final class ControllerInstance {
    private final NodeId nodeId;
    private final Map<Class<?>, Object> services = new LinkedHashMap<>();
    private final EmbeddedPacketService packets;
    private final List<Object> active = new ArrayList<>();

    ControllerInstance(NodeId nodeId, EmbeddedOnos onos) {
        this.nodeId = nodeId;
        services.put(CoreService.class, onos.coreService());
        services.put(DeviceService.class, onos.deviceService());
        services.put(LinkService.class, onos.linkService());
        services.put(HostService.class, onos.hostService());
        services.put(NetworkConfigService.class, onos.networkConfig());
        services.put(NetworkConfigRegistry.class, onos.networkConfig());
        services.put(FlowRuleService.class, onos.flowRuleService());
        services.put(GroupService.class, onos.groupService());
        services.put(StorageService.class, onos.storageService());
        services.put(ComponentConfigService.class, onos.componentConfigService());
        services.put(PiPipeconfService.class, onos.pipeconfService());
        services.put(MastershipService.class, onos.mastership().viewOf(nodeId));
        services.put(ClusterService.class, new EmbeddedCluster(nodeId, onos.mastership()));
        this.packets = new EmbeddedPacketService(nodeId, onos.clients(), interpreter(onos.pipeconf()),
                () -> onos.fabric().scheduler().now());
        services.put(PacketService.class, packets);
        MastershipService mastership = (MastershipService) services.get(MastershipService.class);
        Map<DeviceId, EmbeddedP4RuntimeClient> p4runtimeClients = new LinkedHashMap<>();
        onos.clients().forEach((deviceId, client) -> p4runtimeClients.put(deviceId, new EmbeddedP4RuntimeClient(
                client, onos.pipeconf(), () -> onos.deviceService().isAvailable(deviceId),
                () -> mastership.isLocalMaster(deviceId))));
        services.put(P4RuntimeController.class, new EmbeddedP4RuntimeController(p4runtimeClients));
    }

    private PiPipelineInterpreter interpreter(PiPipeconf pipeconf) {
        Class<?> implementation = pipeconf.implementation(PiPipelineInterpreter.class).orElseThrow(() ->
                new IllegalArgumentException("pipeconf " + pipeconf.id() + " has no PiPipelineInterpreter"));
        Object interpreter;
        try {
            interpreter = implementation.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot create interpreter " + implementation.getName() + ": " + e, e);
        }
        if (interpreter instanceof AbstractHandlerBehaviour) {
            ((AbstractHandlerBehaviour) interpreter).setHandler(new ServiceDriverHandler(services));
        }
        return (PiPipelineInterpreter) interpreter;
    }

    public NodeId nodeId() {
        return nodeId;
    }

    /** The instance's implementation of {@code serviceInterface}. */
    public <T> T service(Class<T> serviceInterface) {
        Object service = services.get(serviceInterface);
        if (service == null) {
            throw new IllegalArgumentException("the embedded runtime offers no " + serviceInterface.getName()
                    + "; it offers " + services.keySet());
        }
        return serviceInterface.cast(service);
    }

    EmbeddedPacketService packetService() {
        return packets;
    }

    /** The service interfaces this instance offers to components. */
    public List<Class<?>> offeredServices() {
        return List.copyOf(services.keySet());
    }

    /**
     * Injects the services into {@code component}'s fields typed with an offered service interface
     * (fields already set are left alone), then calls its {@code activate()} or
     * {@code activate(ComponentContext)} (given empty properties). Returns the component.
     */
    public <C> C activate(C component) {
        for (Class<?> type = component.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                Object service = services.get(field.getType());
                if (service == null || Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    if (field.get(component) == null) {
                        field.set(component, service);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot set field " + type.getName() + "." + field.getName(), e);
                }
            }
        }
        invokeLifecycle(component, "activate", Map.of());
        active.add(component);
        return component;
    }

    /**
     * Gives an active component new component properties, as ONOS's {@code cfg set} does: calls
     * its {@code modified(ComponentContext)} with a context whose {@code getProperties()} holds
     * {@code properties}. The component validates them itself.
     */
    public void modify(Object component, Map<String, ?> properties) {
        if (!active.contains(component)) {
            throw new IllegalArgumentException(component + " is not active on " + nodeId);
        }
        Method method = lifecycleMethod(component.getClass(), "modified");
        if (method == null || method.getParameterCount() != 1) {
            throw new IllegalArgumentException(component.getClass().getName()
                    + " has no modified(ComponentContext) method to take properties");
        }
        invokeLifecycle(component, "modified", properties);
    }

    /** Calls the component's {@code deactivate} method, if it has one. */
    public void deactivate(Object component) {
        if (!active.remove(component)) {
            throw new IllegalArgumentException(component + " is not active on " + nodeId);
        }
        invokeLifecycle(component, "deactivate", Map.of());
    }

    /** Deactivates every active component, last activated first. */
    public void shutdown() {
        List<Object> reversed = new ArrayList<>(active);
        Collections.reverse(reversed);
        reversed.forEach(this::deactivate);
    }

    private static void invokeLifecycle(Object component, String name, Map<String, ?> properties) {
        Method method = lifecycleMethod(component.getClass(), name);
        if (method == null) {
            return;
        }
        Object[] args = new Object[method.getParameterCount()];
        if (args.length == 1) {
            args[0] = context(method.getParameterTypes()[0], properties);
        }
        try {
            method.setAccessible(true);
            method.invoke(component, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException(component.getClass().getName() + "." + name + " failed", cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + component.getClass().getName() + "." + name, e);
        }
    }

    private static Method lifecycleMethod(Class<?> type, String name) {
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.getName().equals(name) && method.getParameterCount() <= 1
                        && (method.getParameterCount() == 0 || method.getParameterTypes()[0].isInterface())) {
                    return method;
                }
            }
        }
        return null;
    }

    /** A component context (any interface) whose {@code getProperties()} holds {@code properties}; other calls answer null. */
    private static Object context(Class<?> contextType, Map<String, ?> properties) {
        Hashtable<String, Object> dictionary = new Hashtable<>(properties);
        return Proxy.newProxyInstance(contextType.getClassLoader(), new Class<?>[] {contextType},
                (proxy, method, args) -> {
                    if (method.getName().equals("getProperties")) {
                        return dictionary;
                    }
                    if (method.getName().equals("toString")) {
                        return "component context " + dictionary;
                    }
                    return null;
                });
    }
}
