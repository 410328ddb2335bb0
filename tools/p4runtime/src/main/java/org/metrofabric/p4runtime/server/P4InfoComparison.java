package org.metrofabric.p4runtime.server;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import p4.config.v1.P4InfoOuterClass.P4Info;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a client's P4Info describes the program a target runs: equal as protobuf messages once
 * the order of repeated entries is set aside (p4c's output order is not part of the meaning), with
 * one exception: the metadata of a controller header keep their order, because the header packs
 * them in that order.
 */
final class P4InfoComparison {

    private static final Comparator<ByteString> UNSIGNED = ByteString.unsignedLexicographicalComparator();

    private P4InfoComparison() {
    }

    /** Empty if equivalent, else a description of the first top-level field that differs. */
    static Optional<String> difference(P4Info given, P4Info running) {
        P4Info a = (P4Info) normalize(given);
        P4Info b = (P4Info) normalize(running);
        if (a.equals(b)) {
            return Optional.empty();
        }
        for (FieldDescriptor field : P4Info.getDescriptor().getFields()) {
            Object left = a.getField(field);
            Object right = b.getField(field);
            if (!left.equals(right)) {
                return Optional.of(describe(field, left, right));
            }
        }
        return Optional.of("unknown fields differ");
    }

    private static String describe(FieldDescriptor field, Object given, Object running) {
        if (field.isRepeated() && field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
            List<String> onlyGiven = namesNotIn((List<?>) given, (List<?>) running);
            List<String> onlyRunning = namesNotIn((List<?>) running, (List<?>) given);
            return "'" + field.getName() + "' differ: entries only in the given P4Info " + onlyGiven
                    + ", entries only in the running program's " + onlyRunning;
        }
        return "'" + field.getName() + "' differs";
    }

    /** Names (from the preamble when there is one) of the entries of {@code from} that {@code other} lacks. */
    private static List<String> namesNotIn(List<?> from, List<?> other) {
        List<String> names = new ArrayList<>();
        for (Object entry : from) {
            if (!other.contains(entry)) {
                names.add(nameOf((Message) entry));
            }
        }
        return names;
    }

    private static String nameOf(Message entry) {
        FieldDescriptor preamble = entry.getDescriptorForType().findFieldByName("preamble");
        if (preamble != null && entry.hasField(preamble)) {
            Message p = (Message) entry.getField(preamble);
            return String.valueOf(p.getField(p.getDescriptorForType().findFieldByName("name")));
        }
        String text = entry.toString().replaceAll("\\s+", " ").trim();
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    /** A copy whose repeated fields, at every depth, are sorted (by their serialised bytes). */
    private static Message normalize(Message message) {
        Message.Builder out = message.toBuilder();
        for (Map.Entry<FieldDescriptor, Object> e : message.getAllFields().entrySet()) {
            FieldDescriptor field = e.getKey();
            boolean isMessage = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE;
            if (!field.isRepeated()) {
                if (isMessage) {
                    out.setField(field, normalize((Message) e.getValue()));
                }
                continue;
            }
            List<?> values = (List<?>) e.getValue();
            List<Object> normalized = new ArrayList<>(values.size());
            for (Object value : values) {
                normalized.add(isMessage ? normalize((Message) value) : value);
            }
            if (!keepsOrder(field)) {
                normalized.sort(Comparator.comparing(P4InfoComparison::bytesOf, UNSIGNED));
            }
            out.clearField(field);
            normalized.forEach(v -> out.addRepeatedField(field, v));
        }
        return out.build();
    }

    private static boolean keepsOrder(FieldDescriptor field) {
        return field.getContainingType().getName().equals("ControllerPacketMetadata")
                && field.getName().equals("metadata");
    }

    private static ByteString bytesOf(Object value) {
        if (value instanceof Message m) {
            return m.toByteString();
        }
        if (value instanceof ByteString b) {
            return b;
        }
        return ByteString.copyFromUtf8(value.toString());
    }
}
