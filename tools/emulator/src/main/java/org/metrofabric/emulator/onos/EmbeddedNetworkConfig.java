package org.metrofabric.emulator.onos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.DeviceId;
import org.onosproject.net.HostId;
import org.onosproject.net.LinkKey;
import org.onosproject.net.config.Config;
import org.onosproject.net.config.ConfigFactory;
import org.onosproject.net.config.NetworkConfigEvent;
import org.onosproject.net.config.NetworkConfigListener;
import org.onosproject.net.config.NetworkConfigRegistryAdapter;
import org.onosproject.net.config.SubjectFactory;
import org.onosproject.net.config.basics.BasicDeviceConfig;
import org.onosproject.net.config.basics.BasicHostConfig;
import org.onosproject.net.config.basics.BasicLinkConfig;
import org.onosproject.net.config.basics.InterfaceConfig;
import org.onosproject.net.config.basics.PortDescriptionsConfig;
import org.onosproject.net.config.basics.SubjectFactories;

/**
 * NetworkConfigService and NetworkConfigRegistry, cluster-wide. JSON is kept per
 * (subject class key, subject key, config key), as in a netcfg document; a config class becomes
 * available when an app registers its factory (CONFIG_REGISTERED, then CONFIG_ADDED for JSON that
 * was already there). The core's basic device, port, interface, link and host configs are
 * registered from the start. Applying JSON for a registered config checks {@code isValid()} first: an
 * invalid config is rejected with the netcfg path and nothing changes.
 */
public final class EmbeddedNetworkConfig extends NetworkConfigRegistryAdapter {
    private static final List<SubjectFactory<?>> CORE_SUBJECTS = List.of(SubjectFactories.APP_SUBJECT_FACTORY,
            SubjectFactories.DEVICE_SUBJECT_FACTORY, SubjectFactories.CONNECT_POINT_SUBJECT_FACTORY,
            SubjectFactories.HOST_SUBJECT_FACTORY, SubjectFactories.LINK_SUBJECT_FACTORY,
            SubjectFactories.REGION_SUBJECT_FACTORY);

    /** The configs ONOS's core registers itself (BasicNetworkConfigs): every app can read them. */
    private static final List<ConfigFactory<?, ?>> CORE_CONFIGS = List.of(
            new ConfigFactory<DeviceId, BasicDeviceConfig>(SubjectFactories.DEVICE_SUBJECT_FACTORY,
                    BasicDeviceConfig.class, "basic") {
                @Override
                public BasicDeviceConfig createConfig() {
                    return new BasicDeviceConfig();
                }
            },
            new ConfigFactory<DeviceId, PortDescriptionsConfig>(SubjectFactories.DEVICE_SUBJECT_FACTORY,
                    PortDescriptionsConfig.class, "ports") {
                @Override
                public PortDescriptionsConfig createConfig() {
                    return new PortDescriptionsConfig();
                }
            },
            new ConfigFactory<ConnectPoint, InterfaceConfig>(SubjectFactories.CONNECT_POINT_SUBJECT_FACTORY,
                    InterfaceConfig.class, "interfaces", true) {
                @Override
                public InterfaceConfig createConfig() {
                    return new InterfaceConfig();
                }
            },
            new ConfigFactory<LinkKey, BasicLinkConfig>(SubjectFactories.LINK_SUBJECT_FACTORY,
                    BasicLinkConfig.class, BasicLinkConfig.CONFIG_KEY) {
                @Override
                public BasicLinkConfig createConfig() {
                    return new BasicLinkConfig();
                }
            },
            new ConfigFactory<HostId, BasicHostConfig>(SubjectFactories.HOST_SUBJECT_FACTORY,
                    BasicHostConfig.class, "basic") {
                @Override
                public BasicHostConfig createConfig() {
                    return new BasicHostConfig();
                }
            });

    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<Class<?>, ConfigFactory> factories = new LinkedHashMap<>();
    private final Map<Class<?>, Integer> registrations = new LinkedHashMap<>();
    /** subject class key → subject key → config key → JSON. */
    private final Map<String, Map<String, Map<String, JsonNode>>> json = new LinkedHashMap<>();
    private final StrictListenerRegistry<NetworkConfigEvent, NetworkConfigListener> listeners =
            new StrictListenerRegistry<>();

    public EmbeddedNetworkConfig() {
        CORE_CONFIGS.forEach(this::registerConfigFactory);
    }

