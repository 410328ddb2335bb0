package org.metrofabric.topology.load;

import java.util.List;
import java.util.stream.Collectors;

/** A topology file that cannot be used, with every problem found in it. */
public final class TopologyException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<TopologyError> errors;

    public TopologyException(String source, List<TopologyError> errors) {
        super(source + ": " + errors.size() + (errors.size() == 1 ? " error" : " errors") + "\n"
                + errors.stream().map(e -> "  " + e).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<TopologyError> errors() {
        return errors;
    }
}
