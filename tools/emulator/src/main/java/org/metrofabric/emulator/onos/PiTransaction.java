package org.metrofabric.emulator.onos;

import java.util.ArrayList;
import java.util.List;

/**
 * An ordered list of PI writes, each with the write that undoes it, applied all-or-nothing: if a
 * switch rejects one, the writes already applied are undone in reverse order and the rejection is
 * rethrown. Consecutive writes to one device go out as one batch.
 */
final class PiTransaction {
    private record Step(PiDeviceClient client, PiUpdate update, PiUpdate undo) { }

    private final List<Step> steps = new ArrayList<>();

    /** Adds a write; {@code undo} is null when nothing needs undoing. */
    void add(PiDeviceClient client, PiUpdate update, PiUpdate undo) {
        steps.add(new Step(client, update, undo));
    }

    void commit() {
        int applied = 0;
        try {
            int start = 0;
            while (start < steps.size()) {
                PiDeviceClient client = steps.get(start).client();
                int end = start;
                List<PiUpdate> batch = new ArrayList<>();
                while (end < steps.size() && steps.get(end).client() == client) {
                    batch.add(steps.get(end).update());
                    end++;
                }
                try {
                    client.write(batch);
                } catch (PiWriteException e) {
                    applied = start + e.failedIndex();
                    throw e;
                }
                start = end;
                applied = end;
            }
        } catch (PiWriteException e) {
            rollBack(applied, e);
            throw e;
        }
    }

    /** Undoes the first {@code applied} steps; an undo the switch rejects is recorded on {@code cause}. */
    private void rollBack(int applied, PiWriteException cause) {
        for (int i = applied - 1; i >= 0; i--) {
            Step step = steps.get(i);
            if (step.undo() != null) {
                try {
                    step.client().write(List.of(step.undo()));
                } catch (PiWriteException undoFailed) {
                    cause.addSuppressed(undoFailed);
                }
            }
        }
    }
}