    /**
     * Applies a whole netcfg document ({@code {"devices": {"device:x": {"basic": {...}}}, ...}}),
     * such as the one tools/topology writes. Config keys without a factory are kept for later.
     * All or nothing: if any part is invalid, the error names it and nothing is applied.
     */
    public synchronized void applyNetcfg(JsonNode document) {
        if (!document.isObject()) {
            throw new IllegalArgumentException("netcfg: the document must be a JSON object");
        }
        record Part(String classKey, Object subject, String configKey, JsonNode node) { }
        List<Part> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> classes = document.fields(); classes.hasNext(); ) {
            Map.Entry<String, JsonNode> subjectClass = classes.next();
            SubjectFactory<?> subjectFactory = getSubjectFactory(subjectClass.getKey());
            if (subjectFactory == null) {
                throw new IllegalArgumentException("netcfg: unknown subject class '" + subjectClass.getKey() + "'");
            }
            for (Iterator<Map.Entry<String, JsonNode>> subjects = subjectClass.getValue().fields(); subjects.hasNext(); ) {
                Map.Entry<String, JsonNode> subject = subjects.next();
                Object subjectObject = createSubject(subjectFactory, subjectClass.getKey(), subject.getKey());
                for (Iterator<Map.Entry<String, JsonNode>> configs = subject.getValue().fields(); configs.hasNext(); ) {
                    Map.Entry<String, JsonNode> config = configs.next();
                    Part part = new Part(subjectClass.getKey(), subjectObject, config.getKey(), config.getValue());
                    factory(part.classKey(), part.configKey()).ifPresent(factory ->
                            validate(factory, part.subject(), part.node(),
                                    path(part.classKey(), subject.getKey(), part.configKey())));
                    parts.add(part);
                }
            }
        }
        parts.forEach(part -> applyConfig(part.classKey(), part.subject(), part.configKey(), part.node()));
    }

    private static String path(String subjectClassKey, String subjectKey, String configKey) {
        return "netcfg " + subjectClassKey + "/" + subjectKey + "/" + configKey;
    }

    /** Builds the config from {@code node} and checks {@code isValid()}; returns it. */
    private <S, C extends Config<S>> C validate(ConfigFactory factory, S subject, JsonNode node, String path) {
        C config = create(factory, subject, node);
        boolean valid;
        try {
            valid = config.isValid();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(path + " is invalid: " + e.getMessage(), e);
        }
        if (!valid) {
            throw new IllegalArgumentException(path + " is invalid: " + node);
        }
        return config;
    }

    private static Object createSubject(SubjectFactory<?> factory, String classKey, String key) {
        try {
            return factory.createSubject(key);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("netcfg " + classKey + "/" + key + ": not a valid subject: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void registerConfigFactory(ConfigFactory configFactory) {
        Class<?> configClass = configFactory.configClass();
        // Every instance of an app registers its factory; the config class stays until the last one leaves.
        if (registrations.merge(configClass, 1, Integer::sum) > 1) {
            return;
        }
        factories.put(configClass, configFactory);
        listeners.process(new NetworkConfigEvent(NetworkConfigEvent.Type.CONFIG_REGISTERED, configFactory.configKey(),
                configClass));
        SubjectFactory<?> subjectFactory = configFactory.subjectFactory();
        Map<String, Map<String, JsonNode>> subjects = json.getOrDefault(subjectFactory.subjectClassKey(), Map.of());
        for (Map.Entry<String, Map<String, JsonNode>> subject : subjects.entrySet()) {
            JsonNode node = subject.getValue().get(configFactory.configKey());
            if (node != null) {
                Object subjectObject = subjectFactory.createSubject(subject.getKey());
                Config<?> config = create(configFactory, subjectObject, node);
                listeners.process(new NetworkConfigEvent(NetworkConfigEvent.Type.CONFIG_ADDED, subjectObject, config,
                        null, configClass));
            }
        }
    }

    @Override
    public synchronized void unregisterConfigFactory(ConfigFactory configFactory) {
        Integer count = registrations.get(configFactory.configClass());
        if (count == null) {
            return;
        }
        if (count > 1) {
            registrations.put(configFactory.configClass(), count - 1);
            return;
        }
        registrations.remove(configFactory.configClass());
        if (factories.remove(configFactory.configClass()) != null) {
            listeners.process(new NetworkConfigEvent(NetworkConfigEvent.Type.CONFIG_UNREGISTERED,
                    configFactory.configKey(), configFactory.configClass()));
        }
    }

    @Override
    public synchronized Set<ConfigFactory> getConfigFactories() {
        return new LinkedHashSet<>(factories.values());
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <S, C extends Config<S>> Set<ConfigFactory<S, C>> getConfigFactories(Class<S> subjectClass) {
        Set<ConfigFactory<S, C>> result = new LinkedHashSet<>();
        for (ConfigFactory factory : factories.values()) {
            if (factory.subjectFactory().subjectClass().equals(subjectClass)) {
                result.add(factory);
            }
        }
        return result;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <S, C extends Config<S>> ConfigFactory<S, C> getConfigFactory(Class<C> configClass) {
        return factories.get(configClass);
    }

    @Override
    public synchronized Set<Class> getSubjectClasses() {
        Set<Class> result = new LinkedHashSet<>();
        factories.values().forEach(f -> result.add(f.subjectFactory().subjectClass()));
        return result;
    }

    @Override
    public synchronized SubjectFactory getSubjectFactory(String subjectClassKey) {
        for (SubjectFactory<?> factory : subjectFactories()) {
            if (factory.subjectClassKey().equals(subjectClassKey)) {
                return factory;
            }
        }
        return null;
    }

    @Override
    public synchronized SubjectFactory getSubjectFactory(Class subjectClass) {
        for (SubjectFactory<?> factory : subjectFactories()) {
            if (factory.subjectClass().equals(subjectClass)) {
                return factory;
            }
        }
        return null;
    }

    private List<SubjectFactory<?>> subjectFactories() {
        List<SubjectFactory<?>> all = new ArrayList<>(CORE_SUBJECTS);
        factories.values().forEach(f -> {
            if (!all.contains(f.subjectFactory())) {
                all.add(f.subjectFactory());
            }
        });
        return all;
    }

    @Override
    public synchronized Class<? extends Config> getConfigClass(String subjectClassKey, String configKey) {
        return factory(subjectClassKey, configKey).map(f -> (Class<? extends Config>) f.configClass()).orElse(null);
    }

    private java.util.Optional<ConfigFactory> factory(String subjectClassKey, String configKey) {
        return factories.values().stream()
                .filter(f -> f.subjectFactory().subjectClassKey().equals(subjectClassKey)
                        && f.configKey().equals(configKey))
                .findFirst();
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <S> Set<S> getSubjects(Class<S> subjectClass) {
        SubjectFactory<S> factory = getSubjectFactory(subjectClass);
        Set<S> result = new LinkedHashSet<>();
        if (factory != null) {
            json.getOrDefault(factory.subjectClassKey(), Map.of()).keySet()
                    .forEach(key -> result.add(factory.createSubject(key)));
        }
        return result;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <S, C extends Config<S>> Set<S> getSubjects(Class<S> subjectClass, Class<C> configClass) {
        ConfigFactory<S, C> factory = factories.get(configClass);
        Set<S> result = new LinkedHashSet<>();
        if (factory == null) {
            return result;
        }
        json.getOrDefault(factory.subjectFactory().subjectClassKey(), Map.of()).forEach((key, configs) -> {
            if (configs.containsKey(factory.configKey())) {
                result.add(factory.subjectFactory().createSubject(key));
            }
        });
        return result;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <S> Set<? extends Config<S>> getConfigs(S subject) {
        Set<Config<S>> result = new LinkedHashSet<>();
        for (ConfigFactory factory : factories.values()) {
            if (factory.subjectFactory().subjectClass().isInstance(subject)) {
                Config<S> config = getConfig(subject, (Class<Config<S>>) factory.configClass());
                if (config != null) {
                    result.add(config);
                }
            }
        }
        return result;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <S, C extends Config<S>> C getConfig(S subject, Class<C> configClass) {
        ConfigFactory<S, C> factory = factories.get(configClass);
        if (factory == null) {
            return null;
        }
        JsonNode node = stored(factory, subject).get(factory.configKey());
        return node == null ? null : create(factory, subject, node);
    }

    @Override
    public synchronized <S, C extends Config<S>> C addConfig(S subject, Class<C> configClass) {
        C existing = getConfig(subject, configClass);
        return existing != null ? existing : applyConfig(subject, configClass, mapper.createObjectNode());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, C extends Config<S>> C applyConfig(S subject, Class<C> configClass, JsonNode node) {
        ConfigFactory<S, C> factory;
        synchronized (this) {
            factory = factories.get(configClass);
        }
        if (factory == null) {
            throw new IllegalArgumentException("no config factory registered for " + configClass.getName());
        }
        return applyConfig(factory.subjectFactory().subjectClassKey(), subject, factory.configKey(), node);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <S, C extends Config<S>> C applyConfig(String subjectClassKey, S subject, String configKey,
                                                               JsonNode node) {
        ConfigFactory<S, C> factory = factory(subjectClassKey, configKey).orElse(null);
        String subjectKey = factory != null ? factory.subjectFactory().subjectKey(subject)
                : subjectKey(subjectClassKey, subject);
        if (factory == null) {
            configs(subjectClassKey, subjectKey).put(configKey, node.deepCopy());
            return null;
        }
        C config = validate(factory, subject, node, path(subjectClassKey, subjectKey, configKey));
        JsonNode previousNode = configs(subjectClassKey, subjectKey).put(configKey, node.deepCopy());
        C previous = previousNode == null ? null : create(factory, subject, previousNode);
        listeners.process(new NetworkConfigEvent(previous == null ? NetworkConfigEvent.Type.CONFIG_ADDED
                : NetworkConfigEvent.Type.CONFIG_UPDATED, subject, config, previous, factory.configClass()));
        return config;
    }

    @SuppressWarnings("unchecked")
    private String subjectKey(String subjectClassKey, Object subject) {
        SubjectFactory<Object> factory = getSubjectFactory(subjectClassKey);
        return factory != null ? factory.subjectKey(subject) : subject.toString();
    }

    private Map<String, JsonNode> configs(String subjectClassKey, String subjectKey) {
        return json.computeIfAbsent(subjectClassKey, k -> new LinkedHashMap<>())
                .computeIfAbsent(subjectKey, k -> new LinkedHashMap<>());
    }

    private <S> Map<String, JsonNode> stored(ConfigFactory<S, ?> factory, S subject) {
        return json.getOrDefault(factory.subjectFactory().subjectClassKey(), Map.of())
                .getOrDefault(factory.subjectFactory().subjectKey(subject), Map.of());
    }

    @SuppressWarnings("unchecked")
    private <S, C extends Config<S>> C create(ConfigFactory factory, S subject, JsonNode node) {
        C config = (C) factory.createConfig();
        config.init(subject, factory.configKey(), node.deepCopy(), mapper,
                applied -> applyConfig(subject, (Class<C>) factory.configClass(), applied.node()));
        return config;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, C extends Config<S>> void removeConfig(S subject, Class<C> configClass) {
        ConfigFactory<S, C> factory = factories.get(configClass);
        if (factory != null) {
            removeConfig(factory.subjectFactory().subjectClassKey(), subject, factory.configKey());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <S> void removeConfig(String subjectClassKey, S subject, String configKey) {
        String subjectKey = subjectKey(subjectClassKey, subject);
        Map<String, JsonNode> configs = json.getOrDefault(subjectClassKey, Map.of()).get(subjectKey);
        JsonNode removed = configs == null ? null : configs.remove(configKey);
        ConfigFactory factory = factory(subjectClassKey, configKey).orElse(null);
        if (removed != null && factory != null) {
            listeners.process(new NetworkConfigEvent(NetworkConfigEvent.Type.CONFIG_REMOVED, subject, null,
                    create(factory, subject, removed), factory.configClass()));
        }
    }

    @Override
    public synchronized <S> void removeConfig(S subject) {
        for (Map.Entry<String, Map<String, Map<String, JsonNode>>> subjectClass : json.entrySet()) {
            SubjectFactory<?> factory = getSubjectFactory(subjectClass.getKey());
            if (factory != null && factory.subjectClass().isInstance(subject)) {
                Map<String, JsonNode> configs = subjectClass.getValue().get(subjectKey(subjectClass.getKey(), subject));
                if (configs != null) {
                    for (String configKey : new ArrayList<>(configs.keySet())) {
                        removeConfig(subjectClass.getKey(), subject, configKey);
                    }
                }
            }
        }
    }

    @Override
    public synchronized <S> void removeConfig() {
        for (String subjectClassKey : new ArrayList<>(json.keySet())) {
            SubjectFactory<?> factory = getSubjectFactory(subjectClassKey);
            for (String subjectKey : new ArrayList<>(json.get(subjectClassKey).keySet())) {
                Object subject = factory != null ? factory.createSubject(subjectKey) : subjectKey;
                for (String configKey : new ArrayList<>(json.get(subjectClassKey).get(subjectKey).keySet())) {
                    removeConfig(subjectClassKey, subject, configKey);
                }
            }
        }
    }

    /** The raw JSON stored for one config, or null. */
    public synchronized JsonNode rawConfig(String subjectClassKey, String subjectKey, String configKey) {
        JsonNode node = json.getOrDefault(subjectClassKey, Map.of()).getOrDefault(subjectKey, Map.of()).get(configKey);
        return node == null ? null : node.deepCopy();
    }

    @Override
    public void addListener(NetworkConfigListener listener) {
        listeners.addListener(listener);
    }

    @Override
    public void removeListener(NetworkConfigListener listener) {
        listeners.removeListener(listener);
    }
}
