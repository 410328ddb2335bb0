package org.metrofabric.p4sim.interp;

/** Something an expression designates storage for: static for plain fields, dynamic for stack indexing. */
public abstract class Place {
    public abstract Layout layout(Frame f);

    /** A place known at compile time. */
    public static final class Fixed extends Place {
        public final Layout layout;

        public Fixed(Layout layout) {
            this.layout = layout;
        }

        @Override
        public Layout layout(Frame f) {
            return layout;
        }
    }
}
