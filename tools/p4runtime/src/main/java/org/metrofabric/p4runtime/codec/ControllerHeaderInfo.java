package org.metrofabric.p4runtime.codec;

import p4.config.v1.P4InfoOuterClass.ControllerPacketMetadata;

import java.util.List;

/** A P4Info controller header ("packet_in" or "packet_out") with its metadata indexed. */
public final class ControllerHeaderInfo {

    private final ControllerPacketMetadata header;
    private final Catalog<ControllerPacketMetadata.Metadata> metadata;

    ControllerHeaderInfo(ControllerPacketMetadata header) {
        this.header = header;
        this.metadata = new Catalog<>("metadata of controller header '" + header.getPreamble().getName() + "'",
                header.getMetadataList(), ControllerPacketMetadata.Metadata::getId,
                ControllerPacketMetadata.Metadata::getName);
    }

    public int id() {
        return header.getPreamble().getId();
    }

    public String name() {
        return header.getPreamble().getName();
    }

    public ControllerPacketMetadata.Metadata metadata(int id) {
        return metadata.get(id);
    }

    public ControllerPacketMetadata.Metadata metadata(String name) {
        return metadata.get(name);
    }

    /** The metadata in P4Info order, which is also their order in the header. */
    public List<ControllerPacketMetadata.Metadata> metadata() {
        return header.getMetadataList();
    }
}
