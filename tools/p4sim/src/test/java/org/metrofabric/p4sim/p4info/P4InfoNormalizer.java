package org.metrofabric.p4sim.p4info;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Puts every repeated field of a protobuf message in a canonical order, so order-insensitive equality is equals(). */
final class P4InfoNormalizer {
    private P4InfoNormalizer() {
    }

    @SuppressWarnings("unchecked")
    static <M extends Message> M normalize(M message) {
        Message.Builder builder = message.toBuilder();
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            FieldDescriptor fd = field.getKey();
            if (fd.isMapField()) {
                continue;
            }
            if (fd.isRepeated()) {
                List<Object> values = new ArrayList<>();
                for (Object v : (List<Object>) field.getValue()) {
                    values.add(v instanceof Message m ? normalize(m) : v);
                }
                values.sort(Comparator.comparing(P4InfoNormalizer::sortKey));
                builder.setField(fd, values);
            } else if (field.getValue() instanceof Message m) {
                builder.setField(fd, normalize(m));
            }
        }
        return (M) builder.build();
    }

    private static String sortKey(Object value) {
        return value instanceof Message m ? TextFormat.printer().printToString(m) : String.valueOf(value);
    }
}
