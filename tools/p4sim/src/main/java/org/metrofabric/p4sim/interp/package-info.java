/**
 * The interpreter. {@link org.metrofabric.p4sim.interp.Pipeline} compiles a program once per switch: every
 * variable, header field and validity bit gets a fixed slot in a {@link org.metrofabric.p4sim.interp.Frame}
 * (longs for values up to 64 bits, BigIntegers above and for varbits), names are resolved to slots and to
 * runtime objects at compile time, and statements/expressions become trees of
 * {@link org.metrofabric.p4sim.interp.Exec}/{@link org.metrofabric.p4sim.interp.Ev} closures, so the
 * per-packet path does no name lookups. Operator semantics follow BMv2 ({@code Operators}); externs are
 * compiled by {@code ExternCompiler} against the {@code runtime} objects; a
 * {@link org.metrofabric.p4sim.interp.Tracer} sees parser states, tables and actions when set.
 */
package org.metrofabric.p4sim.interp;
