package org.metrofabric.p4sim.ir;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Types of the P4_16 subset p4sim compiles. Typedefs are resolved to what they name. */
public sealed interface P4Type {

    /** Human-readable P4 spelling, for messages. */
    String describe();

    /** {@code bit<W>} (unsigned) or {@code int<W>} (signed, two's complement). */
    record Bits(int width, boolean signed) implements P4Type {
        public String describe() {
            return (signed ? "int<" : "bit<") + width + ">";
        }

        /** All-ones mask of the width, as a long; only meaningful for width <= 64. */
        public long mask() {
            return width >= 64 ? -1L : (1L << width) - 1;
        }
    }

    /** The type of an integer literal without width (arbitrary precision until it meets a typed value). */
    record InfInt() implements P4Type {
        public String describe() {
            return "int";
        }
    }

    record Bool() implements P4Type {
        public String describe() {
            return "bool";
        }
    }

    record Varbit(int maxWidth) implements P4Type {
        public String describe() {
            return "varbit<" + maxWidth + ">";
        }
    }

    record Error() implements P4Type {
        public String describe() {
            return "error";
        }
    }

    record MatchKind() implements P4Type {
        public String describe() {
            return "match_kind";
        }
    }

    record Str() implements P4Type {
        public String describe() {
            return "string";
        }
    }

    record Void() implements P4Type {
        public String describe() {
            return "void";
        }
    }

    /** A type parameter of a generic extern method or function, e.g. {@code T} of hash's data. */
    record TypeVar(String name) implements P4Type {
        public String describe() {
            return name;
        }
    }

    /** A list expression {@code { a, b }} (or a tuple). */
    record Tuple(List<P4Type> elements) implements P4Type {
        public String describe() {
            return "tuple<" + String.join(", ", elements.stream().map(P4Type::describe).toList()) + ">";
        }
    }

    /** Header, header union or struct. */
    record Struct(Kind kind, String name, List<Field> fields, List<Annotation> annotations,
                  SourceLocation location) implements P4Type {
        public enum Kind { HEADER, HEADER_UNION, STRUCT }

        public String describe() {
            return switch (kind) {
                case HEADER -> "header ";
                case HEADER_UNION -> "header_union ";
                case STRUCT -> "struct ";
            } + name;
        }

        public boolean isHeader() {
            return kind == Kind.HEADER;
        }

        /** Index of the field called {@code field}, or -1. */
        public int fieldIndex(String field) {
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).name().equals(field)) {
                    return i;
                }
            }
            return -1;
        }

        /** Sum of the fixed field widths of a header (varbit fields count 0). */
        public int fixedBitWidth() {
            int sum = 0;
            for (Field f : fields) {
                if (f.type() instanceof Bits b) {
                    sum += b.width();
                } else if (f.type() instanceof Bool) {
                    sum += 1;
                }
            }
            return sum;
        }

        // Identity semantics: two declarations are different types even if their shapes match.
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** A field of a header or struct. */
    record Field(String name, P4Type type, List<Annotation> annotations, SourceLocation location) { }

    /** Header stack {@code H[size]}. */
    record Stack(Struct element, int size) implements P4Type {
        public String describe() {
            return element.name() + "[" + size + "]";
        }
    }

    /** An enum; {@code underlying} is null for plain enums, else the serializable enum's bit type. */
    record Enum(String name, List<String> members, Bits underlying, Map<String, BigInteger> values,
                List<Annotation> annotations, SourceLocation location) implements P4Type {
        public String describe() {
            return "enum " + name;
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** An instance type of an extern object, with its type arguments (may be fewer than declared). */
    record Extern(ExternDecl decl, List<P4Type> typeArguments) implements P4Type {
        public String describe() {
            return "extern " + decl.name();
        }
    }

    /** What {@code table.apply()} returns: has {@code hit}, {@code miss} and {@code action_run}. */
    record TableResult(TableDecl table) implements P4Type {
        public String describe() {
            return "table " + table.name() + " apply result";
        }
    }
}
