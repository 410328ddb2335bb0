package org.metrofabric.fabric.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.metrofabric.fabric.api.FabricDevice;
import org.metrofabric.fabric.api.FabricView;
import org.metrofabric.fabric.api.IntentStatus;
import org.metrofabric.fabric.api.LinkStatus;

/** The text the commands print: one line per intent, device or link, columns aligned. */
final class Tables {
    static final String INTENT_HEADER = String.format("%-16s %-9s %-16s %12s %14s  %s", "NAME", "STATE", "SPINE",
            "LATENCY(us)", "RESERVED(Mb/s)", "FROM -> TO / REASON");

    private Tables() {
    }

    static String intent(IntentStatus status) {
        String route = status.intent().user() + " -> " + status.intent().cloud();
        return String.format(Locale.ROOT, "%-16s %-9s %-16s %12s %14d  %s", status.name(), status.state(),
                status.spine() != null ? status.spine() : "-",
                status.spine() != null ? micros(status.latencyNanos()) : "-", status.reservedMbps(),
                status.reason() != null ? route + " (" + status.reason() + ")" : route);
    }

    static List<String> fabric(FabricView view) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-20s %-6s %-11s %s", "DEVICE", "ROLE", "LEAF KIND", "STATE"));
        for (FabricDevice device : view.devices()) {
            lines.add(String.format("%-20s %-6s %-11s %s", device.id(), device.role().configName(),
                    device.leafKind() != null ? device.leafKind().configName() : "-", device.isUp() ? "up" : "DOWN"));
        }
        lines.add("");
        lines.add(String.format("%-44s %-5s %12s %14s %12s %12s", "LINK (spine port - leaf port)", "STATE",
                "CAP(Mb/s)", "RESERVED(Mb/s)", "FREE(Mb/s)", "LATENCY(us)"));
        for (LinkStatus link : view.links()) {
            lines.add(String.format(Locale.ROOT, "%-44s %-5s %12d %14d %12d %12s", link.link().id(),
                    link.link().isUp() ? "up" : "DOWN", link.link().capacityMbps(), link.reservedMbps(),
                    link.freeMbps(), micros(link.link().latencyNanos())));
        }
        for (String problem : view.problems()) {
            lines.add("left out: " + problem);
        }
        return lines;
    }

    private static String micros(long nanos) {
        return nanos % 1_000 == 0 ? Long.toString(nanos / 1_000) : String.format(Locale.ROOT, "%.3f", nanos / 1_000.0);
    }
}
