package org.metrofabric.fabric.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.metrofabric.fabric.api.FabricDevice;
import org.metrofabric.fabric.api.FabricHost;
import org.metrofabric.fabric.api.FabricView;
import org.metrofabric.fabric.api.IntentRejectedException;
import org.metrofabric.fabric.api.IntentStatus;
import org.metrofabric.fabric.api.LinkStatus;

/** The JSON shapes of the REST API. */
final class FabricJson {
    private FabricJson() {
    }

    static ObjectNode intent(ObjectMapper mapper, IntentStatus status) {
        ObjectNode node = mapper.createObjectNode()
                .put("name", status.name())
                .put("from", status.intent().user().toString())
                .put("to", status.intent().cloud().toString())
                .put("state", status.state().name());
        status.intent().latencyBudgetMicros().ifPresent(budget -> node.put("latencyUs", budget));
        node.put("bandwidthMbps", status.intent().bandwidthMbps());
        if (status.spine() != null) {
            node.put("spine", status.spine().toString())
                    .put("latencyNanos", status.latencyNanos())
                    .put("reservedMbps", status.reservedMbps());
        } else {
            node.put("reason", status.reason());
        }
        return node;
    }

    static ObjectNode fabric(ObjectMapper mapper, FabricView view) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode devices = root.putArray("devices");
        for (FabricDevice device : view.devices()) {
            ObjectNode node = devices.addObject().put("id", device.id().toString())
                    .put("role", device.role().configName()).put("up", device.isUp());
            if (device.leafKind() != null) {
                node.put("leafKind", device.leafKind().configName());
            }
        }
        ArrayNode links = root.putArray("links");
        for (LinkStatus link : view.links()) {
            links.addObject().put("spinePort", link.link().id().spinePort().toString())
                    .put("leafPort", link.link().id().leafPort().toString())
                    .put("up", link.link().isUp())
                    .put("capacityMbps", link.link().capacityMbps())
                    .put("latencyNanos", link.link().latencyNanos())
                    .put("reservedMbps", link.reservedMbps());
        }
        ArrayNode hosts = root.putArray("hosts");
        for (FabricHost host : view.hosts()) {
            hosts.addObject().put("name", host.name()).put("ip", host.ip().toString())
                    .put("location", host.location().toString());
        }
        ArrayNode problems = root.putArray("problems");
        view.problems().forEach(problems::add);
        return root;
    }

    static ObjectNode fieldError(ObjectMapper mapper, String field, String reason) {
        return mapper.createObjectNode().put("field", field).put("reason", reason);
    }

    static ObjectNode rejection(ObjectMapper mapper, IntentRejectedException e) {
        return mapper.createObjectNode().put("name", e.intentName()).put("constraint", e.constraint())
                .put("amount", e.amount()).put("reason", e.reason());
    }
}
