package org.metrofabric.p4sim.conformance;

/** One golden line where p4sim did not do what the golden recorded. */
public record Mismatch(int line, String what, String expected, String actual) {
    @Override
    public String toString() {
        return "line " + line + ": " + what + "\n    expected: " + expected + "\n    actual:   " + actual;
    }
}
