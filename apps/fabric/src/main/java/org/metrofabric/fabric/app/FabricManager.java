package org.metrofabric.fabric.app;

import static org.metrofabric.fabric.app.OsgiPropertyConstants.SWITCHING_LATENCY_NANOS;
import static org.metrofabric.fabric.app.OsgiPropertyConstants.SWITCHING_LATENCY_NANOS_DEFAULT;
import static org.onlab.util.Tools.groupedThreads;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.metrofabric.fabric.api.FabricAdminService;
import org.metrofabric.fabric.api.FabricDevice;
import org.metrofabric.fabric.api.FabricEvent;
import org.metrofabric.fabric.api.FabricListener;
import org.metrofabric.fabric.api.FabricLink;
import org.metrofabric.fabric.api.FabricService;
import org.metrofabric.fabric.api.FabricSnapshot;
import org.metrofabric.fabric.api.FabricView;
import org.metrofabric.fabric.api.IntentRejectedException;
import org.metrofabric.fabric.api.IntentState;
import org.metrofabric.fabric.api.IntentStatus;
import org.metrofabric.fabric.api.LinkStatus;
import org.metrofabric.fabric.api.PathIntent;
import org.metrofabric.fabric.app.config.MetroDeviceConfig;
import org.metrofabric.fabric.app.neighbor.ArpResponder;
import org.metrofabric.fabric.app.planner.PathDecision;
import org.metrofabric.fabric.app.planner.PathPlan;
import org.metrofabric.fabric.app.planner.PathPlanner;
import org.metrofabric.fabric.app.planner.Rejection;
import org.metrofabric.fabric.app.planner.RoutingPlan;
import org.metrofabric.fabric.app.planner.RoutingPlanner;
import org.metrofabric.fabric.app.programmer.FabricProgrammer;
import org.metrofabric.fabric.app.programmer.FlowRulePlan;
import org.metrofabric.fabric.app.store.DistributedFabricStore;
import org.metrofabric.fabric.app.store.IntentStatuses;
import org.metrofabric.fabric.app.topology.FabricSnapshotAssembler;
import org.metrofabric.fabric.app.topology.SnapshotAssembly;
import org.onlab.util.Tools;
import org.onosproject.cfg.ComponentConfigService;
import org.onosproject.core.ApplicationId;
import org.onosproject.core.CoreService;
import org.onosproject.event.ListenerRegistry;
import org.onosproject.mastership.MastershipEvent;
import org.onosproject.mastership.MastershipListener;
import org.onosproject.mastership.MastershipService;
import org.onosproject.net.DeviceId;
import org.onosproject.net.config.ConfigFactory;
import org.onosproject.net.config.NetworkConfigEvent;
import org.onosproject.net.config.NetworkConfigListener;
import org.onosproject.net.config.NetworkConfigRegistry;
import org.onosproject.net.config.NetworkConfigService;
import org.onosproject.net.config.basics.BasicLinkConfig;
import org.onosproject.net.config.basics.SubjectFactories;
import org.onosproject.net.device.DeviceEvent;
import org.onosproject.net.device.DeviceListener;
import org.onosproject.net.device.DeviceService;
import org.onosproject.net.flow.FlowRuleService;
import org.onosproject.net.group.GroupService;
import org.onosproject.net.host.HostEvent;
import org.onosproject.net.host.HostListener;
import org.onosproject.net.host.HostService;
import org.onosproject.net.link.LinkListener;
import org.onosproject.net.link.LinkService;
import org.onosproject.net.packet.PacketService;
import org.onosproject.store.service.StorageService;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fabric app. Every topology, config or mastership change, and every intent change in the
 * cluster store, queues one reconcile on a single named thread: snapshot from ONOS, routes and
 * intent placements from the pure planners, intent states back to the store, then the
 * programmer writes what differs on the switches this instance masters. Listeners only queue.
 * Its {@link ArpResponder} answers the hosts' ARP requests that reach this instance. Component
 * property {@value OsgiPropertyConstants#SWITCHING_LATENCY_NANOS} sets the planner's per-switch
 * latency; a change re-plans every intent.
 */
@Component(immediate = true, service = {FabricService.class, FabricAdminService.class},
        property = {
            SWITCHING_LATENCY_NANOS + ":Long=" + SWITCHING_LATENCY_NANOS_DEFAULT,
        })
public class FabricManager implements FabricAdminService {
    public static final String APP_NAME = "org.metrofabric.fabric";
    /** How long an operator call waits for the fabric thread before giving up. */
    private static final long CALL_TIMEOUT_SECONDS = 30;

    private final Logger log = LoggerFactory.getLogger(getClass());

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected CoreService coreService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected DeviceService deviceService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected LinkService linkService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected HostService hostService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected NetworkConfigRegistry configRegistry;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected NetworkConfigService configService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected FlowRuleService flowRuleService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected GroupService groupService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected MastershipService mastershipService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected StorageService storageService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected PacketService packetService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected ComponentConfigService componentConfigService;

    private final ConfigFactory<DeviceId, MetroDeviceConfig> configFactory = new ConfigFactory<>(
            SubjectFactories.DEVICE_SUBJECT_FACTORY, MetroDeviceConfig.class, MetroDeviceConfig.KEY) {
        @Override
        public MetroDeviceConfig createConfig() {
            return new MetroDeviceConfig();
        }
    };

    private final DeviceListener deviceListener = new InternalDeviceListener();
    private final LinkListener linkListener = event -> scheduleReconcile();
    private final HostListener hostListener = new InternalHostListener();
    private final NetworkConfigListener configListener = new InternalConfigListener();
    private final MastershipListener mastershipListener = new InternalMastershipListener();
    private final AtomicBoolean reconcileQueued = new AtomicBoolean();
    private final ListenerRegistry<FabricEvent, FabricListener> listeners = new ListenerRegistry<>();

    private final RoutingPlanner routingPlanner = new RoutingPlanner();
    /** Forwarding latency the path planner adds for each switch on a path, in ns (>= 0). */
    private volatile long switchingLatencyNanos = SWITCHING_LATENCY_NANOS_DEFAULT;

    private ApplicationId appId;
    private ExecutorService executor;
    private DistributedFabricStore store;
    private FabricProgrammer programmer;
    private ArpResponder arpResponder;

    @Activate
    protected void activate(ComponentContext context) {
        componentConfigService.registerProperties(getClass());
        readProperties(context);
        appId = coreService.registerApplication(APP_NAME);
        configRegistry.registerConfigFactory(configFactory);
        executor = Executors.newSingleThreadExecutor(groupedThreads("metrofabric", "fabric-%d", log));
        programmer = new FabricProgrammer(appId, flowRuleService, groupService, mastershipService, deviceService);
        store = new DistributedFabricStore(storageService);
        store.setDelegate(this::storeChanged);
        deviceService.addListener(deviceListener);
        linkService.addListener(linkListener);
        hostService.addListener(hostListener);
        configService.addListener(configListener);
        mastershipService.addListener(mastershipListener);
        arpResponder = new ArpResponder(appId, packetService, configService, hostService, mastershipService);
        arpResponder.start();
        scheduleReconcile();
        log.info("Started {}", appId.name());
    }

    @Deactivate
    protected void deactivate() {
        arpResponder.stop();
        mastershipService.removeListener(mastershipListener);
        configService.removeListener(configListener);
        hostService.removeListener(hostListener);
        linkService.removeListener(linkListener);
        deviceService.removeListener(deviceListener);
        store.close();
        executor.shutdown();
        configRegistry.unregisterConfigFactory(configFactory);
        componentConfigService.unregisterProperties(getClass(), false);
        // Flow rules and groups stay: another instance (or this one, restarted) keeps using them.
        log.info("Stopped");
    }

    /**
     * Takes the component properties; a changed switching latency re-plans every intent (an
     * intent may now miss its latency budget, or fit again).
     */
    @Modified
    protected void modified(ComponentContext context) {
        if (readProperties(context)) {
            scheduleReconcile();
        }
    }

    /**
     * Reads {@value OsgiPropertyConstants#SWITCHING_LATENCY_NANOS}; an absent property keeps the
     * value in force, a bad one is logged and refused.
     *
     * @return whether the latency changed
     */
    private boolean readProperties(ComponentContext context) {
        Dictionary<?, ?> properties = context == null ? null : context.getProperties();
        String value = properties == null ? null : Tools.get(properties, SWITCHING_LATENCY_NANOS);
        if (value == null) {
            return false;
        }
        long nanos;
        try {
            nanos = Long.parseLong(value);
        } catch (NumberFormatException e) {
            nanos = -1;
        }
        long current = switchingLatencyNanos;
        if (nanos < 0) {
            log.warn("{}: \"{}\" is not a whole number of nanoseconds >= 0; keeping {}",
                    SWITCHING_LATENCY_NANOS, value, current);
            return false;
        }
        if (nanos == current) {
            return false;
        }
        switchingLatencyNanos = nanos;
        log.info("{} set to {} ns (was {}); re-planning every intent", SWITCHING_LATENCY_NANOS, nanos, current);
        return true;
    }

    /** The per-switch latency the planner uses now, in ns. */
    public long switchingLatencyNanos() {
        return switchingLatencyNanos;
    }

    @Override
    public List<IntentStatus> intents() {
        List<IntentStatus> statuses = new ArrayList<>();
        for (PathDecision decision : store.decisions()) {
            statuses.add(status(decision));
        }
        return statuses;
    }

    @Override
    public Optional<IntentStatus> intent(String name) {
        PathDecision decision = store.decision(name);
        return decision == null ? Optional.empty() : Optional.of(status(decision));
    }

    @Override
    public FabricView fabric() {
        SnapshotAssembly assembly = assemble();
        FabricSnapshot snapshot = assembly.snapshot();
        PathPlan plan = PathPlan.of(store.decisions());
        List<FabricDevice> devices = new ArrayList<>(snapshot.spines());
        devices.addAll(snapshot.leaves());
        List<LinkStatus> links = new ArrayList<>();
        for (FabricLink link : snapshot.links()) {
            links.add(new LinkStatus(link, plan.reservedMbps(link.id())));
        }
        return new FabricView(devices, links, snapshot.hosts(), assembly.problems());
    }

    @Override
    public IntentStatus addIntent(PathIntent intent) {
        return onFabricThread(() -> admit(intent));
    }

    @Override
    public boolean removeIntent(String name) {
        return onFabricThread(() -> {
            boolean removed = store.remove(name);
            if (removed) {
                reconcile();
            }
            return removed;
        });
    }

    /**
     * Waits until the work queued so far on this instance's fabric thread is done. For runtimes
     * that embed the component (the emulator, tests) and need the fabric quiet before going on;
     * the re-plans one instance's store writes queue on other instances need their own call.
     */
    public void awaitQueuedWork() {
        onFabricThread(() -> null);
    }

    private IntentStatus admit(PathIntent intent) {
        String name = intent.name();
        if (store.decision(name) != null) {
            throw nameTaken(name);
        }
        FabricSnapshot snapshot = assemble().snapshot();
        List<PathDecision> stored = store.decisions();
        PathPlanner planner = pathPlanner();
        PathPlan current = planner.plan(snapshot, intentsOf(stored), PathPlan.of(stored));
        PathDecision decision = planner.admit(snapshot, current, intent).decision(name);
        if (decision.state() == IntentState.REJECTED) {
            Rejection reason = decision.reason();
            throw new IntentRejectedException(name, reason.constraint().name(), reason.amount(), reason.message());
        }
        if (!store.add(decision)) {
            throw nameTaken(name);
        }
        reconcile();
        PathDecision now = store.decision(name);
        return status(now != null ? now : decision);
    }

    private static IntentRejectedException nameTaken(String name) {
        return new IntentRejectedException(name, IntentRejectedException.NAME_TAKEN, 0,
                "an intent named " + name + " already exists");
    }

    private void scheduleReconcile() {
        if (reconcileQueued.compareAndSet(false, true)) {
            executor.execute(() -> {
                reconcileQueued.set(false);
                try {
                    reconcile();
                } catch (RuntimeException e) {
                    log.error("Fabric reconcile failed; the next change retries it", e);
                }
            });
        }
    }

    /** Runs on the fabric thread only. */
    private void reconcile() {
        SnapshotAssembly assembly = assemble();
        FabricSnapshot snapshot = assembly.snapshot();
        RoutingPlan routing = routingPlanner.plan(snapshot);
        List<PathDecision> stored = store.decisions();
        PathPlan plan = pathPlanner().plan(snapshot, intentsOf(stored), PathPlan.of(stored));
        store.update(plan.decisions().values());
        programmer.program(FlowRulePlan.of(appId, routing, plan.pins(snapshot)))
                .forEach((device, diff) -> log.debug("Programmed {}: {}", device, diff));
    }

    /** A planner for one planning run, with the switching latency in force when it starts. */
    private PathPlanner pathPlanner() {
        return new PathPlanner(switchingLatencyNanos);
    }

    private SnapshotAssembly assemble() {
        Map<DeviceId, MetroDeviceConfig> configs = new HashMap<>();
        for (DeviceId device : configService.getSubjects(DeviceId.class, MetroDeviceConfig.class)) {
            MetroDeviceConfig config = configService.getConfig(device, MetroDeviceConfig.class);
            if (config != null) {
                configs.put(device, config);
            }
        }
        return FabricSnapshotAssembler.assemble(configs, deviceService::isAvailable, linkService.getLinks(),
                key -> configService.getConfig(key, BasicLinkConfig.class), hostService.getHosts());
    }

    private static List<PathIntent> intentsOf(List<PathDecision> decisions) {
        List<PathIntent> intents = new ArrayList<>(decisions.size());
        decisions.forEach(d -> intents.add(d.intent()));
        return intents;
    }

    private static IntentStatus status(PathDecision decision) {
        return IntentStatuses.of(decision);
    }

    @Override
    public void addListener(FabricListener listener) {
        listeners.addListener(listener);
    }

    @Override
    public void removeListener(FabricListener listener) {
        listeners.removeListener(listener);
    }

    /** Posts store changes to this instance's listeners, then re-plans: every change may move pins. */
    private void storeChanged(FabricEvent event) {
        listeners.process(event);
        scheduleReconcile();
    }

    private <T> T onFabricThread(Callable<T> work) {
        Future<T> result = executor.submit(work);
        try {
            return result.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            result.cancel(false);
            throw new IllegalStateException("the fabric did not answer within " + CALL_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the fabric", e);
        }
    }

    private class InternalDeviceListener implements DeviceListener {
        @Override
        public boolean isRelevant(DeviceEvent event) {
            switch (event.type()) {
                case DEVICE_ADDED:
                case DEVICE_REMOVED:
                case DEVICE_AVAILABILITY_CHANGED:
                    return true;
                default:
                    return false;
            }
        }

        @Override
        public void event(DeviceEvent event) {
            scheduleReconcile();
        }
    }

    private class InternalHostListener implements HostListener {
        @Override
        public void event(HostEvent event) {
            scheduleReconcile();
        }
    }

    private class InternalConfigListener implements NetworkConfigListener {
        @Override
        public boolean isRelevant(NetworkConfigEvent event) {
            return event.configClass() == MetroDeviceConfig.class || event.configClass() == BasicLinkConfig.class;
        }

        @Override
        public void event(NetworkConfigEvent event) {
            scheduleReconcile();
        }
    }

    private class InternalMastershipListener implements MastershipListener {
        @Override
        public boolean isRelevant(MastershipEvent event) {
            return event.type() == MastershipEvent.Type.MASTER_CHANGED;
        }

        @Override
        public void event(MastershipEvent event) {
            scheduleReconcile();
        }
    }
}
