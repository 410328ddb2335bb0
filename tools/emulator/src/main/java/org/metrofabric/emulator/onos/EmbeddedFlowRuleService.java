package org.metrofabric.emulator.onos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onosproject.core.ApplicationId;
import org.onosproject.net.DeviceId;
import org.onosproject.net.flow.DefaultFlowEntry;
import org.onosproject.net.flow.FlowEntry;
import org.onosproject.net.flow.FlowId;
import org.onosproject.net.flow.FlowRule;
import org.onosproject.net.flow.FlowRuleEvent;
import org.onosproject.net.flow.FlowRuleListener;
import org.onosproject.net.flow.FlowRuleOperation;
import org.onosproject.net.flow.FlowRuleOperations;
import org.onosproject.net.flow.FlowRuleServiceAdapter;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiCounterCellData;
import org.onosproject.net.pi.runtime.PiMatchKey;
import org.onosproject.net.pi.runtime.PiTableEntry;

/**
 * FlowRuleService over PI devices. Each call is one all-or-nothing transaction: every rule is
 * translated first ({@link PiTranslationException}: nothing written), then the table entries are
 * written in order (a rule for an existing match key is a MODIFY, the default entry is always
 * modified); if a switch rejects one, the ones already written are undone and
 * {@link PiWriteException} is thrown. {@code apply(ops)} also reports to the operations' context.
 * Flow entries carry the packets and bytes of the table's direct counter, read from the switch.
 */
public final class EmbeddedFlowRuleService extends FlowRuleServiceAdapter {
    private record EntryKey(PiTableId table, PiMatchKey match, int priority) {
        static EntryKey of(PiTableEntry entry) {
            return new EntryKey(entry.table(), entry.matchKey(), entry.priority().orElse(0));
        }
    }

    private record Installed(FlowRule rule, PiTableEntry entry) { }

    /** One device's installed rules, by entry key and by rule id. */
    private static final class DeviceFlows {
        final Map<EntryKey, Installed> byKey = new LinkedHashMap<>();
        final Map<FlowId, EntryKey> byId = new HashMap<>();
    }

    /**
     * Changes to the installed state made while planning a transaction, with what they replaced,
     * so a rejected transaction puts everything back (no copy of the whole state per call).
     */
    private static final class Journal {
        private record Change(DeviceFlows flows, EntryKey key, Installed previous) { }

        private final List<Change> changes = new ArrayList<>();

        Installed put(DeviceFlows flows, EntryKey key, Installed value) {
            Installed previous = flows.byKey.put(key, value);
            changes.add(new Change(flows, key, previous));
            if (previous != null) {
                flows.byId.remove(previous.rule().id());
            }
            flows.byId.put(value.rule().id(), key);
            return previous;
        }

        Installed remove(DeviceFlows flows, EntryKey key) {
            Installed previous = flows.byKey.remove(key);
            changes.add(new Change(flows, key, previous));
            if (previous != null) {
                flows.byId.remove(previous.rule().id());
            }
            return previous;
        }

        void undo() {
            for (int i = changes.size() - 1; i >= 0; i--) {
                Change change = changes.get(i);
                Installed current = change.flows().byKey.remove(change.key());
                if (current != null) {
                    change.flows().byId.remove(current.rule().id());
                }
                if (change.previous() != null) {
                    change.flows().byKey.put(change.key(), change.previous());
                    change.flows().byId.put(change.previous().rule().id(), change.key());
                }
            }
        }
    }

    private final Map<DeviceId, PiDeviceClient> clients;
    private final FlowRuleTranslator translator;
    private final Map<DeviceId, DeviceFlows> installed = new HashMap<>();
    private final StrictListenerRegistry<FlowRuleEvent, FlowRuleListener> listeners = new StrictListenerRegistry<>();

    public EmbeddedFlowRuleService(Map<DeviceId, PiDeviceClient> clients, FlowRuleTranslator translator) {
        this.clients = clients;
        this.translator = translator;
    }

    @Override
    public void applyFlowRules(FlowRule... flowRules) {
        FlowRuleOperations.Builder ops = FlowRuleOperations.builder();
        for (FlowRule rule : flowRules) {
            ops.add(rule);
        }
        apply(ops.build());
    }

    @Override
    public void removeFlowRules(FlowRule... flowRules) {
        FlowRuleOperations.Builder ops = FlowRuleOperations.builder();
        for (FlowRule rule : flowRules) {
            ops.remove(rule);
        }
        apply(ops.build());
    }

    @Override
    public void apply(FlowRuleOperations ops) {
        try {
            applyAll(ops);
        } catch (PiTranslationException | PiWriteException e) {
            ops.callback().onError(ops);
            throw e;
        }
        ops.callback().onSuccess(ops);
    }

    private synchronized void applyAll(FlowRuleOperations ops) {
        Journal journal = new Journal();
        PiTransaction transaction = new PiTransaction();
        List<FlowRuleEvent> events = new ArrayList<>();
        try {
            for (Set<FlowRuleOperation> stage : ops.stages()) {
                for (FlowRuleOperation op : stage) {
                    FlowRule rule = op.rule();
                    PiDeviceClient client = client(rule.deviceId());
                    DeviceFlows flows = installed.computeIfAbsent(rule.deviceId(), device -> new DeviceFlows());
                    if (op.type() == FlowRuleOperation.Type.REMOVE) {
                        plan(remove(rule, flows, journal, client, transaction), events);
                    } else {
                        plan(add(rule, flows, journal, client, transaction), events);
                    }
                }
            }
            transaction.commit();
        } catch (RuntimeException e) {
            journal.undo();
            throw e;
        }
        events.forEach(listeners::process);
    }

    private static void plan(FlowRuleEvent event, List<FlowRuleEvent> events) {
        if (event != null) {
            events.add(event);
        }
    }

    private FlowRuleEvent add(FlowRule rule, DeviceFlows flows, Journal journal, PiDeviceClient client,
                              PiTransaction transaction) {
        PiTableEntry entry = translator.translate(rule);
        EntryKey key = EntryKey.of(entry);
        Installed previous = journal.put(flows, key, new Installed(rule, entry));
        if (entry.isDefaultAction()) {
            transaction.add(client, PiUpdate.modify(entry),
                    PiUpdate.modify(previous != null ? previous.entry() : resetDefault(entry.table())));
            return new FlowRuleEvent(previous == null ? FlowRuleEvent.Type.RULE_ADDED
                    : FlowRuleEvent.Type.RULE_UPDATED, rule);
        }
        if (previous == null) {
            transaction.add(client, PiUpdate.insert(entry), PiUpdate.delete(entry));
            return new FlowRuleEvent(FlowRuleEvent.Type.RULE_ADDED, rule);
        }
        if (!previous.entry().action().equals(entry.action())) {
            transaction.add(client, PiUpdate.modify(entry), PiUpdate.modify(previous.entry()));
        }
        return new FlowRuleEvent(FlowRuleEvent.Type.RULE_UPDATED, rule);
    }

    private FlowRuleEvent remove(FlowRule rule, DeviceFlows flows, Journal journal, PiDeviceClient client,
                                 PiTransaction transaction) {
        EntryKey key = flows.byId.get(rule.id());
        if (key == null) {
            return null;
        }
        Installed previous = journal.remove(flows, key);
        if (previous.entry().isDefaultAction()) {
            transaction.add(client, PiUpdate.modify(resetDefault(key.table())), PiUpdate.modify(previous.entry()));
        } else {
            transaction.add(client, PiUpdate.delete(previous.entry()), PiUpdate.insert(previous.entry()));
        }
        return new FlowRuleEvent(FlowRuleEvent.Type.RULE_REMOVED, previous.rule());
    }

    /** A default-entry write without an action: the switch restores the program's default. */
    private static PiTableEntry resetDefault(PiTableId table) {
        return PiTableEntry.builder().forTable(table).withMatchKey(PiMatchKey.EMPTY).build();
    }

    private PiDeviceClient client(DeviceId deviceId) {
        PiDeviceClient client = clients.get(deviceId);
        if (client == null) {
            throw new PiTranslationException("no device " + deviceId + " to write flow rules to");
        }
        return client;
    }

    @Override
    public synchronized int getFlowRuleCount() {
        return installed.values().stream().mapToInt(flows -> flows.byKey.size()).sum();
    }

    @Override
    public synchronized Iterable<FlowEntry> getFlowEntries(DeviceId deviceId) {
        DeviceFlows flows = installed.get(deviceId);
        Map<EntryKey, Installed> entries = flows == null ? Map.of() : flows.byKey;
        Map<PiTableId, Map<EntryKey, PiCounterCellData>> counters = new HashMap<>();
        List<FlowEntry> result = new ArrayList<>();
        for (Map.Entry<EntryKey, Installed> e : entries.entrySet()) {
            PiCounterCellData data = counters.computeIfAbsent(e.getKey().table(),
                    table -> readCounters(deviceId, table)).get(e.getKey());
            long packets = data == null ? 0 : data.packets();
            long bytes = data == null ? 0 : data.bytes();
            result.add(new DefaultFlowEntry(e.getValue().rule(), FlowEntry.FlowEntryState.ADDED, 0, packets, bytes));
        }
        return result;
    }

    private Map<EntryKey, PiCounterCellData> readCounters(DeviceId deviceId, PiTableId table) {
        Map<EntryKey, PiCounterCellData> result = new HashMap<>();
        for (PiTableEntry entry : client(deviceId).readTable(table)) {
            if (entry.counter() != null) {
                result.put(EntryKey.of(entry), entry.counter());
            }
        }
        return result;
    }

    @Override
    public synchronized FlowEntry getFlowEntry(FlowRule rule) {
        for (FlowEntry entry : getFlowEntries(rule.deviceId())) {
            if (entry.id().equals(rule.id())) {
                return entry;
            }
        }
        return null;
    }

    @Override
    public synchronized Iterable<FlowEntry> getFlowEntriesById(ApplicationId appId) {
        List<FlowEntry> result = new ArrayList<>();
        for (DeviceId device : installed.keySet()) {
            for (FlowEntry entry : getFlowEntries(device)) {
                if (entry.appId() == appId.id()) {
                    result.add(entry);
                }
            }
        }
        return result;
    }

    @Override
    public void removeFlowRulesById(ApplicationId appId) {
        List<FlowRule> rules = new ArrayList<>();
        synchronized (this) {
            installed.values().forEach(flows -> flows.byKey.values().stream()
                    .filter(i -> i.rule().appId() == appId.id()).forEach(i -> rules.add(i.rule())));
        }
        removeFlowRules(rules.toArray(FlowRule[]::new));
    }

    @Override
    public void purgeFlowRules(DeviceId deviceId) {
        List<FlowRule> rules = new ArrayList<>();
        synchronized (this) {
            DeviceFlows flows = installed.get(deviceId);
            if (flows != null) {
                flows.byKey.values().forEach(i -> rules.add(i.rule()));
            }
        }
        removeFlowRules(rules.toArray(FlowRule[]::new));
    }

    @Override
    public void addListener(FlowRuleListener listener) {
        listeners.addListener(listener);
    }

    @Override
    public void removeListener(FlowRuleListener listener) {
        listeners.removeListener(listener);
    }
}
